// GET /api/studio: the teacher's studio at a glance: their articles, their lessons (draft or
// published, shared or not) and the lessons colleagues on this server share.
import { factory } from '../env.ts';
import { requireTeacher } from '../guards.ts';
import { overview } from '../studio/store.ts';

export const studioRoutes = factory.createApp().get('/', requireTeacher, async (c) => c.json(await overview(c.var.db, c.var.teacherId), 200));
