// A data table that may be wider than the screen: inside a scrolling region a keyboard can reach
// (tabindex 0) and a screen reader names by the table's caption; one head row, then the body.
import { For, type JSX } from 'solid-js';

export function ScrollTable(props: {
  captionId: string;
  caption: JSX.Element;
  /** classes besides tw-table, and besides tw-scroll on the region */
  class?: string;
  regionClass?: string;
  /** the head row's cells */
  head: JSX.Element;
  children: JSX.Element;
}): JSX.Element {
  return (
    <div class={props.regionClass ? `tw-scroll ${props.regionClass}` : 'tw-scroll'} role="region" aria-labelledby={props.captionId} tabindex="0">
      <table class={props.class ? `tw-table ${props.class}` : 'tw-table'}>
        <caption id={props.captionId}>{props.caption}</caption>
        <thead>
          <tr>{props.head}</tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** Plain column headers, one per label; those at the `num` places are aligned like the numbers below. */
export function ColumnHeads(props: { labels: readonly JSX.Element[]; num?: readonly number[] }): JSX.Element {
  return (
    <For each={props.labels}>
      {(label, i) => (
        <th scope="col" class={props.num?.includes(i()) ? 'tw-num' : undefined}>
          {label}
        </th>
      )}
    </For>
  );
}
