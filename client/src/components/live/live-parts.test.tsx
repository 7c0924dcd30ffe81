// The live pieces a student or a class depends on: marking sentences by keyboard, the timer's
// polite marks, the heat map's counts in text, and the shift between rounds.
import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { CitePicker } from './cite-picker.tsx';
import { CitedHeatMap, heatBand } from './cited-heat-map.tsx';
import { shift } from './rounds.tsx';
import { clock, timerMark } from './timer.tsx';
import { article, projectorView } from './fixtures.ts';
import '../../i18n/live.ts';

describe('CitePicker', () => {
  it('offers the question’s passage first, the whole article a button away, and reports cites in article order', async () => {
    const user = userEvent.setup();
    const [cites, setCites] = createSignal<string[]>([]);
    render(() => <CitePicker article={article} focus={['s3', 's4']} cites={cites()} onChange={setCites} />);
    expect(screen.getAllByRole('checkbox').map((b) => (b as HTMLInputElement).value)).toEqual(['s3', 's4']);
    screen.getByRole('checkbox', { name: 'Apple reageerde niet.' }).focus();
    await user.keyboard(' ');
    await user.click(screen.getByRole('button', { name: 'Alle zinnen van het artikel tonen' }));
    expect(screen.getAllByRole('checkbox')).toHaveLength(4);
    screen.getByRole('checkbox', { name: 'Trump dreigt Apple' }).focus();
    await user.keyboard(' ');
    expect(cites()).toEqual(['s1', 's4']);
    expect(screen.getByText('2 zinnen gekozen.')).toBeInTheDocument();
  });
});

describe('the timer', () => {
  it('speaks at the start, at one minute, at ten seconds and at the end, not every second', () => {
    expect(clock(90)).toBe('1:30');
    expect(timerMark(null, 90)).toBe('Je docent heeft een timer gestart: 1:30.');
    expect(timerMark(90, 89)).toBeNull();
    expect(timerMark(61, 60)).toBe('Nog een minuut.');
    expect(timerMark(60, 59)).toBeNull();
    expect(timerMark(11, 10)).toBe('Nog 10 seconden.');
    expect(timerMark(1, 0)).toBe('De tijd is om.');
    expect(timerMark(0, 0)).toBeNull();
  });
});

describe('the cited-sentence heat map', () => {
  it('writes each cited sentence’s count beside it; the colour only repeats it', () => {
    render(() => <CitedHeatMap article={article} citations={{ s3: 14, s2: 3 }} caption="Ronde 2" />);
    expect(screen.getByText('14 keer aangehaald')).toBeInTheDocument();
    expect(screen.getByText('3 keer aangehaald')).toBeInTheDocument();
    expect(screen.getByText('Apple reageerde niet.').querySelector('.lv-heat-count')).toBeNull();
    expect(heatBand(14, 14)).toBe(3);
    expect(heatBand(3, 14)).toBe(1);
    expect(heatBand(0, 14)).toBe(0);
  });

  it('on the projector shows only the paragraphs with a cited sentence, and marks what it left out', () => {
    render(() => <CitedHeatMap article={article} citations={{ s3: 2 }} caption="Ronde 1" onlyCited />);
    expect(screen.getByText('Dat zou de prijs verhogen, aldus analisten.')).toBeInTheDocument();
    expect(screen.queryByText('Trump dreigt Apple')).not.toBeInTheDocument();
    expect(screen.queryByText('Apple reageerde niet.')).not.toBeInTheDocument();
    expect(screen.getAllByText('Hier staan alinea’s zonder aangehaalde zinnen; die zijn weggelaten.')).toHaveLength(2);
  });
});

describe('the shift between rounds', () => {
  it('compares the share right of the first and the last round', () => {
    expect(shift(projectorView.rounds!)).toEqual({ from: 40, to: 75 });
    expect(shift(projectorView.rounds!.slice(0, 1))).toBeNull();
    expect(shift([{ ...projectorView.rounds![0]!, right: undefined }, projectorView.rounds![1]!])).toBeNull(); // before the reveal
  });
});
