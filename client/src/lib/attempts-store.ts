// Remembers in this browser which attempts were started for which lesson, so the lesson intro can
// offer to continue an unfinished one. The server stays the source of truth for their status.
import type { Mode } from '../../../server/api-types.ts';

const KEY = 'bronwijs:attempts';

export interface RememberedAttempt {
  id: string;
  lessonSlug: string;
  mode: Mode;
  startedAt: string;
}

function readAll(): RememberedAttempt[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RememberedAttempt[]).filter((a) => a && typeof a.id === 'string') : [];
  } catch {
    return [];
  }
}

function writeAll(list: RememberedAttempt[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(-50)));
  } catch {
    /* storage full or blocked: continuing is then only possible by URL */
  }
}

export function rememberAttempt(attempt: RememberedAttempt): void {
  writeAll([...readAll().filter((a) => a.id !== attempt.id), attempt]);
}

export function forgetAttempt(id: string): void {
  writeAll(readAll().filter((a) => a.id !== id));
}

/** Attempts for a lesson, newest first. */
export function attemptsFor(lessonSlug: string): RememberedAttempt[] {
  return readAll()
    .filter((a) => a.lessonSlug === lessonSlug)
    .reverse();
}

const DRAFTS = (attemptId: string) => `bronwijs:drafts:${attemptId}`;

/** Answers typed but not yet acknowledged by the server, kept so a reload or crash loses nothing. */
export function loadDrafts<T>(attemptId: string): Record<string, T> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(DRAFTS(attemptId)) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, T>) : {};
  } catch {
    return {};
  }
}

export function storeDrafts<T>(attemptId: string, drafts: Record<string, T>): void {
  try {
    if (Object.keys(drafts).length === 0) localStorage.removeItem(DRAFTS(attemptId));
    else localStorage.setItem(DRAFTS(attemptId), JSON.stringify(drafts));
  } catch {
    /* the in-memory copy still retries */
  }
}
