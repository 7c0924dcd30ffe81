import { render, screen, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { report } from './fixtures.ts';
import { HeatMap } from './heat-map.tsx';

describe('heat map', () => {
  it('is a table with a row header per student and a column header per question', () => {
    render(() => <HeatMap students={report.students} questions={report.questions} />);
    const table = screen.getByRole('table', { name: 'Scores per leerling en vraag' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Anna', 'Bram', 'Cem']);
    const columns = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(columns).toEqual(['Leerling', 'Status', 'V1Vraag 1', 'V2Vraag 2', 'Totaal']);
  });

  it('says every score, state and gap in text, not by colour alone', () => {
    render(() => <HeatMap students={report.students} questions={report.questions} />);
    const [, anna, bram, cem] = screen.getAllByRole('row');
    const annaCells = within(anna).getAllByRole('cell');
    expect(annaCells[0]).toHaveTextContent('klaar');
    expect(annaCells[1]).toHaveTextContent('100%');
    expect(annaCells[1]).toHaveClass('tw-cell-full');
    expect(annaCells[2]).toHaveTextContent('nog te beoordelen');
    expect(annaCells[3]).toHaveTextContent('1 van 4');

    const bramCells = within(bram).getAllByRole('cell');
    expect(bramCells[0]).toHaveTextContent('bezig');
    expect(bramCells[1]).toHaveTextContent('0%');
    expect(bramCells[1]).toHaveClass('tw-cell-low');
    expect(bramCells[2]).toHaveTextContent('niet beantwoord');

    const cemCells = within(cem).getAllByRole('cell');
    expect(cemCells[0]).toHaveTextContent('niet begonnen');
    expect(cemCells[1]).toHaveTextContent('niet beantwoord');
    expect(cemCells[2]).toHaveTextContent('niet beantwoord');
  });

  it('lists each question with its skill under the table', () => {
    render(() => <HeatMap students={report.students} questions={report.questions} />);
    expect(screen.getByText(/Wie is de bron\?/).closest('li')).toHaveTextContent('V1 (Bronnen) Wie is de bron?');
  });
});
