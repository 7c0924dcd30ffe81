import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route } from '@solidjs/router';
import { afterEach, expect, it, vi } from 'vitest';
import { NewResumeCode } from './new-resume-code.tsx';

afterEach(() => vi.unstubAllGlobals());

it('asks first, then shows the new code once with focus on it; Done brings focus back to the button', async () => {
  const user = userEvent.setup();
  const fetchMock = vi.fn(async () =>
    new Response(JSON.stringify({ studentId: 's1', displayName: 'Sam', resumeCode: 'KLM7-PQ42-XY9Z' }), { status: 201, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  // Writes go through the router's actions: rendered inside a router, as on the class page.
  render(() => (
    <MemoryRouter>
      <Route path="/" component={() => <NewResumeCode classId="c1" student={{ id: 's1', displayName: 'Sam' }} />} />
    </MemoryRouter>
  ));
  await user.click(await screen.findByRole('button', { name: 'Nieuwe code: Sam' }));
  const group = screen.getByRole('group', { name: 'Nieuwe persoonlijke code voor Sam' });
  expect(group).toHaveTextContent('De oude code werkt dan niet meer en Sam wordt op elk apparaat afgemeld');
  const cancel = screen.getByRole('button', { name: 'Annuleren' });
  await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Ja, nieuwe code' })).toHaveFocus());
  await user.click(cancel);
  expect(fetchMock).not.toHaveBeenCalled();

  await user.click(screen.getByRole('button', { name: 'Nieuwe code: Sam' }));
  await user.click(screen.getByRole('button', { name: 'Ja, nieuwe code' }));
  const code = await screen.findByText('KLM7-PQ42-XY9Z');
  expect(code).toHaveClass('tw-resume-code');
  await vi.waitFor(() => expect(screen.getByText(/De nieuwe code van Sam/)).toHaveFocus());
  expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[0]).toBe('/api/classes/c1/students/s1/resume-code');
  expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].method).toBe('POST');
  await user.click(screen.getByRole('button', { name: 'Klaar' }));
  expect(screen.queryByText('KLM7-PQ42-XY9Z')).not.toBeInTheDocument();
  await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Nieuwe code: Sam' })).toHaveFocus());
});
