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
import { teacherSessionAlive } from '../reports/live.ts';

export const liveProjectorRoutes = factory.createApp()
  .get('/:id/projector', requireTeacher, async (c) => {
    const { db } = c.var;
    const { session, className } = await ownLiveSession(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(session.lessonVersion);
    const view: LiveProjectorView = projectorView(await sharedSnapshot(db, session, className, lesson), c.var.now());
    return c.json(view, 200);
  })
  .get('/:id/projector/events', requireTeacher, async (c) => {
    const { db } = c.var;
    const { session, className } = await ownLiveSession(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(session.lessonVersion);
    const teacherSession = c.var.session;
    return liveStream(c, {
      sessionId: session.id,
      follows: () => true,
      expiresAt: teacherSession.expiresAt,
      alive: () => teacherSessionAlive(db, teacherSession.id, c.var.now()),
      view: async () => {
        const { session: now } = await ownLiveSession(db, teacherSession.teacherId!, session.id).catch(() => ({ session: null }));
        if (!now) return null;
        return projectorView(await sharedSnapshot(db, now, className, lesson), c.var.now());
      },
    });
  });
