import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, createMemoryHistory } from '@solidjs/router';
import ForgotPasswordPage from './forgot-password.tsx';
import ResetPasswordPage from './reset-password.tsx';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function at(path: string, page: () => unknown) {
  const history = createMemoryHistory();
  history.set({ value: path });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/forgot-password" component={page as never} />
      <Route path="/reset-password" component={page as never} />
      <Route path="/teacher/classes" component={() => <h1>Mijn klassen</h1>} />
    </MemoryRouter>
  ));
  return history;
}

function mockFetch(...answers: Response[]) {
  const fetchMock = vi.fn(async (..._args: unknown[]) => answers.shift() ?? json(500, {}));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const bodyOf = (fetchMock: ReturnType<typeof mockFetch>, i = 0) => JSON.parse((fetchMock.mock.calls[i] as [string, RequestInit])[1].body as string);

afterEach(() => vi.unstubAllGlobals());

describe('forgot password', () => {
  it('asks for the address, then says the same whatever it was, with focus on the news', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch(json(202, { delivery: 'email' }));
    at('/forgot-password', ForgotPasswordPage);
    await user.click(await screen.findByRole('button', { name: 'Stuur de link' }));
    const email = screen.getByRole('textbox', { name: 'E-mailadres' });
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription('Vul e-mailadres in.');
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(email, 'juf@school.nl');
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { name: 'Kijk in je mailbox' });
    await vi.waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/Als er een account is met juf@school.nl/)).toBeInTheDocument();
    expect((fetchMock.mock.calls[0] as [string])[0]).toBe('/api/auth/forgot-password');
    expect(bodyOf(fetchMock)).toEqual({ email: 'juf@school.nl', lang: 'nl' });
    expect(screen.getByRole('link', { name: 'Ik heb een herstelcode' })).toHaveAttribute('href', '/reset-password');
  });

  it('without mail on the server, sends the teacher to the administrator for a code', async () => {
    const user = userEvent.setup();
    mockFetch(json(202, { delivery: 'administrator' }));
    at('/forgot-password', ForgotPasswordPage);
    await user.type(await screen.findByRole('textbox', { name: 'E-mailadres' }), 'juf@school.nl');
    await user.click(screen.getByRole('button', { name: 'Stuur de link' }));
    expect(await screen.findByRole('heading', { name: 'Vraag de beheerder om een herstelcode' })).toBeInTheDocument();
    expect(screen.getByText(/verstuurt geen e-mail/)).toBeInTheDocument();
  });
});

describe('reset password', () => {
  it("with the link's token: only a new password, then signed in on the classes page", async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch(json(200, { role: 'teacher', id: 't1', name: 'Juf', email: 'juf@school.nl' }));
    at('/reset-password?token=abc_DEF-123', ResetPasswordPage);
    expect(await screen.findByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Herstelcode' })).not.toBeInTheDocument();
    const password = screen.getByLabelText('Nieuw wachtwoord');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    expect(password).toHaveAccessibleDescription(/Minstens 8 tekens/);
    await user.type(password, 'een lang nieuw wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByRole('heading', { name: 'Mijn klassen' })).toBeInTheDocument();
    expect(bodyOf(fetchMock)).toEqual({ token: 'abc_DEF-123', password: 'een lang nieuw wachtwoord' });
  });

  it('with a code: a wrong or used code is said beside the code field; a weak password beside the password', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch(
      json(422, { type: '/problems/invalid-input', title: 'x', status: 422, detail: 'x', errors: [{ path: 'password', message: 'common' }] }),
      json(400, { type: '/problems/reset-token-invalid', title: 'x', status: 400, detail: 'x' }),
    );
    at('/reset-password', ResetPasswordPage);
    const code = await screen.findByRole('textbox', { name: 'Herstelcode' });
    const password = screen.getByLabelText('Nieuw wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(code).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(code, 'abcd-efgh-jkmn-pqrs');
    await user.type(password, 'wachtwoord1');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    await vi.waitFor(() => expect(password).toHaveFocus());
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/Kies een sterker wachtwoord/);

    await user.clear(password);
    await user.type(password, 'een lang nieuw wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    await vi.waitFor(() => expect(code).toHaveFocus());
    expect(code).toHaveAccessibleDescription(/werkt niet \(meer\)/);
    expect(bodyOf(fetchMock, 1)).toEqual({ token: 'abcd-efgh-jkmn-pqrs', password: 'een lang nieuw wachtwoord' });
    expect(screen.getByRole('link', { name: 'Een nieuwe link of code aanvragen' })).toHaveAttribute('href', '/forgot-password');
  });
});
