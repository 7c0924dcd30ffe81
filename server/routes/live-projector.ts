// The projector of a live session (issue 11 item 3): what the class sees on the wall. Never a name:
// the code, joined and answered counts, the current question, and, once the teacher shows them,
// the answer split per round and the sentences the class cited; the key after the reveal. Read
// with the teacher's session (the projector is the teacher's second window).
import { factory } from '../env.ts';
import { requireTeacher } from '../guards.ts';
import { ownLiveSession } from '../live/store.ts';
import { liveStream } from '../live/stream.ts';
import type { LiveProjectorView } from '../live/types.ts';
import { projectorView, sharedSnapshot } from '../live/views.ts';

export const liveProjectorRoutes = factory.createApp()
  .get('/:id/projector', requireTeacher, async (c) => {
    const { db } = c.var;
    const { session } = await ownLiveSession(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(session.lessonVersion);
    const view: LiveProjectorView = projectorView(await sharedSnapshot(c.var.client, session, lesson), c.var.now());
    return c.json(view, 200);
  })
  .get('/:id/projector/events', requireTeacher, async (c) => {
    const { db, client, teacherId } = c.var;
    const { session } = await ownLiveSession(db, teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(session.lessonVersion);
    return liveStream(c, {
      sessionId: session.id,
      follows: () => true,
      reader: { id: c.var.session.id, expiresAt: c.var.session.expiresAt, teacher: true },
      // Still this teacher's (as ownLiveSession checks), else the stream ends.
      view: async (now) => (now?.teacherId === teacherId ? projectorView(await sharedSnapshot(client, now, lesson), c.var.now()) : null),
    });
  });
