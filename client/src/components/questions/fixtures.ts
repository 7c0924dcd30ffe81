// Public questions and an article in the API's shapes, for the renderers' component tests.
import type { QuestionOf } from './types.ts';
import type { Mode } from '../../../../server/api-types.ts';
import type { ArticleView, AttemptView, ResponseView } from '../../lib/api.ts';

const L = (nl: string, en: string) => ({ nl, en });
const base = { skill: 'claims' as const, focus: [] as string[], points: 1 };

export const article: ArticleView = {
  title: 'Trump wil dat Apple iPhones in de VS maakt',
  language: 'nl',
  source: { name: 'NOS', url: 'https://nos.nl/artikel/1', published: '2025-05-23' },
  credit: L('Artikel van de NOS', 'Article by NOS'),
  paragraphs: [
    { id: 'p1', kind: 'heading', sentences: [{ id: 's1', text: 'Trump dreigt Apple' }] },
    {
      id: 'p2',
      kind: 'text',
      sentences: [
        { id: 's2', text: 'Trump dreigt met een heffing van 25 procent.' },
        { id: 's3', text: 'Dat zou de prijs verhogen, aldus analisten.' },
      ],
    },
    { id: 'p3', kind: 'text', sentences: [{ id: 's4', text: 'Apple reageerde niet.' }] },
  ],
};

export const singleChoice: QuestionOf<'single-choice'> = {
  ...base,
  id: 'q1',
  type: 'single-choice',
  prompt: L('Wie zegt dat de prijs stijgt?', 'Who says the price will rise?'),
  options: [
    { id: 'o-a', text: L('Trump', 'Trump') },
    { id: 'o-b', text: L('Analisten', 'Analysts') },
    { id: 'o-c', text: L('Apple', 'Apple') },
  ],
};

export const multipleChoice: QuestionOf<'multiple-choice'> = {
  ...base,
  id: 'q2',
  type: 'multiple-choice',
  prompt: L('Welke bronnen noemt het artikel?', 'Which sources does the article name?'),
  options: [
    { id: 'm-a', text: L('Trump', 'Trump') },
    { id: 'm-b', text: L('Analisten', 'Analysts') },
    { id: 'm-c', text: L('Een anonieme ambtenaar', 'An anonymous official') },
  ],
};

export const highlight: QuestionOf<'highlight'> = {
  ...base,
  id: 'q3',
  type: 'highlight',
  prompt: L('Welke zin bevat een voorbehoud?', 'Which sentence contains a hedge?'),
};

export const categorize: QuestionOf<'categorize'> = {
  ...base,
  id: 'q4',
  type: 'categorize',
  prompt: L('Feit of mening?', 'Fact or opinion?'),
  categories: [
    { id: 'c-fact', label: L('Feit', 'Fact') },
    { id: 'c-opinion', label: L('Mening', 'Opinion') },
  ],
  items: [
    { id: 'i-1', text: L('Apple reageerde niet.', 'Apple did not respond.') },
    { id: 'i-2', text: L('Een lakse houding.', 'A lax attitude.') },
  ],
};

export const order: QuestionOf<'order'> = {
  ...base,
  id: 'q5',
  type: 'order',
  prompt: L('Zet de bronnen in volgorde.', 'Put the sources in order.'),
  items: [
    { id: 'r-1', text: L('NOS', 'NOS') },
    { id: 'r-2', text: L('Bloomberg', 'Bloomberg') },
    { id: 'r-3', text: L('Truth Social', 'Truth Social') },
  ],
};

export const match: QuestionOf<'match'> = {
  ...base,
  id: 'q6',
  type: 'match',
  prompt: L('Wie zei wat?', 'Who said what?'),
  left: [
    { id: 'l-1', text: L('25 procent heffing', '25 percent tariff') },
    { id: 'l-2', text: L('Prijs stijgt', 'Price rises') },
  ],
  right: [
    { id: 'x-1', label: L('Trump', 'Trump') },
    { id: 'x-2', label: L('Analisten', 'Analysts') },
    { id: 'x-3', label: L('Apple', 'Apple') },
  ],
};

export const scale: QuestionOf<'scale'> = {
  ...base,
  id: 'q7',
  type: 'scale',
  prompt: L('Hoe sterk is het bewijs?', 'How strong is the evidence?'),
  min: 1,
  max: 3,
  labels: [
    { value: 1, label: L('Zwak', 'Weak') },
    { value: 2, label: L('Redelijk', 'Fair') },
    { value: 3, label: L('Sterk', 'Strong') },
  ],
};

export const open: QuestionOf<'open'> = {
  ...base,
  id: 'q8',
  type: 'open',
  prompt: L('Wat zou je nagaan?', 'What would you check?'),
  maxLength: 20,
};

/** An attempt in progress of three of these questions (single choice, order, open), for the runner's tests. */
export function attemptOf(mode: Mode, responses: ResponseView[] = [], id = 'a1'): AttemptView {
  return {
    id,
    lessonSlug: 'wie-zegt-wat',
    lessonVersion: 'v1',
    mode,
    status: 'in-progress',
    assignmentId: null,
    questions: [singleChoice, order, open],
    responses,
    startedAt: '2026-11-29T10:00:00.000Z',
    finishedAt: null,
  };
}
