// A broken lesson file must not take the site down, nor be served in part: the server starts with
// the valid lessons, names the broken file and what is wrong with it in its log, and acts as if the
// broken lesson did not exist.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LessonSummary } from '../../server/api-types.ts';
import { ROOT, startServerProcess, type ServerProcess } from './server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'bronwijs-broken-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('a broken lesson file', () => {
  it('is left out whole and named in the log, while the valid lessons are served', async () => {
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'lessons/content'), content, { recursive: true });
    const valid = readFileSync(join(content, 'trump-iphone/wie-zegt-wat.yaml'), 'utf8');

    // One question of an otherwise good lesson cites a sentence that is not in the article: serving
    // the other questions would be serving it half.
    const source = valid.replace(/^slug: .*$/m, 'slug: half-kapot').split('\n');
    const last = source.findLastIndex((l) => l.trimStart().startsWith('- exact: '));
    expect(last).toBeGreaterThan(0);
    source[last] = source[last]!.replace(/- exact: .*/, '- exact: Deze zin staat nergens in het artikel');
    const halfBroken = source.join('\n');
    writeFileSync(join(content, 'trump-iphone/half-kapot.yaml'), halfBroken);
    // And one that is not even YAML.
    writeFileSync(join(content, 'trump-iphone/geen-yaml.yaml'), 'slug: geen-yaml\ntitle: [nl: "open\n');

    server = await startServerProcess({ databaseFile: join(dir, 'broken.db'), env: { CONTENT_DIR: content } });

    // The log is one JSON object a line; whatever its field names, a line names the file and the problem.
    const logLines = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.stringify(JSON.parse(l)));
    const about = (file: string) => logLines.filter((l) => l.includes(file));
    expect(about('half-kapot.yaml').join('\n')).toContain('quote not found in the article: \\"Deze zin staat nergens in het artikel\\"');
    expect(about('geen-yaml.yaml').length).toBeGreaterThan(0);

    const { lessons } = (await (await fetch(`${server.url}/api/lessons`)).json()) as { lessons: LessonSummary[] };
    const slugs = lessons.map((l) => l.slug);
    expect(slugs).toContain('wie-zegt-wat');
    expect(slugs).not.toContain('half-kapot');
    expect(slugs).not.toContain('geen-yaml');

    const detail = await fetch(`${server.url}/api/lessons/half-kapot`);
    expect(detail.status).toBe(404);
    expect(detail.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const attempt = await fetch(`${server.url}/api/attempts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ lessonSlug: 'half-kapot', mode: 'practice' }),
    });
    expect([404, 422]).toContain(attempt.status);
    expect(attempt.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  }, 60_000);
});
