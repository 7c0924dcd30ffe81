// Entry point: the one route table, page by URL (routes/ mirrors the paths), and the layout.
// Every page is lazy, so the first page loads only the shell and the catalog, and no student
// downloads a teacher's page.
import { Router, type RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './components/layout.tsx';
import { preloadLesson } from './lib/queries.ts';

const routes: RouteDefinition[] = [
  { path: '/', component: lazy(() => import('./routes/catalog.tsx')) },
  {
    path: '/lessons/:slug',
    component: lazy(() => import('./routes/lesson.tsx')),
    preload: ({ params }) => preloadLesson(params.slug!),
  },
  { path: '/attempts/:id', component: lazy(() => import('./routes/runner.tsx')) },
  { path: '/attempts/:id/results', component: lazy(() => import('./routes/results.tsx')) },
  { path: '/join', component: lazy(() => import('./routes/join.tsx')) },
  { path: '/resume', component: lazy(() => import('./routes/resume.tsx')) },
  { path: '/me', component: lazy(() => import('./routes/me.tsx')) },
  { path: '/teacher', component: lazy(() => import('./routes/teacher/home.tsx')) },
  { path: '/teacher/classes', component: lazy(() => import('./routes/teacher/classes.tsx')) },
  { path: '/teacher/classes/:id', component: lazy(() => import('./routes/teacher/class.tsx')) },
  { path: '/teacher/classes/:id/projector', component: lazy(() => import('./routes/teacher/class-projector.tsx')) },
  { path: '/teacher/assignments/:id', component: lazy(() => import('./routes/teacher/report.tsx')) },
  { path: '/teacher/assignments/:id/projector', component: lazy(() => import('./routes/teacher/report-projector.tsx')) },
  { path: '/teacher/assignments/:id/live', component: lazy(() => import('./routes/teacher/live.tsx')) },
  { path: '*404', component: lazy(() => import('./routes/not-found.tsx')) },
];

render(() => <Router root={Layout}>{routes}</Router>, document.getElementById('app')!);
