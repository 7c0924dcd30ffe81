// Entry point: the one route table, page by URL (routes/ mirrors the paths), and the layout.
// Every page is lazy, so the first page loads only the shell and the catalog, and no student
// downloads a teacher's page.
import { Router, type RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './components/layout.tsx';
import {
  getAttempt,
  getClass,
  getClassAssignments,
  getClasses,
  getLesson,
  getLessonPreview,
  getLessons,
  getMe,
  getMyAssignments,
  getMyAttempts,
  getProjectorReport,
  getReport,
  preload,
} from './lib/queries.ts';

const routes: RouteDefinition[] = [
  {
    path: '/',
    component: lazy(() => import('./routes/catalog.tsx')),
    preload: () => (preload(getLessons()), preload(getMyAttempts())),
  },
  {
    path: '/lessons/:slug',
    component: lazy(() => import('./routes/lesson.tsx')),
    preload: ({ params }) => preload(getLesson(params.slug!)),
  },
  { path: '/attempts/:id', component: lazy(() => import('./routes/runner.tsx')), preload: ({ params }) => preload(getAttempt(params.id!)) },
  {
    path: '/attempts/:id/results',
    component: lazy(() => import('./routes/results.tsx')),
    preload: ({ params }) => preload(getAttempt(params.id!)),
  },
  { path: '/join', component: lazy(() => import('./routes/join.tsx')) },
  { path: '/resume', component: lazy(() => import('./routes/resume.tsx')) },
  { path: '/forgot-password', component: lazy(() => import('./routes/forgot-password.tsx')) },
  { path: '/reset-password', component: lazy(() => import('./routes/reset-password.tsx')) },
  { path: '/me', component: lazy(() => import('./routes/me.tsx')), preload: () => preload(getMyAssignments()) },
  { path: '/teacher', component: lazy(() => import('./routes/teacher/home.tsx')), preload: () => preload(getMe()) },
  {
    path: '/teacher/classes',
    component: lazy(() => import('./routes/teacher/classes.tsx')),
    preload: () => (preload(getMe()), preload(getClasses())),
  },
  {
    path: '/teacher/classes/:id',
    component: lazy(() => import('./routes/teacher/class.tsx')),
    preload: ({ params }) => (preload(getMe()), preload(getClass(params.id!)), preload(getClassAssignments(params.id!))),
  },
  {
    path: '/teacher/classes/:id/projector',
    component: lazy(() => import('./routes/teacher/class-projector.tsx')),
    preload: ({ params }) => (preload(getMe()), preload(getClass(params.id!))),
  },
  {
    path: '/teacher/assignments/:id',
    component: lazy(() => import('./routes/teacher/report.tsx')),
    preload: ({ params }) => (preload(getMe()), preload(getReport(params.id!))),
  },
  {
    path: '/teacher/assignments/:id/projector',
    component: lazy(() => import('./routes/teacher/report-projector.tsx')),
    preload: ({ params }) => (preload(getMe()), preload(getProjectorReport(params.id!))),
  },
  { path: '/teacher/assignments/:id/live', component: lazy(() => import('./routes/teacher/live.tsx')) },
  { path: '/teacher/live/:id', component: lazy(() => import('./routes/teacher/live/control.tsx')), preload: () => preload(getMe()) },
  { path: '/teacher/live/:id/projector', component: lazy(() => import('./routes/teacher/live/projector.tsx')), preload: () => preload(getMe()) },
  { path: '/teacher/live/:id/results', component: lazy(() => import('./routes/teacher/live/results.tsx')), preload: () => preload(getMe()) },
  { path: '/live', component: lazy(() => import('./routes/live/join.tsx')) },
  { path: '/live/:id', component: lazy(() => import('./routes/live/session.tsx')) },
  { path: '/teacher/lessons/:slug/guide', component: lazy(() => import('./routes/teacher/guide.tsx')) },
  {
    path: '/teacher/lessons/:slug/preview',
    component: lazy(() => import('./routes/teacher/preview.tsx')),
    preload: ({ params }) => (preload(getMe()), preload(getLessonPreview(params.slug!))),
  },
  // The studio, where teachers write lessons: its own chunks, words and styles, loaded only here.
  { path: '/teacher/studio', component: lazy(() => import('./routes/teacher/studio/studio.tsx')), preload: () => preload(getMe()) },
  { path: ['/teacher/studio/articles/new', '/teacher/studio/articles/:id'], component: lazy(() => import('./routes/teacher/studio/article-editor.tsx')), preload: () => preload(getMe()) },
  { path: '/teacher/studio/lessons/:id', component: lazy(() => import('./routes/teacher/studio/lesson-editor.tsx')), preload: () => preload(getMe()) },
  { path: '/teacher/studio/lessons/:id/preview', component: lazy(() => import('./routes/teacher/studio/lesson-preview.tsx')), preload: () => preload(getMe()) },
  { path: '*404', component: lazy(() => import('./routes/not-found.tsx')) },
];

render(() => <Router root={Layout}>{routes}</Router>, document.getElementById('app')!);
