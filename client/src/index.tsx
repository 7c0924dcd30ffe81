// Entry point: the route table (student path here, teammates' routes spread in) and the layout.
// Every page is lazy so the first page only loads the shell and the catalog.
import { Router, type RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './components/layout.tsx';
import { extraRoutes } from './extra-routes.tsx';
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
  ...extraRoutes,
  { path: '*404', component: lazy(() => import('./routes/not-found.tsx')) },
];

render(() => <Router root={Layout}>{routes}</Router>, document.getElementById('app')!);
