// The parts of an assignment report beside the heat map: bars per skill, item analysis with its
// plain sentences, and answer distributions with the most chosen wrong answer and its misconception.
import { For, Show, type JSX } from 'solid-js';
import type { Skill } from '../../../../server/api-types.ts';
import type { AnswerCount, ReportQuestion, ReportStudent, Score } from '../../lib/api.ts';
import { misconceptionName, num, percent, pick, skillName, t } from '../../i18n/class.ts';
import { isTeacherGraded } from '../../../../lessons/types/answers/index.ts';

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
    <div class="tw-scroll" role="region" aria-labelledby="tw-student-skills-caption" tabindex="0">
      <table class="tw-table">
        <caption id="tw-student-skills-caption">{t('class.skillsPerStudent')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('class.student')}</th>
            <For each={columns()}>{(skill) => <th scope="col">{skillName(skill)}</th>}</For>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}

/** A figure in the reader's language, one decimal at most; a dash when there is none. */
function fixed(n: number | null): string {
  return n === null ? '–' : num(n);
}

export function ItemAnalysis(props: { questions: ReportQuestion[] }): JSX.Element {
  return (
    <div class="tw-scroll" role="region" aria-labelledby="tw-item-caption" tabindex="0">
      <table class="tw-table tw-items">
        <caption id="tw-item-caption">{t('class.itemAnalysis')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('class.skill')}</th>
            <th scope="col" class="tw-num">{t('class.responses')}</th>
            <th scope="col" class="tw-num">{t('class.facility')}</th>
            <th scope="col" class="tw-num">{t('class.discrimination')}</th>
            <th scope="col">{t('class.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.questions}>
            {(q, i) => (
              <tr>
                <th scope="row">{t('class.questionN')(i() + 1)}</th>
                <td>{skillName(q.skill)}</td>
                <td class="tw-num">{q.responses}</td>
                <td class="tw-num">{q.facility === null ? '–' : `${percent(q.facility)}%`}</td>
                <td class="tw-num">{fixed(q.discrimination)}</td>
                <td>
                  <p>{pick(q.facilityNote)}</p>
                  <p>{pick(q.discriminationNote)}</p>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
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
