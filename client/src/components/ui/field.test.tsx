import { render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { Field } from './field.tsx';

describe('Field', () => {
  it('names its input by the label, describes it by the hint, and adds the error when there is one', async () => {
    const [error, setError] = createSignal<string | null>(null);
    render(() => <Field id="f-code" label="Code" hint="Six characters" error={error()} name="code" />);
    const input = screen.getByRole('textbox', { name: 'Code' });
    expect(input).toHaveAccessibleDescription('Six characters');
    expect(input).not.toHaveAttribute('aria-invalid');
    setError('Fill in the code');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Six characters Fill in the code');
  });
});
