// A question's answers per round, without names: one list of bars per round, side by side, and
// the shift in the share right between the first and the last round (40% → 75% right) once the
// key is revealed. Each bar's text says what its length shows.
import { For, Show, type JSX } from 'solid-js';
import type { QuestionType } from '../../../../server/api-types.ts';
import { isTeacherGraded } from '../../../../lessons/types/answers/index.ts';
import { Bar } from '../teacher/report-parts.tsx';
import { percent, pick, t } from '../../i18n/live.ts';
import type { LiveAnswerClass, LiveRoundResult } from '../../lib/live-types.ts';

/** The share of a round's answers that were fully right; null when unknown (before the reveal, nobody answered, open questions). */
export function shareRight(round: LiveRoundResult): number | null {
  return round.answered > 0 && typeof round.right === 'number' ? round.right : null;
}

/** The first and the last round's share right, when there are two rounds to compare. */
export function shift(rounds: LiveRoundResult[]): { from: number; to: number } | null {
  if (rounds.length < 2) return null;
  const from = shareRight(rounds[0]!);
  const to = shareRight(rounds[rounds.length - 1]!);
  return from === null || to === null ? null : { from: percent(from), to: percent(to) };
}

const label = (a: LiveAnswerClass) => (typeof a.label === 'string' ? a.label : pick(a.label));

export function RoundAnswers(props: { round: LiveRoundResult; type: QuestionType; revealed: boolean; headingLevel?: 3 | 4 }): JSX.Element {
  const total = () => props.round.distribution.reduce((n, a) => n + a.count, 0);
  const Heading = (p: { children: JSX.Element }) => (props.headingLevel === 4 ? <h4>{p.children}</h4> : <h3>{p.children}</h3>);
  return (
    <div class="lv-round">
      <Heading>{t('live.roundN')(props.round.round)}</Heading>
      <p class="tw-muted">
        {t('live.answersCount')(props.round.answered)}
        <Show when={props.revealed && shareRight(props.round) !== null}>
          {' · '}
          <strong>{t('live.rightPct')(percent(shareRight(props.round)!))}</strong>
        </Show>
      </p>
      <Show when={!isTeacherGraded(props)} fallback={<p class="tw-muted">{t('live.openNoDistribution')}</p>}>
        <Show when={total() > 0} fallback={<p class="tw-muted">{t('live.noAnswersYet')}</p>}>
          <ul class="tw-dist-list">
            <For each={props.round.distribution}>
              {(a) => (
                <li classList={{ 'tw-correct': props.revealed && a.correct }}>
                  <span class="tw-dist-label">
                    <Show when={props.revealed && a.correct}>
                      <span class="tw-tag tw-tag-correct">✓ {t('live.right')}</span>{' '}
                    </Show>
                    {label(a)}
                  </span>
                  <Bar fraction={total() ? a.count / total() : 0} label={t('live.countOf')(a.count)} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </div>
  );
}

/** Every round of the question beside each other, and the shift once revealed. */
export function Rounds(props: { rounds: LiveRoundResult[]; type: QuestionType; revealed: boolean; headingLevel?: 3 | 4 }): JSX.Element {
  const moved = () => (props.revealed ? shift(props.rounds) : null);
  return (
    <div class="lv-rounds-wrap">
      <Show when={moved()}>
        {(m) => (
          <p class="lv-shift">
            <span aria-hidden="true">
              {m().from}% → {m().to}% {t('live.rightWord')}
            </span>
            <span class="tw-sr-only">{t('live.shiftSaid')(m().from, m().to)}</span>
          </p>
        )}
      </Show>
      <div class="lv-rounds">
        <For each={props.rounds}>{(round) => <RoundAnswers round={round} type={props.type} revealed={props.revealed} headingLevel={props.headingLevel} />}</For>
      </div>
    </div>
  );
}
