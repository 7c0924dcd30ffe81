// The database schema (Drizzle, SQLite dialect for libSQL): the single source of the row types.
// Responses are appended, scores derived (DESIGN.md rule 6); lesson content is stored per version.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch, set by the database when the row is written. */
const createdAt = (name = 'created_at') =>
  integer(name, { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const teachers = sqliteTable('teachers', {
  id: text('id').primaryKey(),
  /** Stored lowercased: one account per address. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

/**
 * One-time tokens that set a forgotten password: a link sent by e-mail (kind 'link') or a code an
 * administrator issued (kind 'code'). Only the token's sha256 is stored; used_at marks it spent.
 */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    /** sha256 (hex) of the token in its normalized form. */
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['link', 'code'] }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('password_resets_teacher').on(t.teacherId)],
);

/** Failed logins per account (not per IP: a school shares one address), for the hourly limit. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('login_failures_email_at').on(t.email, t.at)],
);

export const classes = sqliteTable(
  'classes',
  {
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    joinCode: text('join_code').notNull().unique(),
    /** The join window (issue 11 item 8): the code admits new students only until then; null: closed. */
    joinOpenUntil: integer('join_open_until', { mode: 'timestamp_ms' }),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('classes_teacher').on(t.teacherId)],
);

/** Anyone who takes lessons: an anonymous self-study learner, or a student who joined a class. */
export const learners = sqliteTable(
  'learners',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['self', 'student'] }).notNull(),
    classId: text('class_id').references(() => classes.id, { onDelete: 'cascade' }),
    displayName: text('display_name'),
    /** Lowercased, trimmed display name: unique within a class. */
    displayNameKey: text('display_name_key'),
    /** sha256 of the resume code; the code itself is shown once and never stored. */
    resumeCodeHash: text('resume_code_hash').unique(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('learners_class_name').on(t.classId, t.displayNameKey)],
);

/** Sessions of every role live in the database, so any app instance can serve any request. */
export const sessions = sqliteTable(
  'sessions',
  {
    /** sha256 of the cookie's token: a leaked database does not yield live cookies. */
    id: text('id').primaryKey(),
    teacherId: text('teacher_id').references(() => teachers.id, { onDelete: 'cascade' }),
    learnerId: text('learner_id').references(() => learners.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    /** Absolute timeout: the session ends then, however active. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_teacher').on(t.teacherId), index('sessions_learner').on(t.learnerId)],
);

/** The resolved content of every lesson version in use: attempts pin one (DESIGN.md rule 5). */
export const lessonVersions = sqliteTable(
  'lesson_versions',
  {
    version: text('version').primaryKey(),
    slug: text('slug').notNull(),
    /** The loader's resolved lesson as JSON. */
    content: text('content', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lesson_versions_slug').on(t.slug)],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    lessonSlug: text('lesson_slug').notNull(),
    lessonVersion: text('lesson_version')
      .notNull()
      .references(() => lessonVersions.version),
    mode: text('mode', { enum: ['practice', 'test'] }).notNull(),
    opensAt: integer('opens_at', { mode: 'timestamp_ms' }),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }),
    feedbackRelease: text('feedback_release', { enum: ['on-finish', 'manual'] })
      .notNull()
      .default('on-finish'),
    feedbackReleasedAt: integer('feedback_released_at', { mode: 'timestamp_ms' }),
    /** The teacher's name for it, so two assignments of one lesson can be told apart; null: the lesson's title. */
    title: text('title'),
    /** Closed by the teacher: no starting or answering any more; what was handed in stays. */
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** The teacher's norm for a Dutch 1-10 grade, in points: { passMark, guess }; null: no grade shown. */
    gradeNorm: text('grade_norm', { mode: 'json' }).$type<{ passMark: number; guess: number }>(),
    /** Ids of open responses the teacher picked to discuss on the projector, without names. */
    discussion: text('discussion', { mode: 'json' }).$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [index('assignments_class').on(t.classId)],
);

export const attempts = sqliteTable(
  'attempts',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    lessonSlug: text('lesson_slug').notNull(),
    lessonVersion: text('lesson_version')
      .notNull()
      .references(() => lessonVersions.version),
    mode: text('mode', { enum: ['practice', 'test'] }).notNull(),
    assignmentId: text('assignment_id').references(() => assignments.id, { onDelete: 'cascade' }),
    /** Shuffles options and derives the opaque ids of this attempt's public questions. */
    seed: text('seed').notNull(),
    status: text('status', { enum: ['in-progress', 'finished'] })
      .notNull()
      .default('in-progress'),
    /** The question the learner moved to (POST /position). An answer does not write it: the
     * teacher's live view takes the latest answer's question when that is later. */
    currentQuestionId: text('current_question_id'),
    startedAt: createdAt('started_at'),
    /** Started, moved or finished; answers are dated in their own rows. */
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('attempts_learner').on(t.learnerId, t.lessonSlug),
    index('attempts_assignment').on(t.assignmentId, t.updatedAt),
  ],
);

/** Every answer submitted, appended with its try number; never updated. */
export const responses = sqliteTable(
  'responses',
  {
    id: text('id').primaryKey(),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    try: integer('try').notNull(),
    /** The canonical answer (the lesson's own ids, not the attempt's tokens). */
    answer: text('answer', { mode: 'json' }).notNull(),
    /** The automatic grade at submission; null where the type has none (open): a teacher grades those. */
    fraction: real('fraction'),
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('responses_attempt_question').on(t.attemptId, t.questionId, t.try),
    uniqueIndex('responses_idempotency').on(t.attemptId, t.idempotencyKey),
  ],
);

/** A teacher's grading of an open response, appended as a step: a new grade adds a row, and the
 * latest (highest id) counts (lessons/scoring.ts). */
export const grades = sqliteTable(
  'grades',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'cascade' }),
    points: real('points').notNull(),
    /** Rubric level per criterion id, when the teacher scored by criterion. */
    levels: text('levels', { mode: 'json' }),
    comment: text('comment'),
    gradedAt: createdAt('graded_at'),
  },
  (t) => [index('grades_response').on(t.responseId, t.id)],
);

/**
 * A live, teacher-paced session of a lesson (lessons/behaviours/live.ts): for one of the teacher's
 * classes or for guests. Its whole state is here, so any app process serves it. The current
 * question's round and phase are columns (an answer's insert checks them in its own statement);
 * the other questions' rounds and phases wait in question_states until shown again.
 */
export const liveSessions = sqliteTable(
  'live_sessions',
  {
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'cascade' }),
    classId: text('class_id').references(() => classes.id, { onDelete: 'cascade' }),
    lessonSlug: text('lesson_slug').notNull(),
    lessonVersion: text('lesson_version')
      .notNull()
      .references(() => lessonVersions.version),
    /** Unique among running sessions; freed when the session ends (set to null). */
    code: text('code').unique(),
    joinOpenUntil: integer('join_open_until', { mode: 'timestamp_ms' }),
    /** No new participants, whatever the window says. */
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    currentQuestionId: text('current_question_id'),
    round: integer('round').notNull().default(1),
    phase: text('phase', { enum: ['answering', 'locked', 'revealed'] }).notNull().default('answering'),
    /** Per question shown before: { [questionId]: { round, phase } }. */
    questionStates: text('question_states', { mode: 'json' }).notNull().$type<Record<string, { round: number; phase: 'answering' | 'locked' | 'revealed' }>>(),
    showResults: integer('show_results', { mode: 'boolean' }).notNull().default(false),
    timerEndsAt: integer('timer_ends_at', { mode: 'timestamp_ms' }),
    /** Moves with every change of the state (a command); streams compare it to see a change. */
    stateVersion: integer('state_version').notNull().default(0),
    /** Moves with every stored answer. */
    answersVersion: integer('answers_version').notNull().default(0),
    startedAt: createdAt('started_at'),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('live_sessions_teacher').on(t.teacherId, t.startedAt)],
);

/** Who takes part in a live session: a learner (a class's student, or a guest) with the name shown
 * to the teacher, and the seed that shuffles their options. Removed participants stay, marked. */
export const liveParticipants = sqliteTable(
  'live_participants',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    displayNameKey: text('display_name_key').notNull(),
    seed: text('seed').notNull(),
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    joinedAt: createdAt('joined_at'),
  },
  (t) => [uniqueIndex('live_participants_learner').on(t.sessionId, t.learnerId), uniqueIndex('live_participants_name').on(t.sessionId, t.displayNameKey)],
);

/** Every answer given in a live session, appended per participant, question and round with its
 * try number; the behaviour says which counts (the latest of the round). */
export const liveAnswers = sqliteTable(
  'live_answers',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    participantId: text('participant_id')
      .notNull()
      .references(() => liveParticipants.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    round: integer('round').notNull(),
    try: integer('try').notNull(),
    /** The canonical answer (the lesson's own ids). */
    answer: text('answer', { mode: 'json' }).notNull(),
    /** Sentence ids the participant marked as supporting the answer. */
    cites: text('cites', { mode: 'json' }).notNull().$type<string[]>(),
    fraction: real('fraction'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('live_answers_try').on(t.participantId, t.questionId, t.round, t.try),
    index('live_answers_session').on(t.sessionId, t.questionId, t.round),
  ],
);

// ---- The studio (issue 10): what teachers write in the browser. Published versions go into
// lesson_versions like the built-in ones, so attempts, assignments, reports and scores need nothing else.

/** An article pasted into the studio: the repository's article format (lessons/format.ts
 * ArticleFile, with licence and boundaries) as JSON, its `id` equal to the row's. */
export const authoredArticles = sqliteTable(
  'authored_articles',
  {
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    content: text('content', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('authored_articles_teacher').on(t.teacherId)],
);

/** A lesson a teacher writes: its draft (a LessonFile, possibly incomplete) and what it shares. */
export const authoredLessons = sqliteTable(
  'authored_lessons',
  {
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'cascade' }),
    articleId: text('article_id')
      .notNull()
      .references(() => authoredArticles.id, { onDelete: 'cascade' }),
    /** Assignments and attempts name a lesson by slug: unique here and never a built-in one's. */
    slug: text('slug').notNull().unique(),
    draft: text('draft', { mode: 'json' }).notNull(),
    /** Raised by every save; a save naming an older one is refused (another tab saved). */
    revision: integer('revision').notNull().default(1),
    /** Shared with every teacher of this server, who may assign or copy its published versions. */
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('authored_lessons_teacher').on(t.teacherId), index('authored_lessons_shared').on(t.shared)],
);

/** Each publication of an authored lesson: the version it froze (content in lesson_versions) and
 * the files it was made of, for export and copies. The latest is the one assigned from now on. */
export const lessonPublications = sqliteTable(
  'lesson_publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lessonId: text('lesson_id')
      .notNull()
      .references(() => authoredLessons.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    version: text('version')
      .notNull()
      .references(() => lessonVersions.version),
    /** The LessonFile and the ArticleFile as published. */
    lessonFile: text('lesson_file', { mode: 'json' }).notNull(),
    articleFile: text('article_file', { mode: 'json' }).notNull(),
    publishedAt: createdAt('published_at'),
  },
  (t) => [index('lesson_publications_lesson').on(t.lessonId, t.id), index('lesson_publications_slug').on(t.slug, t.id)],
);

export type Teacher = typeof teachers.$inferSelect;
export type Class = typeof classes.$inferSelect;
export type Learner = typeof learners.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type LessonVersion = typeof lessonVersions.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Attempt = typeof attempts.$inferSelect;
export type Response = typeof responses.$inferSelect;
export type Grade = typeof grades.$inferSelect;
export type LiveSession = typeof liveSessions.$inferSelect;
export type LiveParticipant = typeof liveParticipants.$inferSelect;
export type LiveAnswer = typeof liveAnswers.$inferSelect;
export type AuthoredArticle = typeof authoredArticles.$inferSelect;
export type AuthoredLesson = typeof authoredLessons.$inferSelect;
