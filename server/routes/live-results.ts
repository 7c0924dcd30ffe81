// The results of a live session (issue 11 item 4): per question, the share right in each round, who
// moved from wrong to right and from right to wrong (names: the session's teacher only), the
// misconceptions per round; and the same as a spreadsheet, like the assignment report's CSV.
import { z } from 'zod';
import { factory } from '../env.ts';
import { validate } from '../errors.ts';
import { requireTeacher } from '../guards.ts';
import { liveResults, liveResultsCsv } from '../live/results.ts';
import { ownLiveSession } from '../live/store.ts';
import { summaryOf } from '../live/views.ts';
import type { Separator } from '../reports/csv.ts';

/** ?separator=comma for spreadsheets set to English; semicolons otherwise (Dutch Excel). */
const csvQuery = z.object({ separator: z.enum(['comma', 'semicolon']).optional() });

const safe = (s: string) => s.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'x';

export const liveResultsRoutes = factory.createApp()
  .get('/:id/results', requireTeacher, async (c) => {
    const { db } = c.var;
    const { session, className } = await ownLiveSession(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(session.lessonVersion);
    return c.json(await liveResults(db, session, lesson, summaryOf(session, lesson, className)), 200);
  })
  .get('/:id/results.csv', requireTeacher, validate('query', csvQuery), async (c) => {
    const { db } = c.var;
    const { session, className } = await ownLiveSession(db, c.var.teacherId, c.req.param('id'));
    const lesson = await c.var.lessons.pinned(session.lessonVersion);
    const results = await liveResults(db, session, lesson, summaryOf(session, lesson, className));
    const separator: Separator = c.req.valid('query').separator === 'comma' ? ',' : ';';
    const name = `bronwijs-live-${safe(session.lessonSlug)}-${safe(className ?? 'gasten')}-${session.startedAt.toISOString().slice(0, 10)}.csv`;
    return c.body(await liveResultsCsv(db, session, lesson, results, separator), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });
