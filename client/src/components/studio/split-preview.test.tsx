import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { Boundaries } from '../../../../lessons/format.ts';
import { SplitPreview } from './split-preview.tsx';

const text = 'Het kabinet wil 1.200 banen schrappen. Dat zegt een woordvoerder.\n\nDe bond reageert boos. Ingewijden melden dat er mogelijk meer volgt. Dat zou in mei zijn.';

function setup() {
  const [boundaries, setBoundaries] = createSignal<Boundaries>({});
  const said: string[] = [];
  render(() => <SplitPreview text={text} boundaries={boundaries()} language="nl" onBoundaries={(b, m) => (setBoundaries(b), said.push(m))} />);
  const sentences = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('st-sentence-row')).map((li) => li.querySelector('.st-sentence-text')!.textContent!.replace(/ \([^)]*\)/g, ''));
  return { boundaries, said, sentences };
}

describe('split preview: merging and splitting sentences by hand', () => {
  it('merges a sentence with the next by its button, and splits one at the caret with Enter', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    const { boundaries, said, sentences } = setup();
    expect(sentences()).toEqual([
      'Het kabinet wil 1.200 banen schrappen.',
      'Dat zegt een woordvoerder.',
      'De bond reageert boos.',
      'Ingewijden melden dat er mogelijk meer volgt.',
      'Dat zou in mei zijn.',
    ]);

    await user.click(screen.getByRole('button', { name: 'Samenvoegen met de volgende zin 1' }));
    expect(boundaries()).toEqual({ split: [], join: [text.indexOf('Dat zegt')] });
    expect(sentences()[0]).toBe('Het kabinet wil 1.200 banen schrappen. Dat zegt een woordvoerder.');
    expect(said).toEqual(['Zin 1 en 2 zijn samengevoegd.']);
    expect(screen.queryByRole('button', { name: 'Samenvoegen met de volgende zin 1' })).not.toBeInTheDocument(); // now the last of its paragraph

    // Split sentence 3 ("Ingewijden melden ...") after "melden": focus the button, Enter, move the caret, Enter.
    screen.getByRole('button', { name: 'Splitsen zin 3' }).focus();
    await user.keyboard('{Enter}');
    const box = await screen.findByRole('textbox', { name: 'Waar splitsen? (zin 3)' });
    expect(box).toHaveFocus();
    expect(box).toHaveAccessibleDescription(/Enter/);
    await user.keyboard('{Control>}{ArrowRight}{ArrowRight}{/Control}'); // word by word
    expect((box as HTMLTextAreaElement).selectionStart).toBe('Ingewijden melden '.length);
    expect(screen.getByText(/De nieuwe zin begint met/)).toHaveTextContent('“dat er mogelijk meer…”');
    await user.keyboard('{ArrowLeft}{ArrowRight}');
    await user.keyboard('{Enter}');
    expect(sentences().slice(2)).toEqual(['Ingewijden melden', 'dat er mogelijk meer volgt.', 'Dat zou in mei zijn.']);
    expect(screen.queryByRole('textbox', { name: /Waar splitsen/ })).not.toBeInTheDocument();

    // Merging across the forced break takes the split back out.
    await user.click(screen.getByRole('button', { name: 'Samenvoegen met de volgende zin 3' }));
    expect(boundaries().split).toEqual([]);
    expect(sentences()[2]).toBe('Ingewijden melden dat er mogelijk meer volgt.');
  });

  it('shows the analysis of each sentence with the words that triggered it, and who says what', async () => {
    setup();
    expect(screen.getAllByText('mogelijk', { selector: 'mark' }).length).toBeGreaterThan(0);
    const explained = screen.getAllByText(/Waarom gemarkeerd/);
    expect(explained.length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: 'Wie zegt wat' })).toBeInTheDocument();
  });
});
