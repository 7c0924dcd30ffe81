import { render, screen } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { FeedbackPanel } from './feedback-panel.tsx';

const item = { text: { nl: 'Zou is geen ontkenning.', en: 'Zou is not a denial.' }, anchors: ['s3'] };

describe('feedback panel', () => {
  it.each([
    [1, 'Goed'],
    [0.5, 'Deels goed'],
    [0, 'Niet goed'],
  ])('says fraction %s in plain words: %s', (fraction, words) => {
    render(() => <FeedbackPanel graded={{ fraction, feedback: [], anchors: [] }} type="single-choice" />);
    expect(screen.getByRole('heading', { name: words })).toBeInTheDocument();
  });

  it('names the misconception in plain language', () => {
    render(() => (
      <FeedbackPanel graded={{ fraction: 0, feedback: [{ ...item, misconception: 'hedge-as-denial' }], anchors: ['s3'] }} type="single-choice" />
    ));
    expect(screen.getByText('Zou is geen ontkenning.')).toBeInTheDocument();
    expect(screen.getByText(/Denkfout/).parentElement).toHaveTextContent('betekent niet dat het niet gebeurd is');
  });

  it('shows an open question\'s model answer to compare with, and a teacher only in a class', () => {
    const graded = { fraction: null, feedback: [{ text: { nl: 'Een sterk antwoord.', en: 'A strong answer.' }, anchors: [] }], anchors: [] };
    const { unmount } = render(() => <FeedbackPanel graded={graded} type="open" />);
    expect(screen.getByRole('heading', { name: 'Vergelijk je antwoord' })).toBeInTheDocument();
    expect(screen.getByText('Een sterk antwoord.')).toBeInTheDocument();
    expect(screen.queryByText(/docent/)).toBeNull();
    unmount();
    render(() => <FeedbackPanel graded={graded} type="open" teacherMarks />);
    expect(screen.getByText('Een docent beoordeelt dit antwoord.')).toBeInTheDocument();
  });

  it('shows the explanation when the server sends it, under its own heading', () => {
    const explanation = { nl: 'Het artikel noemt de NYT als bron.', en: 'The article names the NYT as its source.' };
    const { unmount } = render(() => <FeedbackPanel graded={{ fraction: 0, feedback: [], anchors: [] }} type="single-choice" />);
    expect(screen.queryByRole('heading', { name: 'Uitleg' })).toBeNull();
    unmount();
    render(() => <FeedbackPanel graded={{ fraction: 1, feedback: [], anchors: [], explanation }} type="single-choice" />);
    expect(screen.getByRole('heading', { name: 'Uitleg' })).toBeInTheDocument();
    expect(screen.getByText('Het artikel noemt de NYT als bron.')).toBeInTheDocument();
  });
});
