import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, createMemoryHistory } from '@solidjs/router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LiveJoinPage from './join.tsx';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function mock(me: unknown, answer: Response) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url === '/api/me') return json(200, me);
    calls.push({ url, body: init?.body ? JSON.parse(init.body as string) : undefined });
    return answer;
  });
  const history = createMemoryHistory();
  history.set({ value: '/live' });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/live" component={LiveJoinPage} />
      <Route path="/live/:id" component={() => <h1>Sessie</h1>} />
    </MemoryRouter>
  ));
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('joining a live lesson', () => {
  it('a guest gives the code and a name, and lands on the session', async () => {
    const user = userEvent.setup();
    const calls = mock({ role: null }, json(201, { sessionId: 'live-1' }));
    await user.type(await screen.findByRole('textbox', { name: 'Lescode' }), 'qx7-k2p');
    await user.type(screen.getByRole('textbox', { name: 'Je naam' }), 'Sam');
    await user.click(screen.getByRole('button', { name: 'Meedoen' }));
    expect(await screen.findByRole('heading', { name: 'Sessie' })).toBeInTheDocument();
    expect(calls).toEqual([{ url: '/api/join/live', body: { code: 'QX7-K2P', displayName: 'Sam' } }]);
  });

  it('a student of a class joins as themselves, without a name', async () => {
    const user = userEvent.setup();
    const calls = mock({ role: 'student', name: 'Anna', className: '2B' }, json(201, { sessionId: 'live-1' }));
    expect(await screen.findByText('Je doet mee als Anna uit 2B.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Je naam' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Lescode' }), 'QX7-K2P');
    await user.click(screen.getByRole('button', { name: 'Meedoen' }));
    await screen.findByRole('heading', { name: 'Sessie' });
    expect(calls[0]!.body).toEqual({ code: 'QX7-K2P' });
  });

  it('says a refused code at the field, the same for a wrong and a closed one', async () => {
    const user = userEvent.setup();
    mock({ role: null }, json(404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such session' }));
    await user.type(await screen.findByRole('textbox', { name: 'Lescode' }), 'AAA-AAA');
    await user.type(screen.getByRole('textbox', { name: 'Je naam' }), 'Sam');
    await user.click(screen.getByRole('button', { name: 'Meedoen' }));
    const code = screen.getByRole('textbox', { name: 'Lescode' });
    await vi.waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(/Met deze code kun je nu niet meedoen/);
    expect(code).toHaveFocus();
  });
});
