// An assignment's report as JSON (and projector-safe), as a spreadsheet, and live as server-sent
// events. Teachers of the class only: any other assignment id is a 404.
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { SKILLS } from '../../lessons/index.ts';
import { factory, type AppEnv } from '../env.ts';
import type { AssignmentView, ReportQuestion, ReportStudent } from '../api-types.ts';
import { validate } from '../errors.ts';
import { requireTeacher } from '../guards.ts';
import { ownAssignment } from '../security/access.ts';
import { toCsv, type Separator } from '../reports/csv.ts';
import { liveFingerprint, liveSnapshot, teacherSessionAlive } from '../reports/live.ts';
import { buildReport, loadReportData, reportStudents } from '../reports/report.ts';
import { assignmentView } from './assignments.ts';

/** How often the live view asks the database whether anything changed. */
export const LIVE_POLL_MS = 1000;
/** A comment line this often keeps proxies from closing a quiet stream. */
export const LIVE_KEEPALIVE_MS = 15_000;
/**
 * A live stream ends after this long at the latest (the browser's EventSource reconnects, and the
 * reconnect passes the session guard again). It also ends as soon as its session does: on every
 * poll the session is read again from the database, and the stream stops at the absolute timeout.
 * The stream does not refresh last_seen_at itself; the reconnect does. So a live view left open
 * counts as activity (one reconnect an hour, well within the 2-hour idle timeout), but never
 * outlives logout, a password change or the absolute timeout.
 */
export const LIVE_MAX_MS = 60 * 60_000;

/** ?view=projector: without names, for the class to see. */
const reportQuery = z.object({ view: z.enum(['projector']).optional() });
/** ?separator=comma for spreadsheets set to English; semicolons otherwise (Dutch Excel). */
const csvQuery = z.object({ separator: z.enum(['comma', 'semicolon']).optional() });

/** One row per student: name, state, score, each question's fraction, each skill's points. */
export function reportCsv(report: { questions: readonly Pick<ReportQuestion, 'id' | 'skill'>[]; students: readonly ReportStudent[] }, separator: Separator): string {
  const skills = SKILLS.filter((s) => report.questions.some((q) => q.skill === s));
  const header = [
    'name',
    'state',
    'score',
    'max',
    ...report.questions.map((q, i) => `Q${i + 1} ${q.id}`),
    ...skills.map((s) => `skill ${s}`),
  ];
  const rows = report.students.map((s) => [
    s.displayName,
    s.state,
    s.score?.points ?? null,
    s.score?.max ?? null,
    ...s.cells.map((cell) => cell.fraction),
    ...skills.map((k) => (s.skills[k] ? s.skills[k]!.points : null)),
  ]);
  return toCsv([header, ...rows], separator);
}

/** A file name a teacher recognises: lesson, class and date, in safe characters. */
function fileName(view: AssignmentView, now: Date): string {
  const safe = (s: string) => s.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'x';
  return `bronwijs-${safe(view.lessonSlug)}-${safe(view.className)}-${now.toISOString().slice(0, 10)}.csv`;
}

export const reportRoutes = factory.createApp()
  .get('/:id/report', requireTeacher, validate('query', reportQuery), async (c) => {
    const { db } = c.var;
    const { assignment, klass } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(assignment.lessonVersion);
    const report = buildReport(await assignmentView(c.var.lessons, assignment, klass), lesson, await loadReportData(db, c.var.client, assignment), {
      projector: c.req.query('view') === 'projector',
    });
    return c.json(report, 200);
  })
  .get('/:id/report.csv', requireTeacher, validate('query', csvQuery), async (c) => {
    const { db } = c.var;
    const { assignment, klass } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(assignment.lessonVersion);
    // The spreadsheet has the students' rows only: no item analysis, no open answers to grade.
    const view = await assignmentView(c.var.lessons, assignment, klass);
    const { students } = reportStudents(lesson, await loadReportData(db, c.var.client, assignment));
    const separator: Separator = c.req.query('separator') === 'comma' ? ',' : ';';
    return c.body(reportCsv({ questions: lesson.questions, students }, separator), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName(view, c.var.now())}"`,
    });
  })
  .get('/:id/live', requireTeacher, async (c) => {
    const { db } = c.var;
    const { assignment } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(assignment.lessonVersion);
    const session = c.var.session;
    const endsAt = Math.min(c.var.now().getTime() + LIVE_MAX_MS, session.expiresAt.getTime());
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let seen = await liveFingerprint(db, assignment);
      await stream.writeSSE({ data: JSON.stringify(await liveSnapshot(db, assignment, lesson, c.var.now())) });
      let quiet = 0;
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(LIVE_POLL_MS);
        if (stream.aborted || stream.closed) break;
        const at = c.var.now();
        const [alive, now] = await Promise.all([teacherSessionAlive(db, session.id, at), liveFingerprint(db, assignment)]);
        // Signed out, password changed, timed out: stop. Past the lifetime: stop too; the
        // browser reconnects and the guard decides again.
        if (!alive || at.getTime() >= endsAt) break;
        if (now !== seen) {
          seen = now;
          quiet = 0;
          await stream.writeSSE({ data: JSON.stringify(await liveSnapshot(db, assignment, lesson, at)) });
        } else if ((quiet += LIVE_POLL_MS) >= LIVE_KEEPALIVE_MS) {
          quiet = 0;
          await stream.write(': keep-alive\n\n');
        }
      }
    });
  });
