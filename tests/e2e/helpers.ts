// Shared pieces for the browser end-to-end suites: start the real server on a free port with a
// fresh database, launch the system's Chromium, and check a page with axe-core (WCAG 2.2 AA).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort, waitUntilHealthy } from '../server-child.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { PublicQuestion } from '../../server/api-types.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Where the suites save their screenshots (and the files they download); not committed. */
export const SCREENS = join(ROOT, '.tmp/screens');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the browser suites can run here. In CI a missing browser is a failure, not a skip. */
export function chromiumAvailable(): boolean {
  const found = existsSync(CHROMIUM_PATH);
  if (!found && process.env.CI === 'true') {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; the browser tests must run in CI`);
  }
  if (!found) console.warn(`Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}`);
  return found;
}


function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal); // the group is gone already, or this platform has no groups
  }
}

export interface RunningServer {
  url: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `server/main.ts` (the built client must exist: `npm test` runs `vite build` first) on a
 * free port with a fresh database file, and waits until GET /api/health answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  // A caller that must know the address first (PUBLIC_URL) passes PORT.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-e2e-'));
  let log = '';
  const child: ChildProcess = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      // One process: a SIGKILL or SIGTERM reaches the process that serves and writes.
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dir, 'bronwijs.db')}`,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so stop() reaches tsx and the node process npx starts
    detached: true,
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      signalGroup(child, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) signalGroup(child, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilHealthy(url, { timeoutMs: 60_000, exited: () => (child.exitCode === null ? null : `code ${child.exitCode}`), output: () => log, intervalMs: 250 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => log, stop };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Some answer of the right shape for each question type; whether it is right does not matter here. */
export function someAnswer(q: PublicQuestion, text: string): unknown {
  switch (q.type) {
    case 'single-choice':
      return { optionId: q.options[0]!.id };
    case 'multiple-choice':
      return { optionIds: [q.options[0]!.id] };
    case 'highlight':
      return { sentenceIds: q.focus.slice(0, 1) };
    case 'categorize':
      return { placements: Object.fromEntries(q.items.map((i) => [i.id, q.categories[0]!.id])) };
    case 'order':
      return { order: q.items.map((i) => i.id) };
    case 'match':
      return { pairs: Object.fromEntries(q.left.map((l, n) => [l.id, q.right[n % q.right.length]!.id])) };
    case 'scale':
      return { value: q.min };
    case 'open':
      return { text };
  }
}

/** Calls the API from inside the page, so the request carries its cookie and the page's Origin; 204 gives null. */
export async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/**
 * One server and one browser for the describe block it is called in: started before its tests
 * (with the screenshot folder), closed after them with every context opened through newContext,
 * which opens one at the server's address.
 */
export function browserSuite(): { newContext: (options?: BrowserContextOptions) => Promise<BrowserContext> } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  return {
    async newContext(options = {}) {
      const context = await browser!.newContext({ ...options, baseURL: server!.url });
      contexts.push(context);
      return context;
    },
  };
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string; html: string }[];
}

/** Runs axe-core on the page (WCAG 2.0, 2.1, 2.2 A and AA) and fails with a readable list. */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) {
    try {
      await page.addScriptTag({ path: AXE_PATH });
    } catch {
      // the app's CSP (script-src 'self') refuses the inline tag playwright makes from a path;
      // evaluating through the DevTools protocol is not subject to it, and the CSP stays on for the app
      await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
    }
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations;
  }) as AxeViolation[];
  const report = violations
    .map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
  expect(violations.length, `axe found ${violations.length} violation(s) on ${label}:\n${report}`).toBe(0);
}

export interface FocusTarget {
  /** CSS selector the focused element must match. */
  selector: string;
  /** Text its accessible name (label, aria-label or text) must contain. */
  name?: string;
}

/** Presses Tab (or Shift+Tab) until the focused element matches, so a test moves like a keyboard user. */
export async function tabTo(page: Page, target: FocusTarget, { max = 250, backwards = false } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate(({ selector, name }) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || !el.matches(selector)) return false;
      if (!name) return true;
      const labels = 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? '') : [];
      const text = [el.getAttribute('aria-label') ?? '', el.textContent ?? '', ...labels].join(' ');
      return text.includes(name);
    }, target);
    if (hit) return;
  }
  throw new Error(`no focusable element matched ${JSON.stringify(target)} after ${max} Tab presses`);
}
