// The teacher's norm for the Dutch 1-10 grade in a report: the points that give a 5.5 (pass mark)
// and the points a student gets by guessing (guessing correction). Saved on the assignment, so the
// report, its sorting and the spreadsheet all use it. The formula is lessons/dutch-grade.ts's.
import { createSignal, Show, type JSX } from 'solid-js';
import type { AssignmentView } from '../../lib/api.ts';
import { updateAssignment, useWrite } from '../../lib/queries.ts';
import { num, t } from '../../i18n/class.ts';
import '../../i18n/teach.ts';
import { defaultNorm, validNorm } from '../../../../lessons/dutch-grade.ts';
import { problemText } from '../ui/error-message.tsx';
import { ErrorText } from '../ui/error-text.tsx';

export function GradeNormPanel(props: { assignment: AssignmentView; max: number }): JSX.Element {
  const initial = () => props.assignment.gradeNorm ?? defaultNorm(props.max);
  const [passMark, setPassMark] = createSignal(String(initial().passMark));
  const [guess, setGuess] = createSignal(String(initial().guess));
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const [update, submission] = useWrite(updateAssignment);
  const error = () => invalid() ?? (submission.error ? problemText(submission.error) : null);
  const parse = (s: string) => Number(s.replace(',', '.'));

  async function save(norm: { passMark: number; guess: number } | null) {
    setInvalid(null);
    setStatus('');
    if (norm && !validNorm(norm, props.max)) return setInvalid(t('teach.normInvalid')(num(props.max)));
    if (await update(props.assignment.id, { gradeNorm: norm }).then(() => true, () => false)) setStatus(norm ? t('teach.normSaved') : t('teach.normRemoved'));
  }

  return (
    <section class="tw-section tw-panel tw-no-print" aria-labelledby="tw-norm-h">
      <h2 id="tw-norm-h">{t('teach.gradeTitle')}</h2>
      <p class="tw-hint">{t('teach.gradeExplained')(num(props.max))}</p>
      <form
        class="tw-field-row"
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void save({ passMark: parse(passMark()), guess: parse(guess()) });
        }}
      >
        <div class="tw-field">
          <label for="tw-norm-pass">{t('teach.passMark')}</label>
          <input id="tw-norm-pass" inputmode="decimal" value={passMark()} onInput={(e) => setPassMark(e.currentTarget.value)} aria-describedby="tw-norm-pass-hint" />
          <p id="tw-norm-pass-hint" class="tw-hint">
            {t('teach.passMarkHint')(num(props.max))}
          </p>
        </div>
        <div class="tw-field">
          <label for="tw-norm-guess">{t('teach.guess')}</label>
          <input id="tw-norm-guess" inputmode="decimal" value={guess()} onInput={(e) => setGuess(e.currentTarget.value)} aria-describedby="tw-norm-guess-hint" />
          <p id="tw-norm-guess-hint" class="tw-hint">
            {t('teach.guessHint')}
          </p>
        </div>
        <div class="tw-actions">
          <button type="submit" class="tw-button tw-primary" disabled={!!submission.pending}>
            {props.assignment.gradeNorm ? t('teach.normUpdate') : t('teach.normShow')}
          </button>
          <Show when={props.assignment.gradeNorm}>
            <button type="button" class="tw-button" disabled={!!submission.pending} onClick={() => void save(null)}>
              {t('teach.normHide')}
            </button>
          </Show>
        </div>
      </form>
      <ErrorText error={error()} />
      <p class="tw-ok" role="status">
        {status()}
      </p>
    </section>
  );
}
