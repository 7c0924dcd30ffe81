import { expect, test } from 'vitest';
import { createLogger } from './log.ts';

test('each line is one JSON object: time, level, message, then the fields; errors keep name, message and stack', () => {
  const lines: [string, string][] = [];
  const log = createLogger({ level: 'info', write: (line, level) => lines.push([line, level]) });
  log.debug('hidden');
  log.info('request', { requestId: 'r1', method: 'GET', path: '/api/lessons/"quoted"\n', status: 200, ms: 3 });
  log.info('bare');
  log.error('failed', { error: new TypeError('boom') });
  expect(lines.map(([, level]) => level)).toEqual(['info', 'info', 'error']);
  const [request, bare, failed] = lines.map(([line]) => JSON.parse(line));
  expect(request).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), level: 'info', msg: 'request', requestId: 'r1', method: 'GET', path: '/api/lessons/"quoted"\n', status: 200, ms: 3 });
  expect(bare).toEqual({ time: expect.any(String), level: 'info', msg: 'bare' });
  expect(failed.error).toMatchObject({ name: 'TypeError', message: 'boom', stack: expect.stringContaining('boom') });
  expect(Math.abs(Date.parse(request.time) - Date.now())).toBeLessThan(5_000);
});
