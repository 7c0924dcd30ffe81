import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { scale } from './fixtures.ts';
import Scale from './scale.tsx';

describe('scale renderer', () => {
  it('shows every value with its label and reports { value } as a number', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(() => <Scale question={scale} answer={undefined} onChange={onChange} />);
    expect(screen.getByRole('radio', { name: '1 – Zwak' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '3 – Sterk' })).toBeInTheDocument();
    await user.tab();
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    expect(onChange).toHaveBeenLastCalledWith({ value: 2 });
  });
});
