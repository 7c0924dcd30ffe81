import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import Categorize from './categorize.tsx';
import { categorize } from './fixtures.ts';
import type { AnswerByType } from './types.ts';

describe('categorize renderer', () => {
  it('gives each statement its own radio group and reports { placements }', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const [answer, setAnswer] = createSignal<AnswerByType['categorize']>();
    render(() => (
      <Categorize
        question={categorize}
        answer={answer()}
        onChange={(a) => {
          setAnswer(a);
          onChange(a);
        }}
      />
    ));
    const first = screen.getByRole('group', { name: 'Apple reageerde niet.' });
    const second = screen.getByRole('group', { name: 'Een lakse houding.' });
    await user.tab();
    expect(within(first).getByRole('radio', { name: 'Feit' })).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    expect(within(second).getByRole('radio', { name: 'Feit' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(onChange).toHaveBeenLastCalledWith({ placements: { 'i-1': 'c-fact', 'i-2': 'c-opinion' } });
    expect(within(second).getByRole('radio', { name: 'Mening' })).toBeChecked();
  });
});
