// A small report for the component tests: three students in the three states, two questions
// (one single choice, one open with a rubric), one open answer waiting to be graded.
import type { AssignmentReport, ReportQuestion as ReportQuestionWithRubric } from '../../lib/api.ts';

const l = (nl: string, en: string) => ({ nl, en });

export const openQuestion: ReportQuestionWithRubric = {
  id: 'q2',
  type: 'open',
  skill: 'verification',
  prompt: l('Wat zou je nagaan?', 'What would you check?'),
  points: 3,
  responses: 1,
  facility: null,
  discrimination: null,
  facilityNote: l('Nog niet beoordeeld.', 'Not marked yet.'),
  discriminationNote: l('Te weinig antwoorden.', 'Too few responses.'),
  distribution: [],
  commonWrong: null,
  misconceptions: [],
  rubric: [
    {
      id: 'c1',
      criterion: l('Noemt een bron om na te gaan', 'Names a source to check'),
      levels: [0, 1, 2, 3].map((p) => ({
        points: p,
        description: l(`Niveau ${p}`, `Level ${p}`),
        example: l(`Voorbeeldantwoord ${p}`, `Example answer ${p}`),
      })),
    },
  ],
  modelAnswer: l('Zoek het oorspronkelijke interview op.', 'Find the original interview.'),
};

export const report: AssignmentReport = {
  assignment: {
    id: 'a1',
    classId: 'c1',
    className: '2B',
    lessonSlug: 'trump-iphone',
    lessonTitle: l('De iPhone van Trump', "Trump's iPhone"),
    lessonVersion: 'v1',
    mode: 'test',
    opensAt: null,
    dueAt: null,
    feedbackRelease: 'manual',
    feedbackReleasedAt: null,
    title: null,
    closedAt: null,
    gradeNorm: null,
    discussion: [],
    createdAt: '2025-01-01T10:00:00Z',
  },
  students: [
    {
      id: 's1',
      displayName: 'Anna',
      state: 'finished',
      attemptId: 't1',
      score: { points: 1, max: 4 },
      skills: { sources: { points: 1, max: 1 } },
      cells: [
        { questionId: 'q1', fraction: 1, answered: true, responseId: 'r1' },
        { questionId: 'q2', fraction: null, answered: true, responseId: 'r2' },
      ],
    },
    {
      id: 's2',
      displayName: 'Bram',
      state: 'in-progress',
      attemptId: 't2',
      score: null,
      skills: {},
      cells: [
        { questionId: 'q1', fraction: 0, answered: true, responseId: 'r3' },
        { questionId: 'q2', fraction: null, answered: false, responseId: null },
      ],
    },
    { id: 's3', displayName: 'Cem', state: 'not-started', attemptId: null, score: null, skills: {}, cells: [] },
  ],
  questions: [
    {
      id: 'q1',
      type: 'single-choice',
      skill: 'sources',
      prompt: l('Wie is de bron?', 'Who is the source?'),
      points: 1,
      responses: 2,
      facility: 0.5,
      discrimination: 0.8,
      facilityNote: l('De helft had deze vraag goed.', 'Half got this right.'),
      discriminationNote: l('Wie het geheel goed deed, deed ook deze goed.', 'Those who did well overall did well here.'),
      distribution: [
        { value: 'o1', label: l('Een anonieme medewerker', 'An anonymous employee'), count: 1, correct: true },
        { value: 'o2', label: l('De krant zelf', 'The paper itself'), count: 1, correct: false },
      ],
      commonWrong: { value: 'o2', label: l('De krant zelf', 'The paper itself'), count: 1, correct: false, misconception: 'attribution-as-endorsement' },
      misconceptions: [{ tag: 'attribution-as-endorsement', count: 1 }],
    },
    openQuestion,
  ],
  skills: { sources: { points: 1, max: 2 } },
  toGrade: [{ responseId: 'r2', questionId: 'q2', studentId: 's1', displayName: 'Anna', text: 'Ik zou het interview zoeken.', points: null, comment: null }],
};
