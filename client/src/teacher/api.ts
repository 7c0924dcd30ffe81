// The class and teacher endpoints of the public API, over the app's shared fetch wrapper.
// Shapes come from server/api-types.ts; the wrapper turns problem+json into ApiError.
import { request } from '../lib/api.ts';
import type {
  AssignmentReport,
  AssignmentView,
  AttemptView,
  ClassView,
  FeedbackRelease,
  JoinResult,
  LessonSummary,
  Localized,
  Me,
  Mode,
  StudentAssignmentView,
} from '../../../server/api-types.ts';

export { ApiError } from '../lib/api.ts';

const enc = encodeURIComponent;

/** One level of an open question's analytic rubric, with its example answer. */
export interface RubricLevel {
  points: number;
  description: Localized;
  example: Localized;
}
export interface RubricCriterion {
  id: string;
  criterion: Localized;
  levels: RubricLevel[];
}
/** The report's question, with the rubric an open question is graded by (sent for open questions). */
export type ReportQuestionWithRubric = AssignmentReport['questions'][number] & {
  rubric?: RubricCriterion[];
  modelAnswer?: Localized;
};

/** What PUT /api/responses/:id/grade answers. */
export interface GradeResult {
  responseId: string;
  points: number;
  max: number;
  levels: Record<string, number> | null;
  comment: string | null;
}

export interface NewAssignment {
  lessonSlug: string;
  mode: Mode;
  opensAt?: string;
  dueAt?: string;
  feedbackRelease?: FeedbackRelease;
}

/** Lists may come bare or wrapped in an object named after them; accept both so a shape tweak on the server does not blank a page. */
function list<T>(key: string) {
  return (body: unknown): T[] => (Array.isArray(body) ? (body as T[]) : (((body as Record<string, unknown>)?.[key] as T[]) ?? []));
}

export const teacherApi = {
  me: () => request<Me>('/api/me'),
  register: (email: string, password: string, name: string) =>
    request<Me>('/api/auth/register', { method: 'POST', body: { email, password, name } }),
  login: (email: string, password: string) => request<Me>('/api/auth/login', { method: 'POST', body: { email, password } }),
  logout: () => request<unknown>('/api/auth/logout', { method: 'POST', body: {} }),

  join: (joinCode: string, displayName: string) =>
    request<JoinResult>('/api/join', { method: 'POST', body: { joinCode, displayName } }),
  resume: (resumeCode: string) => request<Me>('/api/resume', { method: 'POST', body: { resumeCode } }),
  myAssignments: () => request<unknown>('/api/assignments').then(list<StudentAssignmentView>('assignments')),
  startAssignment: (lessonSlug: string, assignmentId: string) =>
    request<AttemptView>('/api/attempts', { method: 'POST', body: { lessonSlug, assignmentId } }),

  lessons: () => request<unknown>('/api/lessons').then(list<LessonSummary>('lessons')),
  classes: () => request<unknown>('/api/classes').then(list<ClassView>('classes')),
  createClass: (name: string) => request<ClassView>('/api/classes', { method: 'POST', body: { name } }),
  class: (id: string) => request<ClassView>(`/api/classes/${enc(id)}`),
  updateClass: (id: string, patch: { name?: string; archived?: boolean }) =>
    request<ClassView>(`/api/classes/${enc(id)}`, { method: 'PATCH', body: patch }),
  deleteStudent: (classId: string, studentId: string) =>
    request<unknown>(`/api/classes/${enc(classId)}/students/${enc(studentId)}`, { method: 'DELETE' }),
  studentExportUrl: (classId: string, studentId: string) => `/api/classes/${enc(classId)}/students/${enc(studentId)}/export`,

  teacherAssignments: () => request<unknown>('/api/assignments').then(list<AssignmentView>('assignments')),
  assign: (classId: string, body: NewAssignment) =>
    request<AssignmentView>(`/api/classes/${enc(classId)}/assignments`, { method: 'POST', body }),
  assignment: (id: string) => request<AssignmentView>(`/api/assignments/${enc(id)}`),
  release: (id: string) => request<AssignmentView>(`/api/assignments/${enc(id)}/release`, { method: 'POST', body: {} }),
  report: (id: string, projector = false) =>
    request<AssignmentReport>(`/api/assignments/${enc(id)}/report${projector ? '?view=projector' : ''}`),
  /** Points directly, or a level 0..3 per rubric criterion (the server turns levels into points). */
  grade: (responseId: string, score: { points: number } | { levels: Record<string, number> }, comment?: string) =>
    request<GradeResult>(`/api/responses/${enc(responseId)}/grade`, { method: 'PUT', body: { ...score, ...(comment ? { comment } : {}) } }),
  csvUrl: (id: string, separator: 'semicolon' | 'comma') =>
    `/api/assignments/${enc(id)}/report.csv${separator === 'comma' ? '?separator=comma' : ''}`,
  liveUrl: (id: string) => `/api/assignments/${enc(id)}/live`,
};
