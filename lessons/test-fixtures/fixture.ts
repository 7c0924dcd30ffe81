// Shared by the tests: the valid fixture lesson (one question of each type) and its questions.
import { fileURLToPath } from 'node:url';
import { loadLessons } from '../loader.ts';
import type { Lesson, Question, QuestionOfType } from '../model.ts';

export const VALID_DIR = fileURLToPath(new URL('./valid', import.meta.url));
export const BROKEN_DIR = fileURLToPath(new URL('./broken', import.meta.url));

let cached: Lesson | undefined;
export function fixtureLesson(): Lesson {
  if (!cached) {
    const { lessons, problems } = loadLessons(VALID_DIR);
    if (problems.length || lessons.length !== 1) throw new Error(`fixture does not load: ${JSON.stringify(problems)}`);
    cached = lessons[0]!;
  }
  return cached;
}

export function fixtureQuestion<T extends Question['type']>(type: T): QuestionOfType<T> {
  const q = fixtureLesson().questions.find((x) => x.type === type);
  if (!q) throw new Error(`no ${type} question in the fixture`);
  return q as QuestionOfType<T>;
}
