// The report's first-week parts (issue 14 items 14 and 15): sorting with aria-sort, the sticky
// total out of one denominator, the optional grade, a cell that opens the answer; the item
// analysis waiting for enough answers; order questions as stacked bars naming the items.
import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReportQuestion, ReportStudent } from '../../lib/api.ts';
import { report } from './fixtures.ts';
import { HeatMap, sortStudents } from './heat-map.tsx';
import { Distribution, ItemAnalysis, orderStacks } from './report-parts.tsx';
import { isIdle } from '../../routes/teacher/live.tsx';

const l = (nl: string, en = nl) => ({ nl, en });

describe('heat map (item 14)', () => {
  it('sorts by a column, saying the order with aria-sort on its header', async () => {
    const user = userEvent.setup();
    render(() => <HeatMap students={report.students} questions={report.questions} />);
    const table = screen.getByRole('table', { name: 'Scores per leerling en vraag' });
    const names = () => within(table).getAllByRole('rowheader').map((h) => h.textContent);
    const header = (name: string) => within(table).getAllByRole('columnheader').find((h) => h.textContent === name)!;
    expect(header('Leerling')).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(header('Totaal')).getByRole('button'));
    expect(header('Totaal')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Leerling')).toHaveAttribute('aria-sort', 'none');
    // Anna has 1 point, Bram is in progress with none counted, Cem has not started
    expect(names()).toEqual(['Anna', 'Bram', 'Cem']);
    await user.click(within(header('Totaal')).getByRole('button'));
    expect(header('Totaal')).toHaveAttribute('aria-sort', 'ascending');
    expect(names()).toEqual(['Bram', 'Cem', 'Anna']); // no score yet first, ties by name
    await user.click(within(header('V1Vraag 1')).getByRole('button'));
    expect(names()[0]).toBe('Anna'); // 100% first
  });

  it('counts every total out of the lesson’s points, keeps the total column sticky, and marks answers waiting for a grade', () => {
    render(() => <HeatMap students={report.students} questions={report.questions} />);
    const anna = screen.getByRole('row', { name: /Anna/ });
    const total = within(anna).getAllByRole('cell').at(-1)!;
    expect(total).toHaveClass('tw-sticky-total');
    expect(total).toHaveTextContent('1 van 4 (+1 te beoordelen)');
  });

  it('shows a Dutch grade by the teacher’s norm for finished work only', () => {
    const finished: ReportStudent = { ...report.students[0]!, score: { points: 3, max: 4 }, cells: report.students[0]!.cells.map((c) => ({ ...c, fraction: c.fraction ?? 0.667 })) };
    render(() => <HeatMap students={[finished, report.students[1]!]} questions={report.questions} norm={{ passMark: 2, guess: 0 }} />);
    const header = screen.getAllByRole('columnheader').at(-1)!;
    expect(header).toHaveTextContent('Cijfer');
    // 3 of 4 with the pass mark at 2: 5.5 + 4.5 * (3 - 2) / (4 - 2) = 7.75 -> 7.8
    expect(within(screen.getByRole('row', { name: /Anna/ })).getAllByRole('cell').at(-1)).toHaveTextContent('7,8');
    expect(within(screen.getByRole('row', { name: /Bram/ })).getAllByRole('cell').at(-1)).toHaveTextContent('–');
  });

  it('opens an answered cell for its student and question', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(() => <HeatMap students={report.students} questions={report.questions} onOpen={onOpen} />);
    await user.click(screen.getByRole('button', { name: /antwoord van Anna op vraag 1 bekijken/ }));
    expect(onOpen).toHaveBeenCalledWith(report.students[0], report.questions[0]);
    // No button where there is nothing to open
    expect(screen.queryByRole('button', { name: /antwoord van Cem/ })).toBeNull();
  });

  it('sorts names the Dutch way and questions by their score', () => {
    const sorted = sortStudents(report.students, 'q:q1', 'descending', 4);
    expect(sorted.map((s) => s.displayName)).toEqual(['Anna', 'Bram', 'Cem']);
  });
});

describe('item analysis and order questions (item 15)', () => {
  it('waits for about 10 answers before judging a question', () => {
    const few: ReportQuestion = { ...report.questions[0]!, responses: 9 };
    const { unmount } = render(() => <ItemAnalysis questions={[few]} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/vanaf ongeveer 10 antwoorden/)).toBeInTheDocument();
    unmount();
    const enough: ReportQuestion = { ...report.questions[0]!, responses: 12 };
    render(() => <ItemAnalysis questions={[enough, few]} />);
    const rows = screen.getAllByRole('row');
    expect(rows[1]).toHaveTextContent('De helft had deze vraag goed.');
    expect(rows[2]).toHaveTextContent('Nog te weinig antwoorden (9 van de 10');
    expect(rows[2]).not.toHaveTextContent('De helft');
  });

  const order: ReportQuestion = {
    ...report.questions[0]!,
    id: 'q9',
    type: 'order',
    distribution: [
      { value: 'nyt@1', label: l('De krant → positie 1', 'The paper → position 1'), count: 3, correct: false },
      { value: 'nyt@2', label: l('De krant → positie 2', 'The paper → position 2'), count: 1, correct: true },
      { value: 'bron@1', label: l('De bron → positie 1', 'The source → position 1'), count: 1, correct: true },
      { value: 'bron@2', label: l('De bron → positie 2', 'The source → position 2'), count: 3, correct: false },
    ],
    commonWrong: null,
    misconceptions: [],
  };

  it('groups an order question per place, naming each item with its count', () => {
    expect(orderStacks(order)).toEqual([
      { position: 1, total: 4, items: [{ value: 'nyt@1', name: 'De krant', count: 3, correct: false }, { value: 'bron@1', name: 'De bron', count: 1, correct: true }] },
      { position: 2, total: 4, items: [{ value: 'nyt@2', name: 'De krant', count: 1, correct: true }, { value: 'bron@2', name: 'De bron', count: 3, correct: false }] },
    ]);
  });

  it('draws one stacked bar per place with a legend in words', () => {
    const { container } = render(() => <Distribution question={order} number={9} />);
    const places = container.querySelectorAll('.tw-order-stacks > li');
    expect(places).toHaveLength(2);
    expect(places[0]).toHaveTextContent('Plek 1');
    expect(places[0]).toHaveTextContent('De krant: 3 leerlingen');
    expect(places[0]).toHaveTextContent('✓ juist De bron: 1 leerling');
    expect(places[0]!.querySelectorAll('.tw-stack-seg')).toHaveLength(2);
    expect((places[0]!.querySelector('.tw-stack-seg') as HTMLElement).style.width).toBe('75%');
  });
});

describe('live view (item 13)', () => {
  it('flags a student in progress who did nothing for 3 minutes', () => {
    const at = Date.parse('2026-01-01T10:00:00Z');
    const s = (state: 'in-progress' | 'finished', minutesAgo: number) => ({ state, updatedAt: new Date(at - minutesAgo * 60_000).toISOString() });
    expect(isIdle(s('in-progress', 2.9), at)).toBe(false);
    expect(isIdle(s('in-progress', 3), at)).toBe(true);
    expect(isIdle(s('finished', 10), at)).toBe(false);
  });
});
