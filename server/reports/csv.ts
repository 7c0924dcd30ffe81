// CSV for spreadsheets: semicolons, UTF-8 with BOM and CRLF by default (what Dutch Excel opens
// correctly), commas without BOM on request; fields quoted as RFC 4180 says, formulas defused.
export type Separator = ';' | ',';

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null | undefined, separator: Separator): string {
  if (value === null || value === undefined) return '';
  // Numbers are ours, not a user's: a negative number is a number, not a formula.
  const text = typeof value === 'number' ? formatNumber(value, separator) : neutralize(value);
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** With semicolons the decimal mark is a comma, as a Dutch spreadsheet expects. */
function formatNumber(value: number, separator: Separator): string {
  const text = String(Math.round(value * 100) / 100);
  return separator === ';' ? text.replace('.', ',') : text;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], separator: Separator = ';'): string {
  const body = rows.map((row) => row.map((v) => csvField(v, separator)).join(separator)).join('\r\n') + '\r\n';
  return separator === ';' ? '\uFEFF' + body : body;
}
