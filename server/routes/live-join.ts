// POST /api/join/live: a student enters a live session with the code on the projector. A class
// session admits the learners of its class (with their own session); a guest session anyone, with
// a display name (a guest gets a learner and session of their own). Only while the teacher's join
// window is open and the session is not locked: otherwise a right code is refused exactly like a
// wrong one (security/join-window.ts). A participant already in comes back in at any time, unless
// the teacher removed them.
import { randomUUID } from 'node:crypto';
import { fastSqlOf } from '../../db/client.ts';
import { z } from 'zod';
import { factory } from '../env.ts';
import { conflict, forbidden, invalid, notFound, validate } from '../errors.ts';
import { teacherNotLearner, writeAsLearner } from '../learners.ts';
import { liveHubOf } from '../live/hub.ts';
import { LIVE_PARTICIPANTS_MAX, newSeed, participantOf } from '../live/store.ts';
import { normalizeJoinCode } from '../security/codes.ts';
import { refuseAsWrongCode, windowOpen } from '../security/join-window.ts';
import { getSession } from '../session.ts';
import { displayNameField, displayNameKey } from './join.ts';

const joinBody = z.object({ code: z.string().max(40), displayName: displayNameField.optional() });

const NO_SESSION = 'There is no live lesson with this code. Check the code on the board.';

const SESSION_BY_CODE_SQL = 'SELECT id, class_id AS classId, locked, join_open_until AS joinOpenUntil FROM live_sessions WHERE code = ?';
const NAME_TAKEN_SQL = 'SELECT 1 AS taken FROM live_participants WHERE session_id = ? AND display_name_key = ?';
const PARTICIPANT_COUNT_SQL = 'SELECT count(*) AS n FROM live_participants WHERE session_id = ?';

export const liveJoinRoutes = factory.createApp().post('/live', validate('json', joinBody), async (c) => {
  const body = c.req.valid('json');
  const current = await getSession(c);
  if (current?.teacherId) throw teacherNotLearner('join a live lesson as a student');
  const code = normalizeJoinCode(body.code);
  // A malformed code can never match: refused without a lookup and not counted, as for classes.
  if (!code) throw notFound(NO_SESSION);
  const { client } = c.var;
  const sql = fastSqlOf(client);
  const now = c.var.now();
  // Prepared statements (FastSql) for the reads: a class of 30 joins within seconds, many classes at once.
  const found = await sql.get(SESSION_BY_CODE_SQL, [code]);
  if (!found) return refuseAsWrongCode(c, NO_SESSION);
  const session = {
    id: String(found.id),
    classId: found.classId === null ? null : String(found.classId),
    locked: Boolean(found.locked),
    joinOpenUntil: found.joinOpenUntil === null ? null : new Date(Number(found.joinOpenUntil)),
  };
  const learner = current?.learner ?? null;
  if (learner) {
    const already = await participantOf(client, session.id, learner.id);
    if (already?.removedAt) return refuseAsWrongCode(c, NO_SESSION);
    if (already) return c.json({ sessionId: session.id, participantId: already.id, name: already.displayName }, 200);
  }
  if (session.locked || !windowOpen(session.joinOpenUntil, now)) return refuseAsWrongCode(c, NO_SESSION);

  let name: string;
  if (session.classId !== null) {
    // A class's session: its students, under the name the class knows them by.
    if (learner?.kind !== 'student' || learner.classId !== session.classId) {
      throw forbidden('This live lesson is for a class. Join your class first with its own code, then enter this code again.', 'class-only');
    }
    name = learner.displayName ?? '';
  } else {
    const given = body.displayName ?? learner?.displayName ?? null;
    if (!given) throw invalid('Choose a name to join.', [{ path: 'displayName', message: 'choose a name' }]);
    name = given;
  }
  const key = displayNameKey(name);
  const taken = await sql.get(NAME_TAKEN_SQL, [session.id, key]);
  const size = await sql.get(PARTICIPANT_COUNT_SQL, [session.id]);
  if (taken) throw conflict(`Someone in this lesson already uses the name "${name}". Choose another name.`, 'name-taken');
  if (Number(size?.n ?? 0) >= LIVE_PARTICIPANTS_MAX) throw conflict(`This live lesson is full: it has ${LIVE_PARTICIPANTS_MAX} participants.`, 'session-full');

  const id = randomUUID();
  // A guest without a session gets a learner and session in the same commit as the participant.
  const joined = await writeAsLearner(c, (learnerId) => [
    {
      sql: `INSERT INTO live_participants (id, session_id, learner_id, display_name, display_name_key, seed, joined_at)
            SELECT ?, ?, ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM live_participants WHERE session_id = ?) < ?
            ON CONFLICT DO NOTHING`,
      args: [id, session.id, learnerId, name, key, newSeed(), now.getTime(), session.id, LIVE_PARTICIPANTS_MAX],
    },
    // Joining moves the counts on the teacher's screen and the projector.
    { sql: 'UPDATE live_sessions SET answers_version = answers_version + 1 WHERE id = ?', args: [session.id] },
  ]);
  // Not inserted: a concurrent join took the name (or the last place) first.
  if ((await participantOf(client, session.id, joined.id))?.id !== id) {
    throw conflict(`Someone in this lesson already uses the name "${name}". Choose another name.`, 'name-taken');
  }
  liveHubOf(c.var.client).nudge(session.id);
  return c.json({ sessionId: session.id, participantId: id, name }, 201);
});
