// A teacher's live sessions (issue 11): start one of a lesson for a class or for guests, list
// them, read the control screen (names, key, every round) and change the session with commands;
// the control screen also as server-sent events. Only the session's teacher: any other id is 404.
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { classes, liveParticipants, liveSessions } from '../../db/schema.ts';
import { initialLiveState } from '../../lessons/index.ts';
import { factory } from '../env.ts';
import { conflict, invalid, notFound, validate } from '../errors.ts';
import { requireTeacher } from '../guards.ts';
import { liveHubOf } from '../live/hub.ts';
import { applyCommand, ownLiveSession } from '../live/store.ts';
import { JOIN_WINDOW_MAX_MINUTES, windowUntil } from '../security/join-window.ts';
import { liveStream } from '../live/stream.ts';
import type { LiveSessionSummary, LiveTeacherView } from '../live/types.ts';
import { sharedSnapshot, summaryOf, teacherView } from '../live/views.ts';
import { newJoinCode } from '../security/codes.ts';

const startBody = z.object({ slug: z.string().min(1).max(200), classId: z.string().min(1).max(100).optional() });
const minutes = z.number().int().min(1).max(JOIN_WINDOW_MAX_MINUTES);
const commandBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('show-question'), questionId: z.string().min(1).max(200) }),
  z.object({ type: z.literal('lock') }),
  z.object({ type: z.literal('unlock') }),
  z.object({ type: z.literal('reveal') }),
  z.object({ type: z.literal('new-round') }),
  z.object({ type: z.literal('show-results'), show: z.boolean() }),
  z.object({ type: z.literal('start-timer'), seconds: z.number().int().min(5).max(3600) }),
  z.object({ type: z.literal('stop-timer') }),
  z.object({ type: z.literal('open-joining'), minutes: minutes.optional() }),
  z.object({ type: z.literal('close-joining') }),
  z.object({ type: z.literal('lock-joining') }),
  z.object({ type: z.literal('unlock-joining') }),
  z.object({ type: z.literal('remove-participant'), participantId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('end') }),
]);

export const liveRoutes = factory.createApp()
  .post('/', requireTeacher, validate('json', startBody), async (c) => {
    const { db } = c.var;
    const body = c.req.valid('json');
    const lesson = c.var.lessons.current(body.slug);
    if (!lesson) throw invalid('There is no such lesson.', [{ path: 'slug', message: `unknown lesson '${body.slug}'` }]);
    let className: string | null = null;
    if (body.classId !== undefined) {
      const [klass] = await db
        .select()
        .from(classes)
        .where(and(eq(classes.id, body.classId), eq(classes.teacherId, c.var.teacherId)))
        .limit(1);
      if (!klass) throw invalid('There is no such class among yours.', [{ path: 'classId', message: 'not one of your classes' }]);
      if (klass.archivedAt) throw conflict('This class is archived. Restore it before starting a live lesson.', 'class-archived');
      className = klass.name;
    }
    const now = c.var.now();
    const state = initialLiveState();
    // 31^6 codes, unique among running sessions; on a collision draw again.
    for (let tries = 0; tries < 8; tries++) {
      const [created] = await db
        .insert(liveSessions)
        .values({
          id: randomUUID(),
          teacherId: c.var.teacherId,
          classId: body.classId ?? null,
          lessonSlug: lesson.slug,
          lessonVersion: lesson.version,
          code: newJoinCode(),
          joinOpenUntil: windowUntil(now),
          questionStates: state.questionStates,
          startedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (created) return c.json(summaryOf(created, lesson, className), 201);
    }
    throw new Error('could not find a free live session code');
  })
  .get('/', requireTeacher, async (c) => {
    const rows = await c.var.db
      .select({ session: liveSessions, className: classes.name })
      .from(liveSessions)
      .leftJoin(classes, eq(classes.id, liveSessions.classId))
      .where(eq(liveSessions.teacherId, c.var.teacherId))
      .orderBy(desc(liveSessions.startedAt));
    const sessions: LiveSessionSummary[] = [];
    for (const { session, className } of rows) sessions.push(summaryOf(session, await c.var.lessons.pinned(session.lessonVersion), className));
    return c.json({ sessions }, 200);
  })
  .get('/:id', requireTeacher, async (c) => {
    const { db } = c.var;
    const { session, className } = await ownLiveSession(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(session.lessonVersion);
    const view: LiveTeacherView = teacherView(await sharedSnapshot(c.var.client, session, lesson), className, c.var.now());
    return c.json(view, 200);
  })
  .post('/:id/commands', requireTeacher, validate('json', commandBody), async (c) => {
    const { db } = c.var;
    const { session, className } = await ownLiveSession(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(session.lessonVersion);
    const command = c.req.valid('json');
    if (command.type === 'remove-participant') {
      const [p] = await db
        .select({ id: liveParticipants.id })
        .from(liveParticipants)
        .where(and(eq(liveParticipants.id, command.participantId), eq(liveParticipants.sessionId, session.id)))
        .limit(1);
      if (!p) throw notFound('There is no such participant in this session.');
    }
    const updated = await applyCommand(db, c.var.writes, session, command, lesson.questions.map((q) => q.id), c.var.now());
    liveHubOf(c.var.client).nudge(session.id);
    const view: LiveTeacherView = teacherView(await sharedSnapshot(c.var.client, updated, lesson), className, c.var.now());
    return c.json(view, 200);
  })
  .get('/:id/events', requireTeacher, async (c) => {
    const { db, client, teacherId } = c.var;
    const { session, className } = await ownLiveSession(db, teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(session.lessonVersion);
    return liveStream(c, {
      sessionId: session.id,
      follows: () => true,
      reader: { id: c.var.session.id, expiresAt: c.var.session.expiresAt, teacher: true },
      // Still this teacher's (as ownLiveSession checks), else the stream ends.
      view: async (now) => (now?.teacherId === teacherId ? teacherView(await sharedSnapshot(client, now, lesson), className, c.var.now()) : null),
    });
  });
