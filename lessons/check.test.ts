// The checker CLI run as authors run it (tsx as a child process) on the fixture content.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BROKEN_DIR, VALID_DIR } from './test-fixtures/fixture.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function check(dir: string) {
  try {
    const { stdout, stderr } = await run(tsx, ['lessons/check.ts', dir], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('lessons:check', () => {
  it('prints a summary of lessons, questions, types and skills for valid content', async () => {
    const { code, stdout } = await check(VALID_DIR);
    expect(code).toBe(0);
    expect(stdout).toContain('1 lesson(s), 8 question(s), 15 minutes');
    expect(stdout).toMatch(/per type:[\s\S]*single-choice: 1/);
    expect(stdout).toMatch(/per skill:[\s\S]*sources: 4/);
  });

  it('fails naming the file and line of each quote the article no longer contains', async () => {
    const { code, stderr } = await check(BROKEN_DIR);
    expect(code).toBe(1);
    const file = join(BROKEN_DIR, 'trump-iphone', 'bronnen.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const quoted = lines.flatMap((l, i) => (l.includes('exact: aldus een bron') ? [i + 1] : []));
    expect(quoted).toHaveLength(2);
    for (const line of quoted) {
      expect(stderr).toContain(`${relative(root, file)}:${line}: quote not found in the article: "aldus een bron"`);
    }
  });
});
