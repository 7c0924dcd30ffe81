// Every read and write of the pages, over the API module. Reads are router `query`s: cached and
// deduplicated per key, warmed by a route's `preload`, read with `createAsync`. Writes are
// `action`s: a page reads their pending state and error with `useSubmission`, and each names the
// queries it changes, so exactly those load again (the answer sync of the runner is the exception:
// it has its own retry and Idempotency-Key, lib/answer-sync.ts).
import { action, json, query, useAction, useSubmission, type Action } from '@solidjs/router';
import type { Mode } from '../../../server/api-types.ts';
import { api, type AssignmentPatch, type Me, type NewAssignment } from './api.ts';

// The lesson path
export const getLessons = query(() => api.lessons(), 'lessons');
export const getLesson = query((slug: string) => api.lesson(slug), 'lesson');
export const getAttempt = query((id: string) => api.attempt(id), 'attempt');
/** The visitor's own attempts; none for a visitor without a session. */
export const getMyAttempts = query(() => api.myAttempts().catch(() => []), 'myAttempts');

// Who is here, and a student's class work
export const getMe = query(() => api.me(), 'me');
/** The same, or null when it cannot be known (the header asks on every page and must not fail). */
export const getMeOrNull = query((): Promise<Me | null> => api.me().catch(() => null), 'me-or-null');
export const getMyAssignments = query(() => api.myAssignments(), 'myAssignments');

// The teacher's pages
export const getClasses = query(() => api.classes(), 'classes');
export const getClass = query((id: string) => api.class(id), 'class');
export const getClassAssignments = query(
  (classId: string) => api.teacherAssignments().then((all) => all.filter((a) => a.classId === classId)),
  'classAssignments',
);
export const getAssignment = query((id: string) => api.assignment(id), 'assignment');
export const getReport = query((id: string) => api.report(id), 'report');
export const getProjectorReport = query((id: string) => api.report(id, true), 'projectorReport');
export const getLessonPreview = query((slug: string) => api.lessonPreview(slug), 'lessonPreview');

/** Warms a query for a page about to open; the page shows any error when it reads the data itself. */
export function preload(read: Promise<unknown>): void {
  read.catch(() => {});
}

/** An action to call from an event handler, and its latest submission (pending, error, input, result). */
export function useWrite<T extends unknown[], U>(write: Action<T, U>) {
  return [useAction(write), useSubmission(write)] as const;
}

/** An action's result that reloads only the named queries (a plain result would reload every query on the page). */
function changes<T>(data: T, ...queries: { key: string }[]) {
  // an empty list would match every key, so "none" is named by a key no query has
  return json(data, { revalidate: queries.length ? queries.map((q) => q.key) : ['none'] });
}
const whoIsHere = [getMe, getMeOrNull];

// Writes of the lesson path
export const startAttempt = action(
  async (lessonSlug: string, mode: Mode) => changes(await api.startAttempt(lessonSlug, mode), getMyAttempts),
  'startAttempt',
);
export const finishAttempt = action(
  async (attemptId: string) => changes(await api.finish(attemptId), getAttempt, getMyAttempts, getMyAssignments),
  'finishAttempt',
);
export const makeResumeCode = action(async () => changes(await api.resumeCode()), 'makeResumeCode');

// Joining, resuming, a student's assignments
export const joinClass = action(
  async (joinCode: string, displayName: string) => changes(await api.join(joinCode, displayName), ...whoIsHere, getMyAssignments),
  'joinClass',
);
export const resumeWithCode = action(
  async (resumeCode: string) => changes(await api.resume(resumeCode), ...whoIsHere, getMyAssignments, getMyAttempts),
  'resumeWithCode',
);
export const startAssignment = action(
  async (lessonSlug: string, assignmentId: string) => changes(await api.startAssignment(lessonSlug, assignmentId), getMyAssignments),
  'startAssignment',
);

// The teacher's account
export const register = action(
  async (email: string, password: string, name: string) => changes(await api.register(email, password, name), ...whoIsHere),
  'register',
);
export const login = action(async (email: string, password: string) => changes(await api.login(email, password), ...whoIsHere), 'login');
export const logout = action(async () => changes((await api.logout()) ?? {}, ...whoIsHere), 'logout');
export const requestPasswordReset = action(
  async (email: string, lang: 'nl' | 'en') => changes(await api.forgotPassword(email, lang)),
  'requestPasswordReset',
);
/** A reset signs the teacher in: who is here changes. */
export const resetPassword = action(async (token: string, password: string) => changes(await api.resetPassword(token, password), ...whoIsHere), 'resetPassword');

// Classes and assignments
export const createClass = action(async (name: string) => changes(await api.createClass(name), getClasses), 'createClass');
export const updateClass = action(
  async (id: string, patch: { name?: string; archived?: boolean }) => changes(await api.updateClass(id, patch), getClass, getClasses),
  'updateClass',
);
export const deleteStudent = action(
  async (classId: string, studentId: string) => changes((await api.deleteStudent(classId, studentId)) ?? {}, getClass, getClasses),
  'deleteStudent',
);
/** A student's new resume code: the roster stays as it was. */
export const reissueResumeCode = action(
  async (classId: string, studentId: string) => changes(await api.newResumeCode(classId, studentId)),
  'reissueResumeCode',
);
export const assignLesson = action(
  async (classId: string, body: NewAssignment) => changes(await api.assign(classId, body), getClassAssignments),
  'assignLesson',
);
export const releaseFeedback = action(
  async (assignmentId: string) => changes(await api.release(assignmentId), getReport, getAssignment, getClassAssignments),
  'releaseFeedback',
);
export const openJoinWindow = action(async (classId: string) => changes(await api.openJoinWindow(classId), getClass, getClasses), 'openJoinWindow');
export const closeJoinWindow = action(async (classId: string) => changes(await api.closeJoinWindow(classId), getClass, getClasses), 'closeJoinWindow');
export const updateAssignment = action(
  async (assignmentId: string, patch: AssignmentPatch) =>
    changes(await api.updateAssignment(assignmentId, patch), getClassAssignments, getAssignment, getReport, getProjectorReport),
  'updateAssignment',
);
export const deleteAssignment = action(
  async (assignmentId: string) => changes((await api.deleteAssignment(assignmentId)) ?? {}, getClassAssignments),
  'deleteAssignment',
);
export const setDiscussion = action(
  async (assignmentId: string, responseIds: string[]) => changes(await api.setDiscussion(assignmentId, responseIds), getReport, getProjectorReport),
  'setDiscussion',
);
export const gradeResponse = action(
  async (responseId: string, score: { points: number } | { levels: Record<string, number> }, comment?: string) =>
    changes(await api.grade(responseId, score, comment), getReport, getProjectorReport),
  'gradeResponse',
);

