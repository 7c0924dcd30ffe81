import { Route, Router } from '@solidjs/router';
import { render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Catalog from './catalog.tsx';

const lesson = {
  slug: 'hoe-zeker',
  title: { nl: 'Hoe zeker is het?', en: 'How certain is it?' },
  summary: { nl: 'Kleine woorden.', en: 'Small words.' },
  language: 'nl',
  minutes: 12,
  skills: ['language'],
  questionCount: 13,
};

function serve(attempts: unknown | null) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/lessons') return new Response(JSON.stringify({ lessons: [lesson] }), { headers: { 'content-type': 'application/json' } });
      if (url === '/api/attempts' && attempts) return new Response(JSON.stringify({ attempts }), { headers: { 'content-type': 'application/json' } });
      return new Response(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'no session' }), { status: 401, headers: { 'content-type': 'application/problem+json' } });
    }),
  );
}
const renderCatalog = () => render(() => <Router><Route path="/" component={Catalog} /></Router>);

afterEach(() => vi.unstubAllGlobals());

describe('catalog', () => {
  it("lists the learner's own attempts with links to continue or see results", async () => {
    serve([
      { id: 'a1', lessonSlug: 'hoe-zeker', mode: 'practice', status: 'in-progress', assignmentId: null, startedAt: '2026-11-27T10:00:00Z', finishedAt: null, answered: 5 },
      { id: 'a2', lessonSlug: 'hoe-zeker', mode: 'test', status: 'finished', assignmentId: null, startedAt: '2026-11-26T10:00:00Z', finishedAt: '2026-11-26T10:20:00Z', answered: 13 },
    ]);
    renderCatalog();
    expect(await screen.findByRole('link', { name: 'Ga verder: Hoe zeker is het?' })).toHaveAttribute('href', '/attempts/a1');
    expect(screen.getByRole('link', { name: 'Bekijk je resultaat: Hoe zeker is het?' })).toHaveAttribute('href', '/attempts/a2/results');
  });

  it('shows how far an unfinished attempt is, as "5/13" and in words', async () => {
    serve([{ id: 'a1', lessonSlug: 'hoe-zeker', mode: 'practice', status: 'in-progress', assignmentId: null, startedAt: '2026-11-27T10:00:00Z', finishedAt: null, answered: 5 }]);
    renderCatalog();
    const item = (await screen.findByRole('link', { name: 'Ga verder: Hoe zeker is het?' })).closest('li')!;
    await vi.waitFor(() => expect(item.querySelector('.attempt-progress')).toHaveTextContent('5/13'));
    expect(item).toHaveTextContent('5 van 13 vragen beantwoord');
  });

  it('shows just the lessons to a first-time visitor', async () => {
    serve(null);
    renderCatalog();
    expect(await screen.findByRole('link', { name: 'Hoe zeker is het?' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Verder waar je was' })).toBeNull();
  });
});
