import { MemoryRouter, Route, createMemoryHistory } from '@solidjs/router';
import { render, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttemptView, LessonDetail } from '../lib/api.ts';
import { article, categorize, highlight, open } from '../components/questions/fixtures.ts';
import Results from './results.tsx';

const L = (nl: string, en: string) => ({ nl, en });
const lesson: LessonDetail = {
  slug: 'wie-zegt-wat',
  title: L('Wie zegt wat?', 'Who says what?'),
  summary: L('Bronnen.', 'Sources.'),
  language: 'nl',
  minutes: 10,
  skills: ['claims'],
  questionCount: 3,
  version: 'v1',
  goals: [],
  article,
};
const base = { feedback: [], anchors: [], explanation: L('Uitleg.', 'Explanation.'), state: 'scored' as const, max: 1 };
const attempt: AttemptView = {
  id: 'a1',
  lessonSlug: 'wie-zegt-wat',
  lessonVersion: 'v1',
  mode: 'test',
  status: 'finished',
  assignmentId: 'as1',
  questions: [categorize, highlight, open],
  responses: [],
  startedAt: '2026-11-29T10:00:00.000Z',
  finishedAt: '2026-11-29T10:20:00.000Z',
  result: {
    status: 'finished',
    score: { points: 1.5, max: 3 },
    skills: { claims: { points: 1.5, max: 3 } },
    feedbackReleased: true,
    review: [
      { ...base, questionId: categorize.id, points: 0.5, fraction: 0.5, key: { placements: { 'i-1': 'c-fact', 'i-2': 'c-opinion' } }, answer: { placements: { 'i-1': 'c-fact', 'i-2': 'c-fact' } }, wrong: ['i-2'] },
      { ...base, questionId: highlight.id, points: 0, fraction: 0, key: { sentenceIds: ['s3'] }, answer: { sentenceIds: ['s4'] }, wrong: ['s4'] },
      {
        ...base,
        questionId: open.id,
        points: 1,
        fraction: 1,
        key: null,
        answer: { text: 'Ik zou de NOS checken.' },
        teacherComment: 'Goed gedaan.',
        levels: [{ criterion: L('Noemt een bron om te checken', 'Names a source to check'), level: 2, max: 3, description: L('Noemt een bron, zonder waarom.', 'Names a source, without why.') }],
      },
    ],
  },
};

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
afterEach(() => vi.unstubAllGlobals());

function renderResults() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => (String(url).startsWith('/api/attempts/a1') ? json(attempt) : String(url).startsWith('/api/lessons/') ? json(lesson) : json({}))),
  );
  const history = createMemoryHistory();
  history.set({ value: '/attempts/a1/results' });
  return render(() => (
    <MemoryRouter history={history}>
      <Route path="/attempts/:id/results" component={Results} />
    </MemoryRouter>
  ));
}

describe('results review', () => {
  it('names which items and sentences of a partly right answer were wrong', async () => {
    renderResults();
    const items = await screen.findAllByRole('listitem');
    const categorizeItem = items.find((li) => li.classList.contains('review-item') && li.textContent!.includes('Feit of mening?'))!;
    expect(within(categorizeItem).getByText('Niet goed:')).toBeInTheDocument();
    expect(within(categorizeItem.querySelector('.wrong-parts')!).getByText('Een lakse houding.')).toBeInTheDocument();
    expect(within(categorizeItem.querySelector('.wrong-parts')!).queryByText('Apple reageerde niet.')).toBeNull();
    const highlightItem = items.find((li) => li.classList.contains('review-item') && li.textContent!.includes('Welke zin bevat een voorbehoud?'))!;
    expect(within(highlightItem).getByText('Deze zinnen horen er niet bij:')).toBeInTheDocument();
    expect(within(highlightItem.querySelector('.wrong-parts')!).getByText('“Apple reageerde niet.”')).toBeInTheDocument();
  });

  it('shows the rubric level the teacher gave each criterion of an open answer, with what it means', async () => {
    renderResults();
    const heading = await screen.findByRole('heading', { name: 'Beoordeling van je docent' });
    const list = heading.nextElementSibling as HTMLElement;
    expect(list).toHaveTextContent('Noemt een bron om te checken: niveau 2 van 3');
    expect(list).toHaveTextContent('Noemt een bron, zonder waarom.');
  });
});
