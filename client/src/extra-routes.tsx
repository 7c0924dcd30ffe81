// Routes beyond the student's lesson path: joining a class, the student's assignments, the teacher's pages.
import type { RouteDefinition } from '@solidjs/router';

export const extraRoutes: RouteDefinition[] = [];
