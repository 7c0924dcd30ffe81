// A list in the draft (options, items, categories, rubric criteria, bands) edited as a list: each
// entry its fields, moved up or down or removed by buttons, and a button that adds one. Entries
// are rendered by index, so typing in one never rebuilds the others.
import { Index, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/studio.ts';
import { useDraft, type Path } from './draft-context.tsx';
import { FieldGroup } from './fields.tsx';

/** The first `prefix`N not taken by an entry's id. */
export function nextId(existing: readonly { id?: unknown }[] | undefined, prefix: string): string {
  const taken = new Set((existing ?? []).map((e) => e.id));
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [entry] = next.splice(from, 1);
  next.splice(to, 0, entry!);
  return next;
}

export function ListEditor<T>(props: {
  path: Path;
  legend: string;
  hint?: string;
  /** What one entry is called ("Option 2"). */
  entryName: (index: number) => string;
  make: (existing: T[]) => T;
  addLabel: string;
  /** Writes the list (default: at `path`); a form that derives a key from it writes both at once. */
  write?: (next: T[]) => void;
  min?: number;
  children: (path: Path, index: number) => JSX.Element;
}): JSX.Element {
  const editor = useDraft();
  const list = () => editor.get<T[]>(props.path) ?? [];
  const write = (next: T[]) => (props.write ? props.write(next) : editor.set(props.path, next));
  const focusEntry = (i: number) => queueMicrotask(() => document.getElementById(`${entryDomId(props.path, i)}`)?.focus());
  return (
    <FieldGroup path={props.path} legend={props.legend} hint={props.hint}>
      <ol class="st-list">
        <Index each={list()}>
          {(_, i) => (
            <li class="st-entry">
              <h4 id={entryDomId(props.path, i)} tabindex="-1" class="st-entry-title">
                {props.entryName(i)}
              </h4>
              {props.children([...props.path, i], i)}
              <div class="tw-actions st-entry-actions">
                <Show when={i > 0}>
                  <button
                    type="button"
                    class="tw-button tw-small"
                    onClick={() => {
                      write(moveEntry(list(), i, i - 1));
                      focusEntry(i - 1);
                    }}
                  >
                    {t('studio.moveUp')}
                    <span class="tw-sr-only">: {props.entryName(i)}</span>
                  </button>
                </Show>
                <Show when={i < list().length - 1}>
                  <button
                    type="button"
                    class="tw-button tw-small"
                    onClick={() => {
                      write(moveEntry(list(), i, i + 1));
                      focusEntry(i + 1);
                    }}
                  >
                    {t('studio.moveDown')}
                    <span class="tw-sr-only">: {props.entryName(i)}</span>
                  </button>
                </Show>
                <Show when={list().length > (props.min ?? 0)}>
                  <button
                    type="button"
                    class="tw-button tw-small"
                    onClick={() => {
                      write(list().filter((_, j) => j !== i));
                      focusEntry(Math.max(0, i - 1));
                    }}
                  >
                    {t('studio.remove')}
                    <span class="tw-sr-only">: {props.entryName(i)}</span>
                  </button>
                </Show>
              </div>
            </li>
          )}
        </Index>
      </ol>
      <button
        type="button"
        class="tw-button tw-small"
        onClick={() => {
          write([...list(), props.make(list())]);
          focusEntry(list().length - 1);
        }}
      >
        {props.addLabel}
      </button>
    </FieldGroup>
  );
}

export const entryDomId = (path: Path, i: number) => `e-${path.join('-')}-${i}`;
