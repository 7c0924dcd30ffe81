// Scenario 0: the bare stack's own ceiling on this machine, in this run (tests/bench/bare/server.ts:
// the same hono, @hono/node-server and worker count, no middleware, no database). Every
// throughput target of the request path is a ratio to these two figures.
import type autocannon from 'autocannon';
import { join } from 'node:path';
import { measuredLoad } from '../load.ts';
import { startServer } from '../server.ts';
import { count, ms, perSecond, type ScenarioLine } from '../stats.ts';

export interface Bare {
  lines: ScenarioLine[];
  /** GET of a small JSON at 100 connections. */
  getPerSecond: number;
  /** PUT of a small JSON, echoed, at 200 connections. */
  putPerSecond: number;
}

/** A small JSON body of about an answer's size. */
const ECHO_BODY = JSON.stringify({ answer: { optionIds: ['a1b2c3d4', 'e5f6a7b8'] } });

export async function bareStack({ seconds = 10 } = {}): Promise<Bare> {
  const server = await startServer({ databaseFile: '', entry: join('tests', 'bench', 'bare', 'server.ts') });
  try {
    const get = await measuredLoad({ url: `${server.url}/json`, connections: 100, duration: seconds });
    await new Promise((r) => setTimeout(r, 1000));
    const put = await measuredLoad({
      url: `${server.url}/echo`,
      method: 'PUT',
      connections: 200,
      duration: seconds,
      headers: { 'content-type': 'application/json' },
      body: ECHO_BODY,
    });
    const line = (name: string, r: autocannon.Result, connections: number): ScenarioLine => ({
      name,
      figure: `${perSecond(r.requests.average)} at ${connections} connections for ${seconds} s, p99 ${ms(r.latency.p99)}, ${count(r.errors + r.timeouts + r.non2xx)} errors`,
      target: '(baseline)',
      pass: null,
    });
    return {
      getPerSecond: get.requests.average,
      putPerSecond: put.requests.average,
      lines: [line('0a bare stack GET (small JSON)', get, 100), line('0b bare stack PUT (small JSON echo)', put, 200)],
    };
  } finally {
    await server.stop();
  }
}

/** "1,234/s (0.21x bare PUT)": a figure beside its ratio to the bare stack. */
export function ratioTo(value: number, bare: number, what: string): string {
  return `${perSecond(value)} (${(value / bare).toFixed(2)}x ${what})`;
}
