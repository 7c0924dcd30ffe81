// Order: a list with "move up" / "move down" buttons; each move is announced in a live region,
// and focus follows the moved item so a keyboard user can keep moving it.
import { For, Show, createMemo, createSignal } from 'solid-js';
import { pick, t } from '../../i18n/index.ts';
import type { QuestionProps } from './types.ts';

export default function Order(props: QuestionProps<'order'>) {
  let list!: HTMLOListElement;
  const [announcement, setAnnouncement] = createSignal('');
  const byId = createMemo(() => new Map(props.question.items.map((i) => [i.id, i])));
  const current = createMemo(() => {
    const given = props.answer?.order;
    const ids = props.question.items.map((i) => i.id);
    // accept a stored order only if it is a permutation of this question's items
    return given && given.length === ids.length && ids.every((id) => given.includes(id)) ? given : ids;
  });

  const move = (index: number, delta: -1 | 1) => {
    const next = [...current()];
    const target = index + delta;
    if (target < 0 || target >= next.length) return;
    [next[index], next[target]] = [next[target], next[index]];
    props.onChange({ order: next });
    const item = byId().get(next[target])!;
    setAnnouncement(t('moved')(pick(item.text), target + 1, next.length));
    // moving DOM nodes drops focus: put it back on the moved item, on a button that still works
    queueMicrotask(() => {
      const row = list.querySelector<HTMLElement>(`[data-item="${CSS.escape(item.id)}"]`);
      const preferred = row?.querySelector<HTMLButtonElement>(delta < 0 ? '.move-up' : '.move-down');
      const fallback = row?.querySelector<HTMLButtonElement>(delta < 0 ? '.move-down' : '.move-up');
      (preferred && !preferred.disabled ? preferred : fallback)?.focus();
    });
  };

  return (
    <fieldset class="question" disabled={props.disabled}>
      <legend class="question-prompt">{pick(props.question.prompt)}</legend>
      {props.afterPrompt}
      <p class="hint">{t('orderHint')}</p>
      <ol class="order-list" ref={list}>
        <For each={current()}>
          {(id, index) => {
            const text = () => pick(byId().get(id)!.text);
            return (
              <li class="order-item" data-item={id}>
                <span class="order-position" aria-hidden="true">
                  {index() + 1}
                </span>
                <span class="order-text">{text()}</span>
                <span class="order-buttons">
                  <button
                    type="button"
                    class="move-up"
                    aria-label={`${t('moveUp')}: ${text()}`}
                    disabled={index() === 0}
                    onClick={() => move(index(), -1)}
                  >
                    ↑ {t('moveUp')}
                  </button>
                  <button
                    type="button"
                    class="move-down"
                    aria-label={`${t('moveDown')}: ${text()}`}
                    disabled={index() === current().length - 1}
                    onClick={() => move(index(), 1)}
                  >
                    ↓ {t('moveDown')}
                  </button>
                </span>
              </li>
            );
          }}
        </For>
      </ol>
      <Show when={!props.answer}>
        <button type="button" class="secondary" onClick={() => props.onChange({ order: current() })}>
          {t('keepOrder')}
        </button>
      </Show>
      <p class="visually-hidden" aria-live="assertive">
        {announcement()}
      </p>
    </fieldset>
  );
}
