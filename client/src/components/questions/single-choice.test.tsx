import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { singleChoice } from './fixtures.ts';
import SingleChoice from './single-choice.tsx';

describe('single-choice renderer', () => {
  it('shows the prompt as a group with one radio per option', () => {
    render(() => <SingleChoice question={singleChoice} answer={undefined} onChange={() => {}} />);
    const group = screen.getByRole('group', { name: 'Wie zegt dat de prijs stijgt?' });
    expect(group).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
  });

  it('chooses an option with Tab, arrow keys and Space, giving { optionId }', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(() => <SingleChoice question={singleChoice} answer={undefined} onChange={onChange} />);
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Trump' })).toHaveFocus();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith({ optionId: 'o-a' });
    await user.keyboard('{ArrowDown}');
    expect(onChange).toHaveBeenLastCalledWith({ optionId: 'o-b' });
  });

  it('shows a stored answer as checked', () => {
    render(() => <SingleChoice question={singleChoice} answer={{ optionId: 'o-c' }} onChange={() => {}} />);
    expect(screen.getByRole('radio', { name: 'Apple' })).toBeChecked();
  });
});
