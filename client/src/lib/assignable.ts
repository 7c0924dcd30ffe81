// What a teacher can assign besides the catalog: their own published lessons and those colleagues
// share, as GET /api/studio lists them (the server checks again when the assignment is made).
// A module of its own so the class page does not load the studio's.
import { query } from '@solidjs/router';
import { client, unwrap } from './api.ts';

export interface AssignableLesson {
  slug: string;
  title: string;
  authorName?: string;
}

export const getAuthoredAssignable = query(async (): Promise<{ mine: AssignableLesson[]; colleagues: AssignableLesson[] }> => {
  const studio = await unwrap(client.studio.$get());
  return {
    mine: studio.lessons.filter((l) => l.status === 'published').map((l) => ({ slug: l.slug, title: l.title })),
    colleagues: studio.colleagues.map((c) => ({ slug: c.slug, title: c.title, authorName: c.authorName })),
  };
}, 'authoredAssignable');
