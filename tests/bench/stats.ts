// Latency statistics and the one-line verdict each scenario prints: figure, target, pass or miss.

export interface ScenarioLine {
  /** Scenario number and short name, e.g. "3 answer submission". */
  name: string;
  /** What was measured, in words and numbers. */
  figure: string;
  /** The target, or "(baseline)" for the scenarios that only measure the machine. */
  target: string;
  /** null for baselines, which have no target of their own. */
  pass: boolean | null;
}

/** The q-quantile (0..1) of the values, nearest-rank; NaN when empty. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
export const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;
export const count = (value: number): string => Math.round(value).toLocaleString('en-US');
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

export function verdict(pass: boolean | null): string {
  return pass === null ? 'info' : pass ? 'pass' : 'MISS';
}

export function formatLine(line: ScenarioLine): string {
  return `${line.name}: ${line.figure} | target: ${line.target} | ${verdict(line.pass)}`;
}

/** The scenario lines as a Markdown table, for the console and RESULTS.md. */
export function markdownTable(lines: readonly ScenarioLine[]): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| scenario | figure | target | result |',
    '|---|---|---|---|',
    ...lines.map((l) => `| ${escape(l.name)} | ${escape(l.figure)} | ${escape(l.target)} | ${verdict(l.pass)} |`),
  ].join('\n');
}

/** Records each request's latency and outcome, for the custom drivers of scenarios 4 to 6. */
export class Recorder {
  readonly latencies: number[] = [];
  errors = 0;
  /** The first few errors, kept to say what went wrong. */
  readonly samples: string[] = [];

  ok(latencyMs: number): void {
    this.latencies.push(latencyMs);
  }

  fail(latencyMs: number, what: string): void {
    this.latencies.push(latencyMs);
    this.errors++;
    if (this.samples.length < 5) this.samples.push(what);
  }

  get requests(): number {
    return this.latencies.length;
  }

  p99(): number {
    return percentile(this.latencies, 0.99);
  }
}
