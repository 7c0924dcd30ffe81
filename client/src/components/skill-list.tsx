// The skills a lesson trains, as a short list of tags.
import { For } from 'solid-js';
import type { Skill } from '../../../server/api-types.ts';
import { skillName, t } from '../i18n/index.ts';

export function SkillList(props: { skills: Skill[] }) {
  return (
    <ul class="skills" aria-label={t('skillsLabel')}>
      <For each={props.skills}>{(s) => <li class={`skill skill-${s}`}>{skillName(s)}</li>}</For>
    </ul>
  );
}
