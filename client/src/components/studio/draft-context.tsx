// The lesson editor's shared state: the draft (plain JSON, edited by path), its undo history, the
// checker's problems placed at the fields that show them, and which quote field the article is
// picking for. Every form piece reads and writes through this context, so a field knows its value,
// its id and its problems from its path alone.
import { createContext, createMemo, createSignal, onCleanup, useContext, type Accessor, type JSX } from 'solid-js';
import { DraftHistory, getIn, setIn } from './draft-history.ts';

export type Path = readonly (string | number)[];
export interface DraftProblem {
  /** Into the draft: ['questions', 3, 'prompt', 'en']. */
  path: Path;
  message: string;
}
export type Draft = Record<string, unknown>;
export type LessonLanguage = 'nl' | 'en';

/** A quote field waiting for the author to pick in the article. */
export interface Picking {
  path: Path;
  /** The field's label, said in the article pane while picking. */
  label: string;
  /** Several quotes (a list) or one. */
  multiple: boolean;
  /** Where focus goes back after picking. */
  returnFocus?: HTMLElement;
}

export const pathKey = (path: Path) => path.join('.');
/** The DOM id of the field at `path`. */
export const fieldId = (path: Path) => `f-${path.join('-')}`;

export interface DraftEditor {
  draft: Accessor<Draft>;
  get<T = unknown>(path: Path): T | undefined;
  /** An edit; edits of one field in quick succession are one undo step. */
  set(path: Path, value: unknown): void;
  /** Replaces the whole draft without an undo step (what the server sent). */
  load(draft: Draft): void;
  undo(): boolean;
  redo(): boolean;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  languages: Accessor<LessonLanguage[]>;
  problems: Accessor<DraftProblem[]>;
  /** The messages shown at this field. */
  problemsAt(path: Path): string[];
  /** The id of the field that shows a problem at `path`: its own, or the nearest registered ancestor's. */
  placeOf(path: Path): string | undefined;
  /** A field says it is on the page, so problems under its path are shown there. */
  register(path: Path): void;
  picking: Accessor<Picking | null>;
  setPicking(picking: Picking | null): void;
}

const EditorContext = createContext<DraftEditor>();

export function useDraft(): DraftEditor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useDraft outside a DraftProvider');
  return editor;
}

export function createDraftEditor(initial: Draft, problems: Accessor<DraftProblem[]>, onChange?: (draft: Draft) => void): DraftEditor {
  const history = new DraftHistory<Draft>(initial);
  const [draft, setDraft] = createSignal<Draft>(initial);
  const [steps, setSteps] = createSignal({ undo: false, redo: false });
  const [registered, setRegistered] = createSignal<ReadonlyMap<string, number>>(new Map());
  const [picking, setPicking] = createSignal<Picking | null>(null);
  const sync = () => {
    setDraft(history.current);
    setSteps({ undo: history.canUndo, redo: history.canRedo });
  };
  const languages = createMemo<LessonLanguage[]>(() => {
    const declared = draft().languages;
    const list = Array.isArray(declared) ? declared.filter((l): l is LessonLanguage => l === 'nl' || l === 'en') : [];
    return list.length ? list : ['nl', 'en'];
  });

  const placeOf = (path: Path): string | undefined => {
    const known = registered();
    for (let n = path.length; n > 0; n--) {
      const key = pathKey(path.slice(0, n));
      if (known.has(key)) return fieldId(path.slice(0, n));
    }
    return undefined;
  };
  // Problems grouped by the field that shows them, recomputed when problems or fields change.
  const byField = createMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of problems()) {
      const id = placeOf(p.path);
      if (!id) continue;
      map.set(id, [...(map.get(id) ?? []), p.message]);
    }
    return map;
  });

  return {
    draft,
    get: <T,>(path: Path) => getIn(draft(), path) as T | undefined,
    set(path, value) {
      history.change(setIn(history.current, path, value), pathKey(path));
      sync();
      onChange?.(history.current);
    },
    load(next) {
      history.reset(next);
      sync();
    },
    undo() {
      if (history.undo() === undefined) return false;
      sync();
      onChange?.(history.current);
      return true;
    },
    redo() {
      if (history.redo() === undefined) return false;
      sync();
      onChange?.(history.current);
      return true;
    },
    canUndo: () => steps().undo,
    canRedo: () => steps().redo,
    languages,
    problems,
    problemsAt: (path) => byField().get(fieldId(path)) ?? [],
    placeOf,
    register(path) {
      const key = pathKey(path);
      setRegistered((m) => new Map(m).set(key, (m.get(key) ?? 0) + 1));
      onCleanup(() =>
        setRegistered((m) => {
          const next = new Map(m);
          const n = (next.get(key) ?? 1) - 1;
          if (n > 0) next.set(key, n);
          else next.delete(key);
          return next;
        }),
      );
    },
    picking,
    setPicking,
  };
}

export function DraftProvider(props: { editor: DraftEditor; children: JSX.Element }): JSX.Element {
  return <EditorContext.Provider value={props.editor}>{props.children}</EditorContext.Provider>;
}
