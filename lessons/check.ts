// The checker: `npm run lessons:check [content-dir]` loads every lesson, prints each problem as
// file:line: message and exits 1, or prints a summary of what would be served.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONTENT_DIR, loadLessons, type LoadResult } from './loader.ts';
import { estimateMinutes, minutesTolerance } from './timing.ts';

function count<T extends string>(values: readonly T[]): [T, number][] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function report({ lessons, problems }: LoadResult): { ok: boolean; text: string } {
  if (problems.length) {
    const lines = problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    return { ok: false, text: `${lines.join('\n')}\n${problems.length} problem(s); lessons with problems are not served.` };
  }
  const questions = lessons.flatMap((l) => l.questions);
  const warnings: string[] = [];
  const lines = [
    `${lessons.length} lesson(s), ${questions.length} question(s), ${lessons.reduce((m, l) => m + l.minutes, 0)} minutes`,
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
      const order = l.order === undefined ? '' : `#${l.order} `;
      return `  ${order}${l.slug} (${l.version}): ${l.questions.length} questions, ${l.minutes} min (estimate ${estimate.minutes}: ${estimate.words} words read, ${estimate.answeringMinutes.toFixed(1)} min answering), ${l.skills.join(', ')}`;
    }),
    'per type:',
    ...count(questions.map((q) => q.type)).map(([t, n]) => `  ${t}: ${n}`),
    'per skill:',
    ...count(questions.map((q) => q.skill)).map(([s, n]) => `  ${s}: ${n}`),
  ];
  if (warnings.length) lines.push('warnings:', ...warnings.map((w) => `  ${w}`));
  return { ok: true, text: lines.join('\n') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_CONTENT_DIR;
  const result = report(loadLessons(dir));
  (result.ok ? console.log : console.error)(result.text);
  process.exitCode = result.ok ? 0 : 1;
}
