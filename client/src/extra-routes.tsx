// Routes beyond the student's lesson path: joining a class, the student's assignments, the teacher's pages.
// Every page is loaded lazily, so none of it weighs on the student's first page.
import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';

export const extraRoutes: RouteDefinition[] = [
  { path: '/join', component: lazy(() => import('./teacher/join-page.tsx')) },
  { path: '/resume', component: lazy(() => import('./teacher/resume-page.tsx')) },
  { path: '/me', component: lazy(() => import('./teacher/my-assignments-page.tsx')) },
  { path: '/teacher', component: lazy(() => import('./teacher/teacher-home-page.tsx')) },
  { path: '/teacher/classes', component: lazy(() => import('./teacher/classes-page.tsx')) },
  { path: '/teacher/classes/:id', component: lazy(() => import('./teacher/class-page.tsx')) },
  { path: '/teacher/classes/:id/projector', component: lazy(() => import('./teacher/class-projector-page.tsx')) },
  { path: '/teacher/assignments/:id', component: lazy(() => import('./teacher/report-page.tsx')) },
  { path: '/teacher/assignments/:id/projector', component: lazy(() => import('./teacher/report-projector-page.tsx')) },
  { path: '/teacher/assignments/:id/live', component: lazy(() => import('./teacher/live-page.tsx')) },
];
