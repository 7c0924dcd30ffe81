// A small structured logger: one JSON line per event on stdout (stderr for warnings and errors).
// Callers pass only what is safe to log: never bodies, answers, cookies or secrets.
import { writeSync } from 'node:fs';
import type { LogLevel } from './config.ts';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; tests collect them. */
  write?: (line: string, level: LogLevel) => void;
}

export function createLogger({ level = 'info', write = defaultWrite }: LoggerOptions = {}): Logger {
  const emit = (at: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (RANK[at] < RANK[level]) return;
    // Built as text around one JSON.stringify of the fields: no object copied per line (a request
    // line is written for every request). A field named time, level or msg comes after, and wins.
    const rest = JSON.stringify(serializable(fields));
    write(`{"time":"${isoNow()}","level":"${at}","msg":${JSON.stringify(msg)}${rest.length > 2 ? `,${rest.slice(1)}` : '}'}`, at);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

// One ISO time per millisecond, not one Date and string per line.
let lastMs = NaN;
let lastIso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** A logger that drops everything: for tests that do not look at the log. */
export const silentLogger: Logger = createLogger({ write: () => {} });

// stdout to a pipe or file is a synchronous write on Linux: one per request line would cost a
// system call per request. Info lines are gathered and written once per turn of the event loop
// (and at exit); warnings and errors go out at once, after what was gathered before them.
let pending = '';
let scheduled = false;
function flushPending(): void {
  scheduled = false;
  if (!pending) return;
  const out = pending;
  pending = '';
  process.stdout.write(out);
}
process.once('exit', () => {
  if (pending) writeSync(1, pending);
  pending = '';
});

function defaultWrite(line: string, level: LogLevel): void {
  if (RANK[level] >= RANK.warn) {
    flushPending();
    process.stderr.write(line + '\n');
    return;
  }
  pending += line + '\n';
  if (!scheduled) {
    scheduled = true;
    setImmediate(flushPending);
  }
}

// Errors do not serialize with JSON.stringify; keep their name, message and stack. Fields without
// an Error (every request line) are used as they are, not copied.
function serializable(fields: LogFields): LogFields {
  let out: LogFields | undefined;
  for (const key in fields) {
    const value = fields[key];
    if (value instanceof Error) {
      out ??= { ...fields };
      out[key] = { name: value.name, message: value.message, stack: value.stack };
    }
  }
  return out ?? fields;
}
