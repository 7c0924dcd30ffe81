// The teacher's live pages: the control screen sends each command as the contract names it and
// shows who answered by name; the projector shows counts, rounds side by side with the shift and
// the cited sentences, and no names.
import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, createMemoryHistory } from '@solidjs/router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import LiveControlPage, { controlNews } from './control.tsx';
import LiveProjectorPage from './projector.tsx';
import { FakeEventSource, projectorView, teacherView } from '../../../components/live/fixtures.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
let commands: unknown[];

beforeEach(() => {
  FakeEventSource.sources = [];
  commands = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url === '/api/me') return json(200, { role: 'teacher', name: 'Mevrouw de Vries', email: 'dv@school.nl' });
    if (url === '/api/live/live-1') return json(200, teacherView);
    if (url === '/api/live/live-1/projector') return json(200, projectorView);
    if (url === '/api/live/live-1/commands') {
      commands.push(JSON.parse(init!.body as string));
      return json(200, teacherView);
    }
    return json(404, { type: 'about:blank', title: 'Not found', status: 404, detail: '' });
  });
});
afterEach(() => vi.unstubAllGlobals());

function at(path: string) {
  const history = createMemoryHistory();
  history.set({ value: path });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/teacher/live/:id" component={LiveControlPage} />
      <Route path="/teacher/live/:id/projector" component={LiveProjectorPage} />
      <Route path="/teacher/live/:id/results" component={() => <h1>Resultaten</h1>} />
    </MemoryRouter>
  ));
}

describe('the live control screen', () => {
  it('shows the code, who answered by name, and sends each command', async () => {
    const user = userEvent.setup();
    at('/teacher/live/live-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Live les: Wie zegt wat?' })).toBeInTheDocument();
    expect(screen.getByText('QX7-K2P')).toBeInTheDocument();
    expect(screen.getByText('1 van 2 leerlingen geantwoord', { exact: false })).toBeInTheDocument();
    const people = screen.getByRole('region', { name: 'Deelnemers (2)' });
    expect(within(people).getByText('Anna').closest('li')).toHaveTextContent('geantwoord');
    expect(within(people).getByText('Bram').closest('li')).toHaveTextContent('nog niet');

    await user.click(screen.getByRole('button', { name: 'Antwoorden sluiten' }));
    await user.click(screen.getByRole('button', { name: 'Juiste antwoord tonen' }));
    await user.click(screen.getByRole('button', { name: 'Ronde 2 starten' }));
    await user.click(screen.getByRole('button', { name: 'Resultaten op het bord' }));
    await user.click(screen.getByRole('button', { name: 'Timer starten' }));
    await user.click(screen.getByRole('button', { name: 'Vraag 2 tonen' }));
    await user.click(screen.getByRole('button', { name: 'Meedoen sluiten' }));
    await user.click(screen.getByRole('button', { name: 'Bram verwijderen' }));
    await user.click(await screen.findByRole('button', { name: 'Ja, verwijderen' }));
    await vi.waitFor(() => expect(commands).toHaveLength(8));
    expect(commands).toEqual([
      { type: 'lock' },
      { type: 'reveal' },
      { type: 'new-round' },
      { type: 'show-results', show: true },
      { type: 'start-timer', seconds: 120 },
      { type: 'show-question', questionId: 'q2' },
      { type: 'close-joining' },
      { type: 'remove-participant', participantId: 'p2' },
    ]);
  }, 30_000);

  it('asks before ending the lesson, then opens the results', async () => {
    const user = userEvent.setup();
    at('/teacher/live/live-1');
    await user.click(await screen.findByRole('button', { name: 'Les beëindigen' }));
    const yes = await screen.findByRole('button', { name: 'Ja, beëindigen' });
    await vi.waitFor(() => expect(yes).toHaveFocus());
    expect(commands).toEqual([]);
    await user.click(yes);
    expect(await screen.findByRole('heading', { name: 'Resultaten' })).toBeInTheDocument();
    expect(commands).toEqual([{ type: 'end' }]);
  });

  it('tells the teacher once when everyone has answered', () => {
    const all = { ...teacherView, counts: { joined: 2, answered: 2 } };
    expect(controlNews(teacherView, all)).toBe('Alle 2 leerlingen hebben geantwoord.');
    expect(controlNews(all, all)).toBeNull();
    expect(controlNews(null, teacherView)).toBeNull();
  });
});

describe('the live projector', () => {
  it('shows the code, the counts, both rounds with the shift and the cited sentences, and no names', async () => {
    at('/teacher/live/live-1/projector');
    expect(await screen.findByText('QX7-K2P')).toBeInTheDocument();
    expect(screen.getByText('Meegedaan').nextElementSibling).toHaveTextContent('20');
    expect(screen.getByRole('heading', { name: 'Ronde 1' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Ronde 2' })).toBeInTheDocument();
    expect(screen.getByText('Van 40% goed in de eerste ronde naar 75% goed in de laatste.')).toBeInTheDocument();
    expect(screen.getByText('40% → 75% goed')).toBeInTheDocument();
    expect(screen.getByText('14 keer aangehaald')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Het juiste antwoord' })).toHaveTextContent('Analisten');
    expect(document.body).not.toHaveTextContent('Anna');
  });

  it('keeps the results hidden until the teacher shows them', async () => {
    vi.stubGlobal('fetch', async (url: string) =>
      url === '/api/me'
        ? json(200, { role: 'teacher' })
        : json(200, { ...projectorView, state: { ...projectorView.state, showResults: false, phase: 'answering' }, rounds: undefined, reveal: undefined }),
    );
    at('/teacher/live/live-1/projector');
    expect(await screen.findByText('De resultaten verschijnen als je docent ze laat zien.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Ronde 1' })).not.toBeInTheDocument();
    expect(screen.queryByText(/aangehaald/)).not.toBeInTheDocument();
  });
});
