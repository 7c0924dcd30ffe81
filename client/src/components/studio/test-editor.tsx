// A lesson editor around the pieces a component test renders: a draft, problems the test sets, and
// the draft as it is after each edit.
import { createSignal, type JSX } from 'solid-js';
import { createDraftEditor, DraftProvider, type Draft, type DraftEditor, type DraftProblem } from './draft-context.tsx';

export function renderableEditor(initial: Draft = {}) {
  const [problems, setProblems] = createSignal<DraftProblem[]>([]);
  let editor!: DraftEditor;
  const Editor = (props: { children: JSX.Element }) => {
    editor = createDraftEditor(initial, problems);
    return <DraftProvider editor={editor}>{props.children}</DraftProvider>;
  };
  return { Editor, setProblems, draft: () => editor.draft(), editor: () => editor };
}
