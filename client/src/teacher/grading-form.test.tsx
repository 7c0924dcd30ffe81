import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openQuestion, report } from './fixtures.ts';
import { GradingForm } from './grading-form.tsx';

function mockFetch(status = 200, body: unknown = { ok: true }) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('grading form', () => {
  const item = report.toGrade[0]!;

  it('shows the answer beside the rubric with its example answers and the model answer', () => {
    render(() => <GradingForm item={item} question={openQuestion} />);
    expect(screen.getByRole('article', { name: 'Antwoord van Anna' })).toHaveTextContent('Ik zou het interview zoeken.');
    const rubric = screen.getByRole('table', { name: 'Criterium: Noemt een bron om na te gaan' });
    expect(within(rubric).getAllByRole('row')).toHaveLength(5);
    expect(rubric).toHaveTextContent('Voorbeeldantwoord 3');
    expect(screen.getByText('Zoek het oorspronkelijke interview op.')).toBeInTheDocument();
  });

  it('saves points and a comment with PUT and reports the new score', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch();
    const onSaved = vi.fn();
    render(() => <GradingForm item={item} question={openQuestion} onSaved={onSaved} />);
    await user.type(screen.getByRole('spinbutton', { name: 'Punten (0 tot 3)' }), '2');
    await user.type(screen.getByRole('textbox', { name: /Opmerking voor de leerling/ }), 'Goed: je noemt een bron.');
    await user.click(screen.getByRole('button', { name: 'Beoordeling opslaan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Opgeslagen: 2 van 3 punten.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/responses/r2/grade');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(init.body as string)).toEqual({ points: 2, comment: 'Goed: je noemt een bron.' });
    expect(onSaved).toHaveBeenCalledWith(2, 'Goed: je noemt een bron.');
  });

  it('refuses points above the maximum without calling the server', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch();
    render(() => <GradingForm item={item} question={openQuestion} />);
    const points = screen.getByRole('spinbutton', { name: 'Punten (0 tot 3)' });
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
    render(() => <GradingForm item={item} question={openQuestion} onSaved={onSaved} />);
    await user.type(screen.getByRole('spinbutton', { name: 'Punten (0 tot 3)' }), '1');
    await user.click(screen.getByRole('button', { name: 'Beoordeling opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Dit antwoord hoort niet bij jouw klas.');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
