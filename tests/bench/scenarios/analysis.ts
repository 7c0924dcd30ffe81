// Scenario 8: the studio's article analysis (issue 10) on a 1,500-word Dutch news article:
// sentence splitting, the cues, who says what and the question starters, in one call as the
// studio makes it. The article is the seed article followed by paragraphs of the splitter's
// gold corpus (lessons/text/fixtures), cut at the first paragraph end past 1,500 words. Runs in
// this process, without the server: the analysis is pure code in lessons/. Alone, without the
// rest of the bench: `npx tsx tests/bench/scenarios/analysis.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { analyseText } from '../../../lessons/text/analysis.ts';
import { parseCorpus } from '../../../lessons/text/corpus.ts';
import { questionStarters } from '../../../lessons/text/starters.ts';
import { ROOT } from '../server.ts';
import { formatLine, ms, percentile, type ScenarioLine } from '../stats.ts';

export const ANALYSIS_BUDGET_MS = 50;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A Dutch news article of at least `minWords` words, paragraphs separated by blank lines. */
export function benchArticle(minWords = 1500): string {
  const seed = parse(readFileSync(join(ROOT, 'lessons', 'content', 'trump-iphone', 'article.yaml'), 'utf8')) as { text: string };
  const corpus = parseCorpus(readFileSync(join(ROOT, 'lessons', 'text', 'fixtures', 'corpus.nl.txt'), 'utf8'));
  const paragraphs = [seed.text.trim()];
  for (const p of corpus) {
    if (words(paragraphs.join('\n\n')) >= minWords) break;
    paragraphs.push(p.text);
  }
  const text = paragraphs.join('\n\n');
  if (words(text) < minWords) throw new Error(`the bench article has only ${words(text)} words`);
  return text;
}

const SCHEDSTAT = '/proc/thread-self/schedstat';
/** Nanoseconds this thread has spent on a CPU (Linux): unlike wall time, it leaves out the time
 * spent waiting for a core, which on a shared machine can be most of it. */
function threadCpuNs(): number | undefined {
  if (!existsSync(SCHEDSTAT)) return undefined;
  return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]);
}

/** One analysis as the studio runs it: wall-clock milliseconds, and on-CPU milliseconds of this
 * thread where the system tells them. */
export function analyseOnce(text: string): { wall: number; cpu: number | undefined } {
  const cpu0 = threadCpuNs();
  const started = performance.now();
  const analysis = analyseText(text, { language: 'nl' });
  questionStarters(analysis);
  const wall = performance.now() - started;
  const cpu1 = threadCpuNs();
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : (cpu1 - cpu0) / 1e6 };
}

export function analysisScenario({ runs = 50 } = {}): ScenarioLine {
  const text = benchArticle();
  // The first call is the warm-up, as in scenario 6: it also compiles the lexicon and the regular
  // expressions, once per process. It is reported, not judged.
  const first = analyseOnce(text);
  const times = Array.from({ length: runs }, () => analyseOnce(text));
  const wall = times.map((t) => t.wall);
  const p95 = percentile(wall, 0.95);
  const cpu = times.map((t) => t.cpu).filter((t): t is number => t !== undefined);
  const onCpu = first.cpu === undefined || cpu.length === 0 ? '' : `; on CPU: median ${ms(percentile(cpu, 0.5))}, p95 ${ms(percentile(cpu, 0.95))}, first ${ms(first.cpu)}`;
  return {
    name: '8 article analysis (1,500 words)',
    figure: `median ${ms(percentile(wall, 0.5))}, p95 ${ms(p95)}, warm-up call ${ms(first.wall)} (${words(text)} words, ${runs} runs${onCpu})`,
    target: `p95 <= ${ANALYSIS_BUDGET_MS} ms`,
    pass: p95 <= ANALYSIS_BUDGET_MS,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(formatLine(analysisScenario()));
