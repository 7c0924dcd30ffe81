import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route } from '@solidjs/router';
import JoinPage from './join.tsx';
import { normalizeJoinCode } from '../components/join-code-form.tsx';

function renderJoin() {
  return render(() => (
    <MemoryRouter>
      <Route path="/" component={JoinPage} />
    </MemoryRouter>
  ));
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The page asks GET /api/me (a visitor who is not a student yet, unless `me` says otherwise); the returned mock sees the other calls. */
function mockFetch(status: number, body: unknown, me: unknown = { role: null }, assignments: unknown = []) {
  const fetchMock = vi.fn(async (..._args: unknown[]) => json(status, body));
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url === '/api/me') return json(200, me);
    if (url === '/api/assignments') return json(200, assignments);
    return fetchMock(url, init);
  });
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('join flow', () => {
  it('accepts a join code with or without dash, in any case', () => {
    expect(normalizeJoinCode(' abcd-1234 ')).toBe('ABCD-1234');
    expect(normalizeJoinCode('2jm-m9h')).toBe('2JM-M9H');
    expect(normalizeJoinCode('abcd 1234')).toBe('ABCD1234');
  });

  it('joins with code and name, then shows the resume code once with the advice to write it down', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch(201, { displayName: 'Anna', resumeCode: 'KLM7-PQ42-XY9Z', classId: 'c1', className: '2B' });
    renderJoin();
    await user.type(await screen.findByRole('textbox', { name: 'Klascode' }), 'abcd-1234');
    await user.type(screen.getByRole('textbox', { name: 'Je naam in de klas' }), 'Anna');
    await user.click(screen.getByRole('button', { name: 'Binnengaan' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Je zit nu in 2B' });
    await vi.waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('KLM7-PQ42-XY9Z')).toHaveClass('tw-resume-code');
    expect(screen.getByText(/Schrijf deze code op/)).toHaveTextContent('andere computer of telefoon');
    expect(screen.getByRole('link', { name: 'Naar mijn opdrachten' })).toHaveAttribute('href', '/me');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/join');
    expect(JSON.parse(init.body as string)).toEqual({ joinCode: 'ABCD-1234', displayName: 'Anna' });
  });

  it('asks for both fields before calling the server', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch(201, {});
    renderJoin();
    await user.click(await screen.findByRole('button', { name: 'Binnengaan' }));
    const code = screen.getByRole('textbox', { name: 'Klascode' });
    expect(code).toHaveFocus();
    expect(code).toHaveAccessibleDescription(expect.stringContaining('Vul klascode in.'));
    expect(screen.getByRole('textbox', { name: 'Je naam in de klas' })).toHaveAccessibleDescription(expect.stringContaining('Vul je naam in de klas in.'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("puts the server's complaint about a field beside that field", async () => {
    const user = userEvent.setup();
    mockFetch(404, {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Onbekende klascode.',
      errors: [{ path: 'joinCode', message: 'Deze klascode bestaat niet.' }],
    });
    renderJoin();
    await user.type(await screen.findByRole('textbox', { name: 'Klascode' }), 'zzzz-0000');
    await user.type(screen.getByRole('textbox', { name: 'Je naam in de klas' }), 'Anna');
    await user.click(screen.getByRole('button', { name: 'Binnengaan' }));
    const code = screen.getByRole('textbox', { name: 'Klascode' });
    await vi.waitFor(() => expect(code).toHaveAccessibleDescription(expect.stringContaining('Deze klascode bestaat niet.')));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveFocus();
  });

  it('a taken name points to the personal code: a link to the resume page beside the name field', async () => {
    const user = userEvent.setup();
    mockFetch(409, { type: '/problems/name-taken', title: 'Conflict', status: 409, detail: 'Someone in this class already uses the name "Anna".' });
    renderJoin();
    await user.type(await screen.findByRole('textbox', { name: 'Klascode' }), 'abcd-1234');
    const name = screen.getByRole('textbox', { name: 'Je naam in de klas' });
    await user.type(name, 'Anna');
    await user.click(screen.getByRole('button', { name: 'Binnengaan' }));
    await vi.waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/gebruikt deze naam al.*Ga verder met je code/);
    const link = screen.getAllByRole('link', { name: 'Ga verder met je code' })[0]!;
    expect(link).toHaveAttribute('href', '/resume');
    expect(link.closest('#tw-display-name-error')).not.toBeNull();
  });

  it('tells a visitor who is already a student which class they are in, and still offers to join another', async () => {
    mockFetch(200, {}, { role: 'student', id: 's1', name: 'Anna', classId: 'c1', className: '2B' }, [{ classId: 'c1', className: '2B' }]);
    renderJoin();
    expect(await screen.findByText('Je zit al in klas 2B.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar mijn opdrachten' })).toHaveAttribute('href', '/me');
    expect(screen.getByRole('heading', { name: 'Een andere klas binnengaan' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Klascode' })).toBeInTheDocument();
  });
});
