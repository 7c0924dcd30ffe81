// What is left to fix before the lesson can be published: every problem of the checker, each a
// link that moves focus to the field where it is shown. An empty list says the lesson is ready.
import { For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/studio.ts';
import { useDraft, type DraftProblem, type Path } from './draft-context.tsx';

/** Where a problem is, in words: "Vraag 3, Opties, 2" for ['questions', 2, 'options', 1]. */
export function describePath(path: Path): string {
  const words = t('studio.pathWords') as Record<string, string>;
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (step === 'questions' && typeof path[i + 1] === 'number') {
      parts.push(t('studio.questionN')((path[i + 1] as number) + 1));
      i++;
    } else if (typeof step === 'number') parts.push(String(step + 1));
    else if (step === 'nl' || step === 'en') parts.push(t(`studio.lang_${step}`));
    else parts.push(words[step] ?? step);
  }
  return parts.join(' › ') || t('studio.lessonTitle');
}

/** Moves focus to a field; for a group of inputs (a text in each language, a list), to its first
 * input marked invalid, or else the group itself. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.closest('details')?.setAttribute('open', '');
  const isInput = ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
  const target = isInput ? el : (el.querySelector<HTMLElement>('[aria-invalid="true"]') ?? el);
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
}

export function ProblemList(props: { problems: DraftProblem[] }): JSX.Element {
  const editor = useDraft();
  return (
    <section class="st-section st-problems" aria-labelledby="st-problems-h">
      <h2 id="st-problems-h" tabindex="-1">
        {props.problems.length ? t('studio.problemsTitle')(props.problems.length) : t('studio.noProblems')}
      </h2>
      <Show when={props.problems.length}>
        <ul>
          <For each={props.problems}>
            {(p) => {
              const target = () => editor.placeOf(p.path);
              return (
                <li>
                  <Show when={target()} fallback={<span>{describePath(p.path)}</span>}>
                    {(id) => (
                      <a
                        href={`#${id()}`}
                        onClick={(e) => {
                          e.preventDefault();
                          focusField(id());
                        }}
                      >
                        {describePath(p.path)}
                      </a>
                    )}
                  </Show>
                  : {p.message}
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}
