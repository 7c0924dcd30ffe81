// The parts of an assignment report beside the heat map: bars per skill, item analysis with its
// plain sentences, and answer distributions with the most chosen wrong answer and its misconception.
import { For, Show, type JSX } from 'solid-js';
import type { Skill } from '../../../../server/api-types.ts';
import type { AnswerCount, ReportQuestion, ReportStudent, Score } from '../../lib/api.ts';
import { misconceptionName, num, percent, pick, skillName, t } from '../../i18n/class.ts';
import { isTeacherGraded, readsByPosition } from '../../../../lessons/types/answers/index.ts';
import '../../i18n/teach.ts';
import { ColumnHeads, ScrollTable } from '../ui/scroll-table.tsx';

const SKILLS: Skill[] = ['claims', 'sources', 'evidence', 'language', 'verification'];

function skillsIn(skills: Partial<Record<Skill, Score>>): Skill[] {
  return SKILLS.filter((s) => skills[s] && skills[s]!.max > 0);
}

/** A bar whose length repeats the text beside it; the text is what a screen reader reads. */
export function Bar(props: { fraction: number; label: string }): JSX.Element {
  return (
    <span class="tw-bar-wrap">
      <span class="tw-bar" aria-hidden="true">
        <span class="tw-bar-fill" style={{ width: `${Math.max(0, Math.min(1, props.fraction)) * 100}%` }} />
      </span>
      <span class="tw-bar-text">{props.label}</span>
    </span>
  );
}

function scoreLabel(score: Score): string {
  return `${t('class.skillOf')(score.points, score.max)} (${percent(score.max ? score.points / score.max : 0)}%)`;
}

export function SkillBars(props: { skills: Partial<Record<Skill, Score>> }): JSX.Element {
  return (
    <dl class="tw-skill-bars">
      <For each={skillsIn(props.skills)}>
        {(skill) => {
          const score = () => props.skills[skill]!;
          return (
            <div class="tw-skill-row">
              <dt>{skillName(skill)}</dt>
              <dd>
                <Bar fraction={score().points / score().max} label={scoreLabel(score())} />
              </dd>
            </div>
          );
        }}
      </For>
    </dl>
  );
}

export function StudentSkills(props: { students: ReportStudent[]; skills: Partial<Record<Skill, Score>> }): JSX.Element {
  const columns = () => skillsIn(props.skills);
  return (
    <ScrollTable
      captionId="tw-student-skills-caption"
      caption={t('class.skillsPerStudent')}
      head={<ColumnHeads labels={[t('class.student'), ...columns().map(skillName)]} />}
    >
      <For each={props.students}>
        {(student) => (
          <tr>
            <th scope="row">{student.displayName}</th>
            <For each={columns()}>
              {(skill) => {
                const score = () => student.skills[skill];
                return (
                  <td>
                    <Show when={score() && score()!.max > 0} fallback={<span class="tw-muted">{t('class.noScoreYet')}</span>}>
                      <Bar fraction={score()!.points / score()!.max} label={scoreLabel(score()!)} />
                    </Show>
                  </td>
                );
              }}
            </For>
          </tr>
        )}
      </For>
    </ScrollTable>
  );
}

/** A figure in the reader's language, one decimal at most; a dash when there is none. */
function fixed(n: number | null): string {
  return n === null ? '–' : num(n);
}

/** Below this many answers to a question, its facility and discrimination say more about chance
 * than about the question: the report waits (item analysis rules of thumb start around 10). */
export const ITEM_ANALYSIS_MIN = 10;

export function ItemAnalysis(props: { questions: ReportQuestion[] }): JSX.Element {
  const enough = (q: ReportQuestion) => q.responses >= ITEM_ANALYSIS_MIN;
  return (
    <Show
      when={props.questions.some(enough)}
      fallback={<p class="tw-panel">{t('teach.itemAnalysisWait')(ITEM_ANALYSIS_MIN, Math.max(0, ...props.questions.map((q) => q.responses)))}</p>}
    >
      <ScrollTable
        captionId="tw-item-caption"
        caption={t('class.itemAnalysis')}
        class="tw-items"
        head={<ColumnHeads labels={['#', t('class.skill'), t('class.responses'), t('class.facility'), t('class.discrimination'), t('class.meaning')]} num={[2, 3, 4]} />}
      >
        <For each={props.questions}>
          {(q, i) => (
            <tr>
              <th scope="row">{t('class.questionN')(i() + 1)}</th>
              <td>{skillName(q.skill)}</td>
              <td class="tw-num">{q.responses}</td>
              <Show
                when={enough(q)}
                fallback={
                  <>
                    <td class="tw-num">–</td>
                    <td class="tw-num">–</td>
                    <td>
                      <p>{t('teach.itemTooFew')(q.responses, ITEM_ANALYSIS_MIN)}</p>
                    </td>
                  </>
                }
              >
                <td class="tw-num">{q.facility === null ? '–' : `${percent(q.facility)}%`}</td>
                <td class="tw-num">{fixed(q.discrimination)}</td>
                <td>
                  <p>{pick(q.facilityNote)}</p>
                  <p>{pick(q.discriminationNote)}</p>
                </td>
              </Show>
            </tr>
          )}
        </For>
      </ScrollTable>
    </Show>
  );
}

/** An order question's distribution per position: which item the class put there, how often. The
 * values read "item@position" and the labels "item → position n"; the item's name is the part before the arrow. */
export function orderStacks(q: ReportQuestion): { position: number; total: number; items: { value: string; name: string; count: number; correct: boolean }[] }[] {
  const positions = new Map<number, { value: string; name: string; count: number; correct: boolean }[]>();
  for (const a of q.distribution) {
    const at = Number(a.value.split('@').pop());
    if (!Number.isFinite(at)) continue;
    const name = answerLabel(a).split(' → ')[0]!;
    positions.set(at, [...(positions.get(at) ?? []), { value: a.value, name, count: a.count, correct: a.correct }]);
  }
  return [...positions.entries()]
    .sort(([x], [y]) => x - y)
    .map(([position, items]) => ({ position, total: items.reduce((n, e) => n + e.count, 0), items }));
}

/** One stacked bar per position, a segment per item; the list beside it names every item with its count. */
export function OrderStacks(props: { question: ReportQuestion }): JSX.Element {
  const stacks = () => orderStacks(props.question);
  // Items keep one pattern index across positions, so a segment is recognisable down the bars.
  const indexOf = () => new Map(stacks()[0]?.items.map((it, i) => [it.value.split('@')[0]!, i]) ?? []);
  return (
    <ol class="tw-order-stacks">
      <For each={stacks()}>
        {(stack) => (
          <li>
            <strong>{t('teach.positionN')(stack.position)}</strong>
            <span class="tw-stack" aria-hidden="true">
              <For each={stack.items.filter((it) => it.count > 0)}>
                {(it) => (
                  <span
                    class={`tw-stack-seg tw-seg-${(indexOf().get(it.value.split('@')[0]!) ?? 0) % 6}`}
                    classList={{ 'tw-seg-correct': it.correct }}
                    style={{ width: `${stack.total ? (it.count / stack.total) * 100 : 0}%` }}
                  />
                )}
              </For>
            </span>
            <ul class="tw-stack-legend">
              <For each={stack.items.filter((it) => it.count > 0)} fallback={<li class="tw-muted">{t('class.noResponses')}</li>}>
                {(it) => (
                  <li>
                    <span class={`tw-swatch tw-seg-${(indexOf().get(it.value.split('@')[0]!) ?? 0) % 6}`} aria-hidden="true" />
                    {it.correct && <span class="tw-tag tw-tag-correct">✓ {t('class.correct')}</span>} {it.name}: {t('class.countOf')(it.count)}
                  </li>
                )}
              </For>
            </ul>
          </li>
        )}
      </For>
    </ol>
  );
}

function answerLabel(a: AnswerCount): string {
  return typeof a.label === 'string' ? a.label : pick(a.label);
}

/** One question's answer distribution; `large` is the projector's version, without names anywhere. */
export function Distribution(props: { question: ReportQuestion; number: number; large?: boolean }): JSX.Element {
  const total = () => props.question.distribution.reduce((sum, a) => sum + a.count, 0);
  const headingId = () => `tw-dist-${props.question.id}`;
  return (
    <section class={`tw-distribution${props.large ? ' tw-large' : ''}`} aria-labelledby={headingId()}>
      <h3 id={headingId()}>
        {t('class.questionN')(props.number)} <span class="tw-muted">({skillName(props.question.skill)})</span>
      </h3>
      <p class="tw-prompt">{pick(props.question.prompt)}</p>
      <Show
        when={props.question.distribution.length > 0}
        fallback={<p class="tw-muted">{isTeacherGraded(props.question) ? t('class.noDistribution') : t('class.noResponses')}</p>}
      >
       <Show when={!readsByPosition(props.question)} fallback={<OrderStacks question={props.question} />}>
        <ul class="tw-dist-list">
          <For each={props.question.distribution}>
            {(a) => (
              <li classList={{ 'tw-correct': a.correct }}>
                <span class="tw-dist-label">
                  {a.correct && <span class="tw-tag tw-tag-correct">✓ {t('class.correct')}</span>} {answerLabel(a)}
                </span>
                <Bar fraction={total() ? a.count / total() : 0} label={t('class.countOf')(a.count)} />
              </li>
            )}
          </For>
        </ul>
       </Show>
      </Show>
      <Show when={props.question.commonWrong}>
        {(wrong) => (
          <div class="tw-common-wrong">
            <p>
              <strong>{t('class.commonWrong')}:</strong> {answerLabel(wrong())} ({t('class.countOf')(wrong().count)})
            </p>
            <Show when={wrong().misconception}>
              <p>
                <strong>{t('class.misconception')}:</strong> {misconceptionName(wrong().misconception!)}
              </p>
            </Show>
          </div>
        )}
      </Show>
      <Show when={!props.large && props.question.misconceptions.length > 0}>
        <p class="tw-hint">{t('class.misconceptionsCounted')}:</p>
        <ul>
          <For each={props.question.misconceptions}>
            {(m) => (
              <li>
                {misconceptionName(m.tag)}: {m.count}×
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
