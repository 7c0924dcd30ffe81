// Scenario 1: what the bare stack serves on this machine, GET /api/health at 100 connections.
import autocannon from 'autocannon';
import { count, ms, perSecond, type ScenarioLine } from '../stats.ts';

export interface Ceiling {
  line: ScenarioLine;
  requestsPerSecond: number;
}

export async function ceiling(url: string, { connections = 100, seconds = 10 } = {}): Promise<Ceiling> {
  const result = await autocannon({ url: `${url}/api/health`, connections, duration: seconds });
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    requestsPerSecond: result.requests.average,
    line: {
      name: '1 ceiling (GET /api/health)',
      figure: `${perSecond(result.requests.average)} at ${connections} connections for ${seconds} s, p99 ${ms(result.latency.p99)}, ${count(errors)} errors`,
      target: '(baseline)',
      pass: null,
    },
  };
}
