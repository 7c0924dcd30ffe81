// An assignment's report as JSON (and projector-safe), as a spreadsheet, and live as server-sent
// events. Teachers of the class only: any other assignment id is a 404.
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { SKILLS } from '../../lessons/index.ts';
import { factory, type AppEnv } from '../env.ts';
import type { AssignmentView, Localized, ReportStudent, Skill } from '../api-types.ts';
import { notFound, validate } from '../errors.ts';
import { dutchGrade } from '../../lessons/dutch-grade.ts';
import { textIn } from '../../lessons/localized.ts';
import { discussionAnswers, studentAnswers } from '../reports/answers.ts';
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
/** ?separator=comma for spreadsheets set to English; semicolons otherwise (Dutch Excel). ?lang: the
 * interface language of the headers and states (Dutch by default). */
const csvQuery = z.object({ separator: z.enum(['comma', 'semicolon']).optional(), lang: z.enum(['nl', 'en']).optional() });

type Lang = 'nl' | 'en';
const CSV_WORDS = {
  nl: {
    name: 'Naam',
    state: 'Status',
    score: 'Punten',
    max: 'Maximum',
    question: (n: number) => `V${n}`,
    skill: 'Vaardigheid',
    grade: 'Cijfer',
    states: { finished: 'klaar', 'in-progress': 'bezig', 'not-started': 'niet begonnen' },
    // The same words as the interface's skill names (client/src/i18n/messages.ts).
    skills: { claims: 'Beweringen', sources: 'Bronnen', evidence: 'Bewijs', language: 'Taalgebruik', verification: 'Natrekken' },
  },
  en: {
    name: 'Name',
    state: 'Status',
    score: 'Points',
    max: 'Maximum',
    question: (n: number) => `Q${n}`,
    skill: 'Skill',
    grade: 'Grade',
    states: { finished: 'finished', 'in-progress': 'in progress', 'not-started': 'not started' },
    skills: { claims: 'Claims', sources: 'Sources', evidence: 'Evidence', language: 'Language', verification: 'Verification' },
  },
} as const;

/**
 * One row per student: name, state, points, maximum, each question's fraction (0..1), each
 * skill's points, and the Dutch grade when the teacher set a norm. Headers and states in the
 * interface language; each question's header carries its text.
 */
export function reportCsv(
  report: {
    assignment: Pick<AssignmentView, 'gradeNorm'>;
    questions: readonly { id: string; skill: Skill; prompt: Localized; points: number }[];
    students: readonly ReportStudent[];
  },
  separator: Separator,
  lang: Lang = 'nl',
): string {
  const words = CSV_WORDS[lang];
  const skills = SKILLS.filter((s) => report.questions.some((q) => q.skill === s));
  const norm = report.assignment.gradeNorm;
  const lessonMax = report.questions.reduce((n, q) => n + q.points, 0);
  const header = [
    words.name,
    words.state,
    words.score,
    words.max,
    ...report.questions.map((q, i) => `${words.question(i + 1)}: ${textIn(q.prompt, lang)}`),
    ...skills.map((s) => `${words.skill}: ${words.skills[s]}`),
    ...(norm ? [words.grade] : []),
  ];
  const rows = report.students.map((s) => [
    s.displayName,
    words.states[s.state],
    s.score?.points ?? null,
    s.score?.max ?? null,
    ...s.cells.map((cell) => cell.fraction),
    ...skills.map((k) => (s.skills[k] ? s.skills[k]!.points : null)),
    // One denominator: the grade counts the points out of the whole lesson's.
    ...(norm ? [s.state === 'finished' && s.score ? dutchGrade(s.score.points, lessonMax, norm) : null] : []),
  ]);
  return toCsv([header, ...rows], separator);
}

/** A file name a teacher recognises and two assignments never share: lesson (and the teacher's
 * name for it), a piece of the assignment's id, class and date, in safe characters. */
function fileName(a: AssignmentView, now: Date): string {
  const safe = (s: string) => s.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'x';
  const what = a.title ? `${safe(a.lessonSlug)}-${safe(a.title)}` : safe(a.lessonSlug);
  return `bronwijs-${what}-${a.id.replace(/[^\w]/g, '').slice(0, 6)}-${safe(a.className)}-${now.toISOString().slice(0, 10)}.csv`;
}

export const reportRoutes = factory.createApp()
  .get('/:id/report', requireTeacher, validate('query', reportQuery), async (c) => {
    const { db } = c.var;
    const { assignment, klass } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(assignment.lessonVersion);
    const report = buildReport(await assignmentView(c.var.lessons, assignment, klass), lesson, await loadReportData(db, c.var.client, assignment), {
      projector: c.req.query('view') === 'projector',
    });
    // The projector also shows the open answers the teacher picked, as text without names.
    if (c.req.query('view') === 'projector') {
      report.discussion = await discussionAnswers(db, assignment, lesson);
      // The picked answers' ids would tie the texts to rows of the teacher's report: not on the projector.
      report.assignment = { ...report.assignment, discussion: [] };
    }
    return c.json(report, 200);
  })
  .get('/:id/students/:studentId/answers', requireTeacher, async (c) => {
    const { db } = c.var;
    const { assignment } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(assignment.lessonVersion);
    const answers = await studentAnswers(db, assignment, lesson, c.req.param('studentId'));
    if (!answers) throw notFound('There is no such student in this class.');
    return c.json(answers, 200);
  })
  .get('/:id/report.csv', requireTeacher, validate('query', csvQuery), async (c) => {
    const { db } = c.var;
    const { assignment, klass } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(assignment.lessonVersion);
    // The spreadsheet has the students' rows only: no item analysis, no open answers to grade.
    const view = await assignmentView(c.var.lessons, assignment, klass);
    const { students } = reportStudents(lesson, await loadReportData(db, c.var.client, assignment));
    const separator: Separator = c.req.query('separator') === 'comma' ? ',' : ';';
    return c.body(reportCsv({ assignment: view, questions: lesson.questions, students }, separator, c.req.query('lang') === 'en' ? 'en' : 'nl'), 200, {
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
