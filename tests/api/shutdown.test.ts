// The server process: `tsx server/main.ts` starts on a fresh database, and on SIGTERM lets a
// request in flight finish before it exits 0.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

test('SIGTERM: a request in flight completes, then the process exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-main-'));
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'b.db')}`, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/"msg":"listening".*"port":(\d+)/);
      if (match) resolve(Number(match[1]));
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', () => reject(new Error(`server exited early:\n${out}`)));
  });

  // A slow client: the headers and half the body now, the rest after the signal.
  const body = JSON.stringify({ lessonSlug: 'hoe-zeker', mode: 'test' });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/attempts', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => req.end(body.slice(10)), 500);
    }, 300);
  });

  const { status, text } = await response;
  expect(status, text).toBe(201);
  expect(JSON.parse(text)).toMatchObject({ lessonSlug: 'hoe-zeker', status: 'in-progress' });
  expect(await exited).toBe(0);
  expect(out).toContain('"msg":"stopped"');
  rmSync(dir, { recursive: true, force: true });
});
