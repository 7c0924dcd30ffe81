import { render, screen } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { singleChoice } from './fixtures.ts';
import { QuestionRenderer } from './index.tsx';

describe('question intro', () => {
  it("shows a question's intro before its prompt, and nothing when there is none", () => {
    const withIntro = { ...singleChoice, intro: { nl: 'SIFT: eerst even stoppen.', en: 'SIFT: stop first.' } };
    const { unmount } = render(() => <QuestionRenderer question={withIntro} answer={undefined} onChange={() => {}} />);
    const intro = screen.getByText('SIFT: eerst even stoppen.');
    const group = screen.getByRole('group', { name: 'Wie zegt dat de prijs stijgt?' });
    expect(intro.compareDocumentPosition(group) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    unmount();
    const { container } = render(() => <QuestionRenderer question={singleChoice} answer={undefined} onChange={() => {}} />);
    expect(container.querySelector('.question-intro')).toBeNull();
  });
});
