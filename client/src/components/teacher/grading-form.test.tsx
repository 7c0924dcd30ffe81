import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { openQuestion, report } from './fixtures.ts';
import { GradingForm } from './grading-form.tsx';

function mockFetch(status = 200, body: unknown = { ok: true }) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

/** A grade is saved by a router action, so the form lives in a router as on the report page. */
function renderInRouter(form: () => JSX.Element) {
  return render(() => (
    <MemoryRouter>
      <Route path="/" component={form} />
    </MemoryRouter>
  ));
}

describe('grading form', () => {
  const item = report.toGrade[0]!;

  it('shows the answer beside a level choice per criterion, each with its description and example, and the model answer', () => {
    renderInRouter(() => <GradingForm item={item} question={openQuestion} />);
    expect(screen.getByRole('article', { name: 'Antwoord van Anna' })).toHaveTextContent('Ik zou het interview zoeken.');
    const group = screen.getByRole('group', { name: 'Criterium: Noemt een bron om na te gaan' });
    expect(within(group).getAllByRole('radio')).toHaveLength(4);
    expect(within(group).getByRole('radio', { name: /Niveau 3 Niveau 3.*Voorbeeldantwoord 3/ })).toBeInTheDocument();
    expect(screen.getByText('Zoek het oorspronkelijke interview op.')).toBeInTheDocument();
  });

  it('saves levels and a comment with PUT, showing the points they give', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch(200, { responseId: 'r2', points: 2, max: 3, levels: { c1: 2 }, comment: 'Goed: je noemt een bron.' });
    const onSaved = vi.fn();
    renderInRouter(() => <GradingForm item={item} question={openQuestion} onSaved={onSaved} />);
    await user.click(screen.getByRole('radio', { name: /^Niveau 2/ }));
    expect(screen.getByText('Uitkomst: 2 van 3 punten')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Opmerking voor de leerling/ }), 'Goed: je noemt een bron.');
    await user.click(screen.getByRole('button', { name: 'Beoordeling opslaan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Opgeslagen: 2 van 3 punten.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/responses/r2/grade');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(init.body as string)).toEqual({ levels: { c1: 2 }, comment: 'Goed: je noemt een bron.' });
    expect(onSaved).toHaveBeenCalledWith(2, 'Goed: je noemt een bron.');
  });

  it('reopens a grade given by criterion with its levels chosen', () => {
    renderInRouter(() => <GradingForm item={{ ...item, points: 2, levels: { c1: 2 } }} question={openQuestion} />);
    expect(screen.getByRole('radio', { name: /^Niveau 2/ })).toBeChecked();
    expect(screen.getByText('Uitkomst: 2 van 3 punten')).toBeInTheDocument();
  });

  it('asks for every level before calling the server', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch();
    renderInRouter(() => <GradingForm item={item} question={openQuestion} />);
    await user.click(screen.getByRole('button', { name: 'Beoordeling opslaan' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Kies nog een niveau voor 1 criterium.');
    expect(screen.getByRole('radio', { name: /^Niveau 0/ })).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('takes plain points as the labelled alternative, with a decimal comma', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch(200, { responseId: 'r2', points: 1.5, max: 3 });
    renderInRouter(() => <GradingForm item={item} question={openQuestion} />);
    await user.click(screen.getByText(/Of geef zelf punten in plaats van niveaus/));
    await user.type(screen.getByRole('textbox', { name: 'Punten (0 tot 3)' }), '1,5');
    await user.click(screen.getByRole('button', { name: 'Beoordeling opslaan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Opgeslagen: 1,5 van 3 punten.');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ points: 1.5 });
  });

  it('refuses points above the maximum without calling the server', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch();
    renderInRouter(() => <GradingForm item={item} question={openQuestion} />);
    await user.click(screen.getByText(/Of geef zelf punten in plaats van niveaus/));
    const points = screen.getByRole('textbox', { name: 'Punten (0 tot 3)' });
    await user.type(points, '5');
    await user.click(screen.getByRole('button', { name: 'Beoordeling opslaan' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Geef 0 tot 3 punten.');
    expect(points).toHaveAttribute('aria-invalid', 'true');
    expect(points).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the server's problem when saving fails", async () => {
    const user = userEvent.setup();
    mockFetch(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Dit antwoord hoort niet bij jouw klas.' });
    const onSaved = vi.fn();
    renderInRouter(() => <GradingForm item={item} question={openQuestion} onSaved={onSaved} />);
    await user.click(screen.getByRole('radio', { name: /^Niveau 1/ }));
    await user.click(screen.getByRole('button', { name: 'Beoordeling opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Dit antwoord hoort niet bij jouw klas.');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
