import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { match } from './fixtures.ts';
import Match from './match.tsx';
import type { AnswerByType } from './types.ts';

describe('match renderer', () => {
  it('has a labelled select per left item and reports { pairs }', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const [answer, setAnswer] = createSignal<AnswerByType['match']>();
    render(() => (
      <Match
        question={match}
        answer={answer()}
        onChange={(a) => {
          setAnswer(a);
          onChange(a);
        }}
      />
    ));
    const first = screen.getByRole('combobox', { name: '25 procent heffing' });
    const second = screen.getByRole('combobox', { name: 'Prijs stijgt' });
    await user.tab();
    expect(first).toHaveFocus();
    await user.selectOptions(first, 'Trump');
    await user.selectOptions(second, 'Analisten');
    expect(onChange).toHaveBeenLastCalledWith({ pairs: { 'l-1': 'x-1', 'l-2': 'x-2' } });
    await user.selectOptions(first, 'Kies…');
    expect(onChange).toHaveBeenLastCalledWith({ pairs: { 'l-2': 'x-2' } });
  });
});
