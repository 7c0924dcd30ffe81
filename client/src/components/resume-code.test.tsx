import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route } from '@solidjs/router';
import { ResumeCode } from './resume-code.tsx';

/** The code is made by a router action, so the component lives in a router as on the results page. */
const renderResumeCode = () =>
  render(() => (
    <MemoryRouter>
      <Route path="/" component={ResumeCode} />
    </MemoryRouter>
  ));

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

afterEach(() => vi.unstubAllGlobals());

describe('resume code', () => {
  it('makes a personal code on request and shows it once, plainly', async () => {
    const fetch = vi.fn(async () => reply(201, { resumeCode: 'ABCD-EFGH-JKMN' }));
    vi.stubGlobal('fetch', fetch);
    renderResumeCode();
    await userEvent.click(await screen.findByRole('button', { name: 'Maak een persoonlijke code' }));
    expect(await screen.findByText('ABCD-EFGH-JKMN')).toBeInTheDocument();
    expect(screen.getByText(/maar één keer/)).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/resume-code', expect.objectContaining({ method: 'POST' }));
    expect(screen.queryByRole('button', { name: 'Maak een persoonlijke code' })).toBeNull();
  });

  it('copies the code and says so in a live region', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => reply(201, { resumeCode: 'ABCD-EFGH-JKMN' })));
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderResumeCode();
    await user.click(await screen.findByRole('button', { name: 'Maak een persoonlijke code' }));
    await user.click(await screen.findByRole('button', { name: 'Kopieer' }));
    expect(writeText).toHaveBeenCalledWith('ABCD-EFGH-JKMN');
    expect(await screen.findByRole('status')).toHaveTextContent('Gekopieerd');
  });

  it('disappears for a student, who got a code when joining', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => reply(403, { type: '/problems/student-resume-code', title: 'Forbidden', status: 403, detail: 'no' })));
    renderResumeCode();
    await userEvent.click(await screen.findByRole('button', { name: 'Maak een persoonlijke code' }));
    await vi.waitFor(() => expect(screen.queryByRole('heading', { name: 'Verder op een ander apparaat?' })).toBeNull());
  });
});
