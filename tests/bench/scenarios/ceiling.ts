// Scenario 1: GET /api/health at 100 connections: the whole middleware stack and one trivial query.
import { measuredLoad } from '../load.ts';
import { count, ms, type ScenarioLine } from '../stats.ts';
import { ratioTo } from './bare.ts';

export interface Ceiling {
  line: ScenarioLine;
  requestsPerSecond: number;
}

export async function ceiling(url: string, bareGetPerSecond: number, { connections = 100, seconds = 10 } = {}): Promise<Ceiling> {
  const result = await measuredLoad({ url: `${url}/api/health`, connections, duration: seconds });
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    requestsPerSecond: result.requests.average,
    line: {
      name: '1 ceiling (GET /api/health)',
      figure: `${ratioTo(result.requests.average, bareGetPerSecond, 'bare GET')} at ${connections} connections for ${seconds} s, p99 ${ms(result.latency.p99)}, ${count(errors)} errors`,
      target: '(baseline)',
      pass: null,
    },
  };
}
