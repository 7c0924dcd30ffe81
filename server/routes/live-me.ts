// A participant's side of a live session: their view (the current question in their own tokens,
// their saved answer of this round; the key only after the teacher's reveal, as the live behaviour
// says), the same as server-sent events, and answering. An answer is stored (in the group commit)
// before it is acknowledged, and only while its question and round are the current ones and the
// answers are open: the insert checks that itself, inside the write transaction, so a lock from
// another process cannot race it. Anyone not a participant (or removed) gets 404.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { fastSqlOf } from '../../db/client.ts';
import type { LiveParticipant, LiveSession } from '../../db/schema.ts';
import { grade, live, liveAttemptState, parseAnswer, toPublicAnswer, type Lesson, type LiveState } from '../../lessons/index.ts';
import { factory, type AppEnv } from '../env.ts';
import { conflict, invalid, notFound, validate } from '../errors.ts';
import { requireLearner, type LearnerVariables } from '../guards.ts';
import { liveHubOf } from '../live/hub.ts';
import { answerContext, liveSessionRow, participantOf } from '../live/store.ts';
import { liveStream } from '../live/stream.ts';
import type { LiveAnswerSaved, LiveStudentView } from '../live/types.ts';
import { sharedSnapshot, studentView } from '../live/views.ts';

/** At most this many sentences marked as support for one answer. */
export const CITES_MAX = 30;

const answerBody = z.object({
  round: z.number().int().min(1).max(99),
  answer: z.unknown(),
  cites: z.array(z.string().min(1).max(100)).max(CITES_MAX).default([]),
});

type Env = AppEnv & { Variables: LearnerVariables };
const NOT_FOUND = 'There is no such live lesson for you.';

/** The session and this learner's participation, if they take part (and were not removed). */
async function participation(c: Context<Env>, sessionId: string): Promise<{ session: LiveSession; participant: LiveParticipant; lesson: Lesson }> {
  const { client } = c.var;
  const participant = await participantOf(client, sessionId, c.var.learner.id);
  const session = participant && !participant.removedAt ? await liveSessionRow(client, sessionId) : undefined;
  if (!session || !participant) throw notFound(NOT_FOUND);
  return { session, participant, lesson: await c.var.lessons.pinned(session.lessonVersion) };
}

/** Why an answer to question `questionId` in `round` cannot be taken now. */
function closedProblem(state: LiveState, questionId: string, round: number, at: number) {
  if (liveAttemptState(state, questionId, round, at).finished) return conflict('The live lesson has ended.', 'session-ended');
  if (state.questionId !== questionId || state.round !== round) return conflict('This question and round are not the current ones.', 'not-current-round');
  return conflict('The teacher has closed the answers.', 'answers-locked');
}

const LATEST_SQL = 'SELECT try, answer, cites FROM live_answers WHERE participant_id = ? AND question_id = ? AND round = ? ORDER BY try DESC LIMIT 1';

const sentencesOf = new WeakMap<Lesson, Set<string>>();
function sentenceIds(lesson: Lesson): Set<string> {
  let ids = sentencesOf.get(lesson);
  if (!ids) sentencesOf.set(lesson, (ids = new Set(lesson.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)))));
  return ids;
}

export const liveMeRoutes = factory.createApp()
  .get('/:id/me', requireLearner, async (c) => {
    const { session, participant, lesson } = await participation(c, c.req.param('id'));
    const view: LiveStudentView = studentView(await sharedSnapshot(c.var.client, session, lesson), participant, c.var.now());
    return c.json(view, 200);
  })
  .get('/:id/me/events', requireLearner, async (c) => {
    const { session, participant, lesson } = await participation(c, c.req.param('id'));
    const { client } = c.var;
    return liveStream(c, {
      sessionId: session.id,
      // A device changes with the teacher's commands, not with others' answers.
      follows: (change) => change.state,
      reader: { id: c.var.session.id, expiresAt: c.var.session.expiresAt, teacher: false },
      view: async (now) => {
        if (!now) return null;
        // The reader from the snapshot every stream of the session shares: read once per change.
        const s = await sharedSnapshot(client, now, lesson);
        const me = s.byLearner.get(participant.learnerId);
        // Removed by the teacher, or the session is gone: the stream ends.
        if (!me || me.removedAt) return null;
        return studentView(s, me, c.var.now());
      },
    });
  })
  .put('/:id/answers/:questionId', requireLearner, validate('json', answerBody), async (c) => {
    // The hottest live request: prepared statements only (FastSql), one read before the write.
    const context = await answerContext(c.var.client, c.req.param('id'), c.var.learner.id);
    if (!context) throw notFound(NOT_FOUND);
    const { participant, state } = context;
    const lesson = await c.var.lessons.pinned(context.lessonVersion);
    const q = lesson.questions.find((x) => x.id === c.req.param('questionId'));
    if (!q) throw notFound('The lesson has no such question.');
    const body = c.req.valid('json');
    const at = c.var.now().getTime();
    if (!live.mayAnswer(liveAttemptState(state, q.id, body.round, at))) throw closedProblem(state, q.id, body.round, at);

    const parsed = parseAnswer(q, participant.seed, body.answer);
    if (!parsed.ok) {
      throw invalid('The answer does not fit this question.', parsed.errors.map((e) => ({ path: e.path ? `answer.${e.path}` : 'answer', message: e.message })));
    }
    const cites = [...new Set(body.cites)];
    if (cites.length && !live.takesCites(q)) throw invalid('This question takes no marked sentences.', [{ path: 'cites', message: 'leave empty for this question' }]);
    const unknown = cites.findIndex((id) => !sentenceIds(lesson).has(id));
    if (unknown >= 0) throw invalid('A marked sentence is not in the article.', [{ path: `cites.${body.cites.indexOf(cites[unknown]!)}`, message: 'not a sentence of the article' }]);
    const answer = parsed.answer;
    const answerJson = JSON.stringify(answer);
    const citesJson = JSON.stringify(cites);
    const saved = (tryNumber: number): LiveAnswerSaved => ({ saved: true, round: body.round, try: tryNumber, answer: toPublicAnswer(q, participant.seed, answer), cites });

    // The same answer again (a retry, a double click): stored once.
    const latest = await fastSqlOf(c.var.client).get(LATEST_SQL, [participant.id, q.id, body.round]);
    if (latest && latest.answer === answerJson && latest.cites === citesJson) return c.json(saved(Number(latest.try)), 200);

    // One statement numbers the try and checks, inside the write transaction, that this question
    // and round are current and open and the participant still in: a concurrent lock, reveal, new
    // round, end or removal (from any process) cannot slip an answer past it.
    const answerId = randomUUID();
    const sessionId = c.req.param('id');
    const [inserted] = await c.var.writes.run([
      {
        sql: `INSERT INTO live_answers (id, session_id, participant_id, question_id, round, try, answer, cites, fraction, created_at)
              SELECT ?, ?, ?, ?, ?, coalesce((SELECT max(try) FROM live_answers WHERE participant_id = ? AND question_id = ? AND round = ?), 0) + 1, ?, ?, ?, ?
              WHERE EXISTS (SELECT 1 FROM live_sessions WHERE id = ? AND ended_at IS NULL AND current_question_id = ? AND round = ? AND phase = 'answering'
                            AND (timer_ends_at IS NULL OR timer_ends_at > ?))
                AND EXISTS (SELECT 1 FROM live_participants WHERE id = ? AND removed_at IS NULL)
              ON CONFLICT DO NOTHING
              RETURNING try`,
        args: [
          answerId, sessionId, participant.id, q.id, body.round, participant.id, q.id, body.round,
          answerJson, citesJson, grade(q, answer).fraction, at,
          sessionId, q.id, body.round, at, participant.id,
        ],
      },
      // The streams' signal; only when the answer was stored: a refused answer changes nothing.
      { sql: 'UPDATE live_sessions SET answers_version = answers_version + 1 WHERE id = ? AND EXISTS (SELECT 1 FROM live_answers WHERE id = ?)', args: [sessionId, answerId] },
    ]);
    const row = inserted!.rows[0];
    if (!row) {
      // The state changed since it was read: say why from the state as it is now.
      const fresh = await answerContext(c.var.client, sessionId, c.var.learner.id);
      if (!fresh) throw notFound(NOT_FOUND);
      throw closedProblem(fresh.state, q.id, body.round, at);
    }
    liveHubOf(c.var.client).nudge(sessionId);
    return c.json(saved(Number(row.try)), 200);
  });
