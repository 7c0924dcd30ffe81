import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { ArticleReader } from './article-reader.tsx';
import { article } from './questions/fixtures.ts';
import { toggleSentence } from './questions/highlight.tsx';

const labels = { showWhole: 'Toon het hele artikel', showPassage: 'Verberg het artikel', sentenceWrong: 'hoort er niet bij', sentences: 'Zinnen' };

describe('article reader', () => {
  it("makes a highlight question's sentences toggle buttons in the article itself, by pointer and keyboard", async () => {
    const user = userEvent.setup();
    const [chosen, setChosen] = createSignal<string[]>([]);
    const order = ['s2', 's3', 's4'];
    render(() => (
      <ArticleReader
        article={article}
        selectable={order}
        selected={chosen()}
        onToggleSentence={(id) => setChosen(toggleSentence(order, { sentenceIds: chosen() }, id).sentenceIds)}
      />
    ));
    // no checkbox copy: the sentences themselves are the controls
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    const buttons = screen.getAllByRole('button', { pressed: false });
    expect(buttons.map((b) => b.textContent)).toEqual(['Trump dreigt met een heffing van 25 procent.', 'Dat zou de prijs verhogen, aldus analisten.', 'Apple reageerde niet.']);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Trump dreigt met een heffing van 25 procent.' })).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Apple reageerde niet.' }));
    expect(chosen()).toEqual(['s2', 's3', 's4']);
    expect(screen.getByRole('button', { name: 'Dat zou de prijs verhogen, aldus analisten.' })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard(' ');
    expect(chosen()).toEqual(['s2', 's3']);
    // the heading sentence is not offered
    expect(screen.getByText('Trump dreigt Apple').closest('[role=button]')).toBeNull();
  });

  it('collapses to the passage on a phone, with one button to show the whole article', async () => {
    const user = userEvent.setup();
    const [collapsed, setCollapsed] = createSignal(true);
    const { container } = render(() => (
      <ArticleReader article={article} focus={['s3']} collapsed={collapsed()} onCollapsedChange={setCollapsed} labels={labels} />
    ));
    const outside = () => [...container.querySelectorAll('.paragraph-block.outside-passage')].map((p) => p.textContent);
    expect(outside()).toEqual(['Trump dreigt Apple', 'Apple reageerde niet.']);
    expect(container.querySelector('.reader')).toHaveClass('collapsed');
    const toggle = screen.getByRole('button', { name: 'Toon het hele artikel' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).toContainElement(screen.getByText('Apple reageerde niet.'));
    await user.click(toggle);
    expect(container.querySelector('.reader')).not.toHaveClass('collapsed');
    expect(screen.getByRole('button', { name: 'Verberg het artikel' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('marks chosen sentences that grading found wrong, in words too', () => {
    render(() => <ArticleReader article={article} selected={['s2', 's4']} wrong={['s4']} labels={labels} />);
    expect(screen.getByText('Apple reageerde niet.').closest('.sentence')).toHaveClass('wrong');
    expect(screen.getByText('Apple reageerde niet.').closest('.sentence')).toHaveTextContent('Apple reageerde niet. [hoort er niet bij]');
    expect(screen.getByText('Trump dreigt met een heffing van 25 procent.').closest('.sentence')).not.toHaveClass('wrong');
  });
});
