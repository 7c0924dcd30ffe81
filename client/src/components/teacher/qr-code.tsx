// A QR code drawn as SVG in the page, from a text (the class's join link): encoded here by uqr, so
// no outside service ever sees the code. Dark modules on white with the standard quiet zone.
import { createMemo, type JSX } from 'solid-js';
import { encode } from 'uqr';

/** The dark modules as one SVG path, a unit square each; the size includes the border. */
export function qrPath(text: string, border = 4): { size: number; d: string } {
  const { data } = encode(text, { ecc: 'M', border });
  let d = '';
  data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
  return { size: data.length, d };
}

export function QrCode(props: { text: string; label: string; class?: string }): JSX.Element {
  const qr = createMemo(() => qrPath(props.text));
  return (
    <svg
      class={props.class}
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${qr().size} ${qr().size}`}
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={qr().size} height={qr().size} fill="#fff" />
      <path d={qr().d} fill="#000" />
    </svg>
  );
}
