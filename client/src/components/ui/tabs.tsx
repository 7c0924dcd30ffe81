// Tabs as the WAI-ARIA Authoring Practices describe them: a tablist of buttons with aria-selected
// and aria-controls, one tab in the Tab order (roving tabindex), arrow keys, Home and End move and
// select; each panel a tabpanel labelled by its tab. Hidden panels stay mounted, so a half-written
// grade in one survives a look at another.
import { Index, untrack, type JSX } from 'solid-js';

export interface Tab {
  id: string;
  label: string;
  panel: () => JSX.Element;
}

export function Tabs(props: { label: string; tabs: Tab[]; selected: string; onSelect: (id: string) => void; idPrefix?: string }): JSX.Element {
  const prefix = () => props.idPrefix ?? 'tw-tab';
  const selected = () => (props.tabs.some((t) => t.id === props.selected) ? props.selected : props.tabs[0]!.id);
  const buttons: HTMLButtonElement[] = [];
  function move(from: number, key: string) {
    const n = props.tabs.length;
    const to = key === 'ArrowRight' ? (from + 1) % n : key === 'ArrowLeft' ? (from - 1 + n) % n : key === 'Home' ? 0 : key === 'End' ? n - 1 : -1;
    if (to < 0) return false;
    props.onSelect(props.tabs[to]!.id);
    buttons[to]?.focus();
    return true;
  }
  return (
    <div class="tw-tabs">
      <div role="tablist" aria-label={props.label} class="tw-tablist">
        <Index each={props.tabs}>
          {(tab, i) => (
            <button
              ref={(el) => (buttons[i] = el)}
              type="button"
              role="tab"
              id={`${prefix()}-${tab().id}`}
              aria-controls={`${prefix()}-${tab().id}-panel`}
              aria-selected={selected() === tab().id}
              tabindex={selected() === tab().id ? 0 : -1}
              class="tw-tab"
              onClick={() => props.onSelect(tab().id)}
              onKeyDown={(e) => {
                if (move(i, e.key)) e.preventDefault();
              }}
            >
              {tab().label}
            </button>
          )}
        </Index>
      </div>
      {/* By position, not by object: a parent that builds its tab list again (a label with a count
          changed) keeps its panels mounted; each panel reads its own data reactively. */}
      <Index each={props.tabs}>
        {(tab) => (
          <div role="tabpanel" id={`${prefix()}-${tab().id}-panel`} aria-labelledby={`${prefix()}-${tab().id}`} tabindex="0" hidden={selected() !== tab().id} class="tw-tabpanel">
            {untrack(() => tab().panel())}
          </div>
        )}
      </Index>
    </div>
  );
}
