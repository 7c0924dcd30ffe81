import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { multipleChoice } from './fixtures.ts';
import MultipleChoice from './multiple-choice.tsx';
import type { AnswerByType } from './types.ts';

describe('multiple-choice renderer', () => {
  it('toggles options with Space and reports all checked ones as { optionIds }', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const [answer, setAnswer] = createSignal<AnswerByType['multiple-choice']>();
    render(() => (
      <MultipleChoice
        question={multipleChoice}
        answer={answer()}
        onChange={(a) => {
          setAnswer(a);
          onChange(a);
        }}
      />
    ));
    expect(screen.getByRole('group', { name: 'Welke bronnen noemt het artikel?' })).toBeInTheDocument();
    await user.tab();
    await user.keyboard(' ');
    await user.tab();
    await user.tab();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith({ optionIds: ['m-a', 'm-c'] });
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith({ optionIds: ['m-c'] });
    expect(screen.getByRole('checkbox', { name: 'Een anonieme ambtenaar' })).toBeChecked();
  });
});
