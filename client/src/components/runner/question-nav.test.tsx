import { render, screen } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import type { Mode } from '../../../../server/api-types.ts';
import type { AttemptView, ResponseView } from '../../lib/api.ts';
import { attemptOf, order, singleChoice, open } from '../questions/fixtures.ts';
import { createAttemptSession } from './attempt-session.ts';
import { FinishDialog } from './finish-dialog.tsx';
import { QuestionNav } from './question-nav.tsx';

function sessionOf(mode: Mode, responses: ResponseView[]) {
  const attempt = attemptOf(mode, responses, `nav-${mode}-${responses.length}`);
  return createRoot(() => createAttemptSession(attempt, { save: vi.fn(), finish: vi.fn() }));
}
const saved = (questionId: string, extra: Partial<ResponseView> = {}): ResponseView => ({
  questionId,
  answer: { optionId: 'o-a' },
  try: 1,
  savedAt: '2026-11-29T10:01:00.000Z',
  ...extra,
});

describe('question navigator', () => {
  it('marks an answered test question neutrally: "answered", never a tick or the colour of right', () => {
    const session = sessionOf('test', [saved(singleChoice.id)]);
    render(() => <QuestionNav session={session} index={1} go={() => {}} onFinish={() => {}} />);
    const first = screen.getByRole('button', { name: 'Vraag 1, beantwoord' });
    expect(first).toHaveClass('mark-answered');
    expect(first).not.toHaveClass('mark-full');
    expect(first.textContent).not.toContain('✓');
    expect(screen.getByRole('button', { name: 'Vraag 2, nog niet beantwoord' })).toHaveClass('mark-open');
  });

  it('in practice says right, partly right or not right once a question is checked', () => {
    const session = sessionOf('practice', [
      saved(singleChoice.id, { fraction: 0, feedback: [], anchors: [] }),
      saved(order.id, { answer: { order: ['r-1', 'r-2', 'r-3'] }, fraction: 0.5, feedback: [], anchors: [] }),
    ]);
    render(() => <QuestionNav session={session} index={2} go={() => {}} onFinish={() => {}} />);
    expect(screen.getByRole('button', { name: 'Vraag 1, beantwoord: niet goed' })).toHaveClass('mark-none');
    expect(screen.getByRole('button', { name: 'Vraag 2, beantwoord: deels goed' })).toHaveClass('mark-partial');
  });
});

describe('hand-in dialog', () => {
  it('lists the questions not answered yet, each a way back to it', async () => {
    const session = sessionOf('test', [saved(singleChoice.id)]);
    const go = vi.fn();
    let open: () => void = () => {};
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
    render(() => <FinishDialog session={session} onFinished={() => {}} control={(c) => (open = c.open)} go={go} />);
    open();
    expect(await screen.findByText(/2 vragen nog niet beantwoord/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ga naar vraag 1' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Ga naar vraag 2' })).toBeInTheDocument();
    screen.getByRole('button', { name: 'Ga naar vraag 3' }).click();
    expect(go).toHaveBeenCalledWith(2);
  });
});
