import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { open } from './fixtures.ts';
import Open from './open.tsx';
import type { AnswerByType } from './types.ts';

describe('open renderer', () => {
  it('takes typed text as { text }, counts characters and stops at maxLength', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const [answer, setAnswer] = createSignal<AnswerByType['open']>();
    render(() => (
      <Open
        question={open}
        answer={answer()}
        onChange={(a) => {
          setAnswer(a);
          onChange(a);
        }}
      />
    ));
    expect(screen.getByRole('group', { name: 'Wat zou je nagaan?' })).toBeInTheDocument();
    await user.tab();
    const box = screen.getByRole('textbox', { name: 'Jouw antwoord' });
    expect(box).toHaveFocus();
    await user.keyboard('Bron nagaan');
    expect(onChange).toHaveBeenLastCalledWith({ text: 'Bron nagaan' });
    expect(screen.getByText('11 van 20 tekens')).toBeInTheDocument();
    await user.keyboard(' en de datum controleren');
    expect(answer()!.text).toHaveLength(20);
    expect(box).toHaveAccessibleDescription(expect.stringContaining('20 van 20 tekens'));
  });
});
