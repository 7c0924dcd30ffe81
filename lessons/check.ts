// The checker: `npm run lessons:check [content-dir]` loads every lesson, prints each problem as
// file:line: message and exits 1, or prints a summary of what would be served.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONTENT_DIR, loadLessons, type LoadResult } from './loader.ts';
import { DISCUSSION_TOPICS } from './format.ts';
import type { Lesson } from './model.ts';
import { estimateMinutes, minutesTolerance } from './timing.ts';

function count<T extends string>(values: readonly T[]): [T, number][] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** What a teacher's guide should hold, as warnings: lessons load without a guide (a fixture). */
export function guideWarnings(lessons: readonly Lesson[]): string[] {
  const warnings: string[] = [];
  const topics = new Map<string, Set<string>>();
  for (const l of lessons) {
    if (!l.guide) {
      warnings.push(`${l.slug}: no teacher's guide`);
      continue;
    }
    const g = l.guide;
    const minutes = g.plan.reduce((n, p) => n + p.minutes, 0);
    if (minutes < 45 || minutes > 50) warnings.push(`${l.slug}: the lesson plan takes ${minutes} minutes, not a lesson hour (45-50)`);
    const answered = new Set(g.answers.map((a) => a.question));
    const unanswered = l.questions.filter((q) => !answered.has(q.id)).map((q) => q.id);
    if (unanswered.length) warnings.push(`${l.slug}: the guide gives no answer for ${unanswered.join(', ')}`);
    for (const q of l.questions) {
      if (q.type !== 'open') continue;
      for (const c of q.rubric) {
        for (let level = 0; level <= 3; level++) {
          const n = g.samples.filter((s) => s.question === q.id && s.levels[c.id] === level).length;
          if (n < 2) warnings.push(`${l.slug} ${q.id} ${c.id}: ${n} graded sample answer(s) at level ${level}, want 2-3`);
        }
      }
    }
    const seen = topics.get(l.articleId) ?? new Set<string>();
    for (const d of g.discussion) seen.add(d.id);
    topics.set(l.articleId, seen);
  }
  for (const [article, seen] of topics) {
    const missing = DISCUSSION_TOPICS.filter((t) => !seen.has(t));
    if (missing.length) warnings.push(`${article}: no guide discusses ${missing.join(', ')}`);
  }
  return warnings;
}

export function report({ lessons, problems }: LoadResult): { ok: boolean; text: string } {
  if (problems.length) {
    const lines = problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    return { ok: false, text: `${lines.join('\n')}\n${problems.length} problem(s); lessons with problems are not served.` };
  }
  // Routes repeat questions of other lessons: the counts per type and skill leave them out.
  const questions = lessons.filter((l) => !l.route).flatMap((l) => l.questions);
  const warnings: string[] = [];
  const lines = [
    `${lessons.length} lesson(s), ${questions.length} question(s), ${lessons.reduce((m, l) => m + l.minutes, 0)} minutes` +
      (lessons.some((l) => l.route) ? ' (routes: their questions are counted in their own lessons)' : ''),
    ...lessons.map((l) => {
      const estimate = estimateMinutes(l);
      if (Math.abs(l.minutes - estimate.minutes) > minutesTolerance(estimate.minutes)) {
        warnings.push(`${l.slug}: minutes is ${l.minutes}, the estimate from its text is ${estimate.minutes} (lessons/timing.ts)`);
      }
      for (const q of l.questions) {
        if (q.type !== 'open') continue;
        if (q.points !== 3) warnings.push(`${l.slug} ${q.id}: an open question is worth 3 points, not ${q.points}`);
        if (!q.factualErrors) warnings.push(`${l.slug} ${q.id}: no rule for a factual error inside a good answer (factualErrors)`);
        for (const c of q.rubric) {
          const missing = c.levels.filter((lv) => !lv.borderline).map((lv) => lv.points);
          if (missing.length) warnings.push(`${l.slug} ${q.id} ${c.id}: no borderline example at level ${missing.join(', ')}`);
        }
      }
      const order = (l.order === undefined ? '' : `#${l.order} `) + (l.route ? 'route ' : '');
      return `  ${order}${l.slug} (${l.version}): ${l.questions.length} questions, ${l.minutes} min (estimate ${estimate.minutes}: ${estimate.words} words read, ${estimate.answeringMinutes.toFixed(1)} min answering), ${l.skills.join(', ')}`;
    }),
    'per type:',
    ...count(questions.map((q) => q.type)).map(([t, n]) => `  ${t}: ${n}`),
    'per skill:',
    ...count(questions.map((q) => q.skill)).map(([s, n]) => `  ${s}: ${n}`),
  ];
  const guides = lessons.filter((l) => l.guide).length;
  lines.push(`teacher's guides: ${guides} of ${lessons.length}; context cards: ${new Set(lessons.filter((l) => l.article.contextCard).map((l) => l.articleId)).size} article(s)`);
  warnings.push(...guideWarnings(lessons));
  if (warnings.length) lines.push('warnings:', ...warnings.map((w) => `  ${w}`));
  return { ok: true, text: lines.join('\n') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_CONTENT_DIR;
  const result = report(loadLessons(dir));
  (result.ok ? console.log : console.error)(result.text);
  process.exitCode = result.ok ? 0 : 1;
}
