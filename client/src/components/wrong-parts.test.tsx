import { render, screen } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { article, categorize, match, order } from './questions/fixtures.ts';
import { WrongParts } from './wrong-parts.tsx';

describe('which parts of a partly right answer were wrong', () => {
  it('names the items, pairs and places by their text', () => {
    render(() => (
      <>
        <WrongParts question={categorize} wrong={['i-2']} article={article} />
        <WrongParts question={match} wrong={['l-1']} article={article} />
        <WrongParts question={order} wrong={['r-2', 'r-3']} article={article} />
      </>
    ));
    expect(screen.getAllByText('Niet goed:')).toHaveLength(2);
    expect(screen.getByText('Een lakse houding.')).toBeInTheDocument();
    expect(screen.getByText('25 procent heffing')).toBeInTheDocument();
    expect(screen.getByText('Staat niet op de goede plaats:')).toBeInTheDocument();
    expect(screen.getByText('Bloomberg')).toBeInTheDocument();
    expect(screen.getByText('Truth Social')).toBeInTheDocument();
  });

  it('says nothing when nothing was named', () => {
    const { container } = render(() => <WrongParts question={categorize} wrong={undefined} article={article} />);
    expect(container).toBeEmptyDOMElement();
  });
});
