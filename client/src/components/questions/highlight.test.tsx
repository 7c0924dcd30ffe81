import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { article, highlight } from './fixtures.ts';
import Highlight from './highlight.tsx';
import type { AnswerByType } from './types.ts';

describe('highlight renderer', () => {
  it('offers every sentence of the article as a checkbox and reports { sentenceIds } in article order', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const [answer, setAnswer] = createSignal<AnswerByType['highlight']>();
    render(() => (
      <Highlight
        question={highlight}
        article={article}
        answer={answer()}
        onChange={(a) => {
          setAnswer(a);
          onChange(a);
        }}
      />
    ));
    expect(screen.getAllByRole('checkbox')).toHaveLength(4);
    screen.getByRole('checkbox', { name: 'Apple reageerde niet.' }).focus();
    await user.keyboard(' ');
    screen.getByRole('checkbox', { name: 'Dat zou de prijs verhogen, aldus analisten.' }).focus();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith({ sentenceIds: ['s3', 's4'] });
    expect(screen.getByText('2 zinnen gekozen')).toBeInTheDocument();
  });

  it('offers only the focus passage when the question names one', () => {
    render(() => (
      <Highlight question={{ ...highlight, focus: ['s2', 's3'] }} article={article} answer={undefined} onChange={() => {}} />
    ));
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((b) => (b as HTMLInputElement).value)).toEqual(['s2', 's3']);
  });

  it('in the runner shows no checkbox list: the sentences are chosen in the article beside it', async () => {
    render(() => <Highlight question={highlight} article={article} answer={{ sentenceIds: ['s3'] }} onChange={() => {}} selectInArticle />);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByText('1 zin gekozen')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Naar de zinnen in het artikel' })).toBeInTheDocument();
  });
});
