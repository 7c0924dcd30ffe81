// Undo and redo of the lesson editor: two buttons, and Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y; Cmd on a
// Mac) anywhere outside a text field, where the browser's own undo of the typing comes first.
import { onCleanup, onMount, type JSX } from 'solid-js';
import { t } from '../../i18n/studio.ts';
import { useDraft } from './draft-context.tsx';

const isTextField = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function UndoControls(props: { onSaid: (message: string) => void }): JSX.Element {
  const editor = useDraft();
  const undo = () => editor.undo() && props.onSaid(t('studio.undone'));
  const redo = () => editor.redo() && props.onSaid(t('studio.redone'));
  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) undo();
    else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
    else return;
    e.preventDefault();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));
  return (
    <>
      <button type="button" class="tw-button tw-small" disabled={!editor.canUndo()} onClick={undo} aria-keyshortcuts="Control+Z">
        {t('studio.undo')}
      </button>
      <button type="button" class="tw-button tw-small" disabled={!editor.canRedo()} onClick={redo} aria-keyshortcuts="Control+Y">
        {t('studio.redo')}
      </button>
    </>
  );
}
