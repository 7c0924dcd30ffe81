// The student's live screen as a walkthrough: the waiting screen, a question arriving over the
// stream, answering and marking sentences by keyboard, the acknowledgement, the lock, the reveal,
// a second round that starts from the last answer, and a dropped stream that comes back on the
// current question with the saved answer.
import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, createMemoryHistory } from '@solidjs/router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import LiveSessionPage, { studentNews } from './session.tsx';
import { asked, FakeEventSource, lobby, review } from '../../components/live/fixtures.ts';
import type { LiveStudentView } from '../../lib/live-types.ts';
import { multipleChoice } from '../../components/questions/fixtures.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let first: LiveStudentView;
let puts: { url: string; body: unknown }[];
let putStatus: number;

beforeEach(() => {
  FakeEventSource.sources = [];
  puts = [];
  putStatus = 200;
  first = lobby;
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url === '/api/live/live-1/me') return json(200, first);
    if (init?.method === 'PUT') {
      puts.push({ url, body: JSON.parse(init.body as string) });
      return putStatus === 200 ? json(200, { saved: true }) : json(putStatus, { type: '/problems/conflict', title: 'Conflict', status: putStatus, detail: 'locked' });
    }
    return json(404, { type: 'about:blank', title: 'Not found', status: 404, detail: '' });
  });
});
afterEach(() => vi.unstubAllGlobals());

function open() {
  const history = createMemoryHistory();
  history.set({ value: '/live/live-1' });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/live/:id" component={LiveSessionPage} />
    </MemoryRouter>
  ));
}

describe('the student live screen', () => {
  it('waits, answers with cited sentences, is acknowledged, locks, reveals and votes again', async () => {
    const user = userEvent.setup();
    open();
    expect(await screen.findByRole('heading', { name: 'Even wachten' })).toBeInTheDocument();
    const stream = FakeEventSource.latest();
    expect(stream.url).toBe('/api/live/live-1/me/events');
    stream.open();

    // the teacher shows question 1
    stream.send(asked());
    expect(await screen.findByRole('heading', { name: 'Vraag 1 van 3' })).toBeInTheDocument();
    expect(screen.getByText('Vraag 1 van 3 staat klaar.')).toBeInTheDocument();
    expect(screen.queryByText(/⏱/)).not.toBeInTheDocument(); // no timer unless the teacher starts one
    const send = screen.getByRole('button', { name: 'Antwoord versturen' });
    expect(send).toBeDisabled();

    // answer and mark a sentence, by keyboard
    screen.getByRole('radio', { name: 'Analisten' }).focus();
    await user.keyboard(' ');
    const cites = screen.getByRole('group', { name: /Welke zinnen ondersteunen je antwoord/ });
    within(cites).getByRole('checkbox', { name: 'Dat zou de prijs verhogen, aldus analisten.' }).focus();
    await user.keyboard(' ');
    expect(within(cites).getByText('1 zin gekozen.')).toBeInTheDocument();
    await user.click(send);
    await vi.waitFor(() => expect(screen.getByText(/Je antwoord is ontvangen/)).toBeInTheDocument());
    expect(puts).toEqual([{ url: '/api/live/live-1/answers/q1', body: { round: 1, answer: { optionId: 'o-b' }, cites: ['s3'] } }]);

    // the teacher locks: the answer can no longer change
    stream.send(asked({ answer: { answer: { optionId: 'o-b' }, cites: ['s3'] } }, { phase: 'locked' }));
    await vi.waitFor(() => expect(screen.getByRole('radio', { name: 'Analisten' })).toBeDisabled());
    expect(screen.getAllByText('Je docent heeft de antwoorden gesloten.').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /versturen/ })).not.toBeInTheDocument();

    // the reveal: the key, the explanation and the cited sentence
    stream.send(asked({ answer: { answer: { optionId: 'o-b' }, cites: ['s3'] }, review: { ...review, fraction: 1 } }, { phase: 'revealed' }));
    const panel = await screen.findByRole('region', { name: 'Het juiste antwoord' });
    expect(within(panel).getByText('Jouw antwoord: goed.')).toBeInTheDocument();
    expect(within(panel).getByText('Analisten zeggen het, aldus de zin.')).toBeInTheDocument();
    expect(within(panel).getByText('Dat zou de prijs verhogen, aldus analisten.')).toBeInTheDocument();

    // round 2: the last answer is filled in, not yet sent
    stream.send(asked({}, { round: 2 }));
    expect(await screen.findByRole('heading', { name: 'Vraag 1 van 3 · Ronde 2' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Analisten' })).toBeChecked();
    expect(screen.getByText(/Je vorige antwoord staat er nog/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Het juiste antwoord' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    await vi.waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]!.body).toEqual({ round: 2, answer: { optionId: 'o-b' }, cites: ['s3'] });

    // the next question, of another type: it starts empty (never the last question's answer)
    stream.send(asked({ question: multipleChoice }, { questionId: multipleChoice.id, questionNumber: 2 }));
    expect(await screen.findByRole('heading', { name: 'Vraag 2 van 3' })).toBeInTheDocument();
    expect(screen.queryAllByRole('checkbox', { checked: true })).toHaveLength(0);
    await user.click(screen.getByRole('checkbox', { name: 'Analisten' }));
    await user.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    await vi.waitFor(() => expect(puts).toHaveLength(3));
    expect(puts[2]).toEqual({ url: '/api/live/live-1/answers/q2', body: { round: 1, answer: { optionIds: ['m-b'] }, cites: [] } });
  }, 30_000);

  it('says an answer came too late when the server refuses it (locked or another round)', async () => {
    const user = userEvent.setup();
    first = asked();
    putStatus = 409;
    open();
    await user.click(await screen.findByRole('radio', { name: 'Trump' }));
    await user.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    expect(await screen.findByText(/Je antwoord kwam te laat/)).toBeInTheDocument();
  });

  it('after a dropped stream opens it again and lands on the current question with the saved answer', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      first = asked();
      open();
      expect(await screen.findByRole('heading', { name: 'Vraag 1 van 3' })).toBeInTheDocument();
      const before = FakeEventSource.latest();
      before.open();
      before.fail();
      expect(await screen.findByText('Verbinding kwijt. We verbinden opnieuw…')).toBeInTheDocument();
      await vi.advanceTimersByTimeAsync(1100);
      const after = FakeEventSource.latest();
      expect(after).not.toBe(before);
      after.open();
      after.send(asked({ answer: { answer: { optionId: 'o-a' }, cites: [] } }, { round: 2 }));
      expect(await screen.findByRole('heading', { name: 'Vraag 1 van 3 · Ronde 2' })).toBeInTheDocument();
      expect(screen.getByRole('radio', { name: 'Trump' })).toBeChecked();
      expect(screen.getByText(/Je antwoord is ontvangen/)).toBeInTheDocument();
      expect(screen.getByText('Verbonden')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the timer only when the teacher starts one', async () => {
    first = asked({}, { timerEndsAt: new Date(Date.now() + 90_000).toISOString() });
    open();
    expect(await screen.findByText(/Tijd over/)).toBeInTheDocument();
    expect(screen.getByText('Je docent heeft een timer gestart: 1:30.')).toBeInTheDocument();
  });

  it('tells a student who is no longer let in, in words, instead of reconnecting for ever', async () => {
    first = asked();
    open();
    await screen.findByRole('heading', { name: 'Vraag 1 van 3' });
    first = { type: 'about:blank', title: 'Forbidden', status: 403, detail: '' } as never;
    vi.stubGlobal('fetch', async () => json(403, first));
    FakeEventSource.latest().fail();
    expect(await screen.findByRole('heading', { name: 'Je doet niet (meer) mee aan deze les' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Opnieuw meedoen met een code' })).toHaveAttribute('href', '/live');
  });

  it('says what changed, politely', () => {
    expect(studentNews(asked(), asked({}, { phase: 'ended', endedAt: new Date().toISOString() }))).toBe('De les is afgelopen');
    expect(studentNews(asked(), asked({}, { phase: 'revealed' }))).toBe('Je docent laat het juiste antwoord zien.');
    expect(studentNews(lobby, lobby)).toBeNull();
  });
});
