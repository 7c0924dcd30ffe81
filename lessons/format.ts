// The lesson format: the zod schema of article and lesson files, and the types that flow from it.
// Lesson files are YAML under lessons/content/<article>/; this schema is their single source of truth.
import { z } from 'zod';

export const SKILLS = ['claims', 'sources', 'evidence', 'language', 'verification'] as const;
export const skill = z.enum(SKILLS);
export type Skill = z.infer<typeof skill>;

export const QUESTION_TYPES = [
  'single-choice',
  'multiple-choice',
  'highlight',
  'categorize',
  'order',
  'match',
  'scale',
  'open',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Misconceptions a wrong answer can reveal; reports count them. */
export const MISCONCEPTIONS = [
  'reputation-as-evidence', // "the NYT is a big paper, so it is proven"
  'hedge-as-denial', // reading "zou" as "did not happen"
  'anonymous-means-false', // an unnamed source is automatically wrong
  'doubt-everything', // calling every statement unreliable, the well-supported ones too
  'attribution-as-endorsement', // "meldt de krant" read as the paper vouching for it
  'quote-as-verbatim', // quote marks taken as the speaker's exact original words
  'prediction-as-fact', // a forecast ("zullen") read as something observed
  'opinion-as-fact', // an evaluation ("lakse houding") read as neutral fact
  'single-source-as-confirmation', // one source repeated as if it were several
  'translation-as-original', // the Dutch rendering taken for what the original report said
] as const;
export const misconception = z.enum(MISCONCEPTIONS);
export type Misconception = z.infer<typeof misconception>;

/** The languages a lesson can be written in. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const localizedText = z.string().trim().min(1);
/** A text in the lesson's languages: a lesson declares them (`languages`), and every text it
 * holds exists in each (checked per lesson below); a text may hold other languages too. */
export const localized = z
  .object({ nl: localizedText.optional(), en: localizedText.optional() })
  .strict()
  .refine((t) => t.nl !== undefined || t.en !== undefined, { message: 'missing text: give it in Dutch (nl) or English (en)' });
export type Localized = z.infer<typeof localized>;

/** The texts of one lesson must exist in these languages; the schema of a lesson in them. */
function localizedIn(languages: readonly Language[]) {
  return z
    .object({
      nl: languages.includes('nl') ? localizedText : localizedText.optional(),
      en: languages.includes('en') ? localizedText : localizedText.optional(),
    })
    .strict();
}

/** A quote from the article (W3C TextQuoteSelector): resolved by the loader to sentence ids. */
export const quote = z
  .object({ exact: z.string().min(1), prefix: z.string().optional(), suffix: z.string().optional() })
  .strict();
export type Quote = z.infer<typeof quote>;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes');

// ---- Teaching material (issue 13): the context card, the teacher's guide and lesson-hour routes.

/** The eight competences of the Mediawijsheid Competentiemodel 2021 (Netwerk Mediawijsheid,
 * formerly Mediawijzer.net); a guide maps each lesson goal to one or more of them. */
export const MEDIAWIJSHEID_COMPETENCES = [
  'bedienen',
  'exploreren',
  'vinden',
  'creeren',
  'verbinden',
  'discussieren',
  'doorgronden',
  'reflecteren',
] as const;
export type Competence = (typeof MEDIAWIJSHEID_COMPETENCES)[number];

/** The class discussions an article's teacher notes must offer (the checker warns otherwise). */
export const DISCUSSION_TOPICS = ['anonymous-sources', 'stake', 'reactions', 'translation', 'soms-regelmatig'] as const;

/** What a learner reads before the article: the background a 15-year-old lacks. */
export const contextCard = z.object({ title: localized, paragraphs: z.array(localized).min(1) }).strict();
export type ContextCard = z.infer<typeof contextCard>;

/** For the teacher only, shared by every lesson about one article. */
export const teacherNotes = z
  .object({
    discussion: z.array(z.object({ id, prompt: localized, note: localized }).strict()).min(1),
    /** A note on political balance. */
    balance: localized,
  })
  .strict();
export type TeacherNotes = z.infer<typeof teacherNotes>;

/** A lesson's teacher's guide. Question ids refer to the lesson's own questions. */
export const lessonGuide = z
  .object({
    goals: z
      .array(z.object({ goal: localized, competences: z.array(z.enum(MEDIAWIJSHEID_COMPETENCES)).min(1) }).strict())
      .min(1),
    /** A lesson hour, step by step; the checker warns when it does not add up to 45-50 minutes. */
    plan: z.array(z.object({ minutes: z.number().int().positive(), activity: localized }).strict()).min(1),
    /** The answer to each question and the mistakes students commonly make. */
    answers: z.array(z.object({ question: id, answer: localized, mistakes: localized }).strict()).default([]),
    /** Graded sample answers to open questions: a level per rubric criterion, and why. */
    samples: z
      .array(
        z
          .object({ question: id, levels: z.record(id, z.number().int().min(0).max(3)), text: localized, why: localized })
          .strict(),
      )
      .default([]),
    /** Ids of the article's discussion prompts (teacherNotes.discussion) for this lesson. */
    discussion: z.array(id).min(1),
  })
  .strict();
export type LessonGuide = z.infer<typeof lessonGuide>;

/** A route takes questions from other lessons about the same article (a one-hour selection);
 * they keep their content and get the id `<lesson>-<question>`. */
export const include = z.array(z.object({ lesson: id, questions: z.array(id).min(1) }).strict()).min(1);

/** The schemas of questions and lesson files, for learner-facing texts of the given schema: the
 * lenient `localized` for the types and the first check, `localizedIn(languages)` for the check
 * that every learner-facing text exists in each language the lesson declares. */
function lessonSchemas(localized: z.ZodType<Localized>) {
  /** Feedback a learner sees for one option, item or rule, with the sentences it cites. */
  const feedbackFields = {
    feedback: localized.optional(),
    misconception: misconception.optional(),
    cites: z.array(quote).optional(),
  };

  const questionBase = {
    id,
    skill,
    prompt: localized,
    /** The passage the question is about: highlighted in the reader while the question is shown. */
    focus: z.array(quote).optional(),
    /** Shown after grading, in every mode: why the key is right. Must cite the article. */
    explanation: localized,
    cites: z.array(quote).min(1, 'an explanation cites the article: give at least one quote'),
    points: z.number().int().positive().default(1),
    /** A short text shown to the learner before the prompt (e.g. what SIFT is); no key in it. */
    intro: localized.optional(),
    /** Suggested minutes for this question when it takes longer than usual (a search task). */
    minutes: z.number().positive().max(30).optional(),
  };

  const option = z.object({ id, text: localized, ...feedbackFields }).strict();
  const item = z.object({ id, text: localized, ...feedbackFields }).strict();
  const label = z.object({ id, label: localized }).strict();

  /** Feedback by outcome for types graded as a whole (full, partial or no credit). */
  const outcomes = z
    .object({ full: localized, partial: localized.optional(), none: localized })
    .strict();

  const singleChoice = z
    .object({ ...questionBase, type: z.literal('single-choice'), options: z.array(option).min(2), key: id })
    .strict();

  const multipleChoice = z
    .object({
      ...questionBase,
      type: z.literal('multiple-choice'),
      options: z.array(option).min(3),
      key: z.array(id).min(1),
    })
    .strict();

  const highlight = z
    .object({
      ...questionBase,
      type: z.literal('highlight'),
      /** The sentences to select, quoted. */
      key: z.array(quote).min(1),
      /** Feedback for a sentence selected that is not in the key (a tempting wrong pick). */
      distractors: z.array(z.object({ quote, ...feedbackFields }).strict()).optional(),
      outcomes,
    })
    .strict();

  const categorize = z
    .object({
      ...questionBase,
      type: z.literal('categorize'),
      categories: z.array(label).min(2),
      items: z.array(item).min(2),
      /** item id -> category id */
      key: z.record(id, id),
      outcomes,
    })
    .strict();

  const order = z
    .object({
      ...questionBase,
      type: z.literal('order'),
      items: z.array(item).min(3),
      /** item ids, first to last */
      key: z.array(id).min(3),
      outcomes,
    })
    .strict();

  const match = z
    .object({
      ...questionBase,
      type: z.literal('match'),
      left: z.array(item).min(2),
      /** May hold more entries than left: the extra ones are distractors. */
      right: z.array(label).min(2),
      /** left id -> right id */
      key: z.record(id, id),
      outcomes,
    })
    .strict();

  const scale = z
    .object({
      ...questionBase,
      type: z.literal('scale'),
      min: z.number().int(),
      max: z.number().int(),
      /** One label per value from min to max. */
      labels: z.array(z.object({ value: z.number().int(), label: localized }).strict()),
      /** The accepted range, inclusive: any value in it gets full credit, one step outside half. */
      key: z.object({ min: z.number().int(), max: z.number().int() }).strict(),
      /** Feedback per band of values; bands cover min..max without overlap. */
      bands: z
        .array(z.object({ from: z.number().int(), to: z.number().int(), ...feedbackFields }).strict())
        .min(1),
    })
    .strict();

  const rubricLevel = z
    .object({
      points: z.number().int().min(0).max(3),
      description: localized,
      example: localized,
      /** An answer just at this level, with why it is not one higher or lower: calibrates teachers. */
      borderline: localized.optional(),
    })
    .strict();

  const open = z
    .object({
      ...questionBase,
      type: z.literal('open'),
      /** What a strong answer says: shown to self-study learners to compare with their own. */
      modelAnswer: localized,
      /** Analytic rubric: each criterion scored 0 to 3, each level with an example answer. */
      rubric: z
        .array(
          z
            .object({ id, criterion: localized, levels: z.array(rubricLevel).length(4) })
            .strict(),
        )
        .min(1),
      maxLength: z.number().int().positive().default(1500),
      /** What a factual error inside an otherwise good answer costs. */
      factualErrors: localized.optional(),
    })
    .strict();

  const question = z.discriminatedUnion('type', [
    singleChoice,
    multipleChoice,
    highlight,
    categorize,
    order,
    match,
    scale,
    open,
  ]);

  const lessonFile = z
    .object({
      slug: id,
      /** The languages every learner-facing text of the lesson exists in; Dutch and English
       * unless the lesson says otherwise. */
      languages: z
        .array(z.enum(LANGUAGES))
        .min(1)
        .refine((l) => new Set(l).size === l.length, { message: 'a language is listed twice' })
        .default(['nl', 'en']),
      title: localized,
      summary: localized,
      /** Place in the catalog (1 first); the server lists lessons by it, lessons without it last. */
      order: z.number().int().min(1).optional(),
      minutes: z.number().int().min(1).max(90),
      goals: z.array(localized).min(1),
      /** A route (see `include`) may have no questions of its own. */
      questions: z.array(question).default([]),
      include: include.optional(),
      guide: lessonGuide.optional(),
    })
    .strict()
    .refine((f) => f.questions.length > 0 || (f.include?.length ?? 0) > 0, {
      path: ['questions'],
      message: 'missing questions: a lesson needs questions, or a route needs include',
    });

  return { singleChoice, multipleChoice, highlight, categorize, order, match, scale, open, question, lessonFile };
}

const lenient = lessonSchemas(localized);
export const { singleChoice, multipleChoice, highlight, categorize, order, match, scale, open, question } = lenient;
export type Question = z.infer<typeof question>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** One schema per set of declared languages, built once. */
const byLanguages = new Map<string, ReturnType<typeof lessonSchemas>['lessonFile']>();
function lessonFileIn(languages: readonly Language[]) {
  const key = [...languages].sort().join(',');
  let schema = byLanguages.get(key);
  if (!schema) byLanguages.set(key, (schema = lessonSchemas(localizedIn(languages)).lessonFile));
  return schema;
}

/** A lesson file: valid in shape, and every learner-facing text in each declared language (a
 * missing one is reported at its path, e.g. questions.3.prompt.en). */
export const lessonFile = lenient.lessonFile.superRefine((file, ctx) => {
  // Zod runs this after other issues too: then `languages` may be anything.
  const languages = Array.isArray(file.languages) ? LANGUAGES.filter((l) => file.languages.includes(l)) : [];
  if (languages.length === 0) return;
  const result = lessonFileIn(languages).safeParse(file);
  if (result.success) return;
  // The lenient pass has reported everything else already; add only the missing languages.
  for (const issue of result.error.issues) {
    const last = issue.path.at(-1);
    if (issue.code === 'invalid_type' && (last === 'nl' || last === 'en')) ctx.addIssue({ code: 'custom', path: issue.path, message: `missing text in '${String(last)}'` });
  }
});
export type LessonFile = z.infer<typeof lessonFile>;

/** Offsets in an article's text where the author forced a sentence break (`split`), or removed
 * one the splitter made (`join`, the offset of the sentence that then joins the one before). */
export const boundaries = z
  .object({
    split: z.array(z.number().int().min(0)).optional(),
    join: z.array(z.number().int().min(0)).optional(),
  })
  .strict();
export type Boundaries = z.infer<typeof boundaries>;

export const articleFile = z
  .object({
    /** The folder name under lessons/content/. */
    id,
    title: z.string().min(1),
    language: z.string().regex(/^[a-z]{2}$/),
    source: z
      .object({
        name: z.string().min(1),
        url: z.url(),
        /** ISO date, or year and month where the day is not known. */
        published: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
      })
      .strict(),
    credit: localized,
    /** Under what terms the text may be used here (the studio requires it). */
    licence: z.string().trim().min(1).optional(),
    /** The article text, paragraphs separated by blank lines. A paragraph of one line without
     * closing punctuation is a heading. */
    text: z.string().min(1),
    /** Sentence breaks set by hand (lessons/article.ts splitArticle). */
    boundaries: boundaries.optional(),
    /** Translations of the article, paragraph by paragraph, aligned with `text`. */
    translations: z.record(z.string().regex(/^[a-z]{2}$/), z.object({ title: z.string(), paragraphs: z.array(z.string()) }).strict()).optional(),
    /** Shown to the learner before the article, in every lesson about it. */
    contextCard: contextCard.optional(),
    /** For the teacher: discussion prompts and a note on political balance. */
    teacherNotes: teacherNotes.optional(),
  })
  .strict();
export type ArticleFile = z.infer<typeof articleFile>;
