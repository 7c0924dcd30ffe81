import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { order } from './fixtures.ts';
import Order from './order.tsx';
import type { AnswerByType } from './types.ts';

describe('order renderer', () => {
  it('moves items with buttons by keyboard, announces the move and reports { order }', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const [answer, setAnswer] = createSignal<AnswerByType['order']>();
    render(() => (
      <Order
        question={order}
        answer={answer()}
        onChange={(a) => {
          setAnswer(a);
          onChange(a);
        }}
      />
    ));
    expect(screen.getByRole('button', { name: 'Omhoog: NOS' })).toBeDisabled();
    screen.getByRole('button', { name: 'Omhoog: Truth Social' }).focus();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ order: ['r-1', 'r-3', 'r-2'] });
    expect(screen.getByText('Truth Social staat nu op plaats 2 van 3.')).toBeInTheDocument();
    await new Promise((r) => queueMicrotask(() => r(undefined)));
    // focus stays with the moved item, so pressing again moves it further
    expect(screen.getByRole('button', { name: 'Omhoog: Truth Social' })).toHaveFocus();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith({ order: ['r-3', 'r-1', 'r-2'] });
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Truth Social'),
      expect.stringContaining('NOS'),
      expect.stringContaining('Bloomberg'),
    ]);
  });

  it('lets the learner confirm the shown order as their answer', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(() => <Order question={order} answer={undefined} onChange={onChange} />);
    screen.getByRole('button', { name: 'Deze volgorde klopt' }).focus();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ order: ['r-1', 'r-2', 'r-3'] });
  });
});
