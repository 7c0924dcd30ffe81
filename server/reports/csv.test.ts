import { expect, test } from 'vitest';
import { csvField, neutralize, toCsv } from './csv.ts';

test('default: semicolons, BOM, CRLF and decimal commas, as Dutch Excel expects', () => {
  const csv = toCsv([['name', 'score'], ['Sam', 0.5]]);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toBe('\uFEFFname;score\r\nSam;0,5\r\n');
});

test('comma separator: no BOM, decimal points', () => {
  expect(toCsv([['a', 'b'], ['x', 1.25]], ',')).toBe('a,b\r\nx,1.25\r\n');
});

test('fields with the separator, quotes or line breaks are quoted, quotes doubled', () => {
  expect(csvField('a;b', ';')).toBe('"a;b"');
  expect(csvField('a;b', ',')).toBe('a;b');
  expect(csvField('a,b', ',')).toBe('"a,b"');
  expect(csvField('say "hi"', ';')).toBe('"say ""hi"""');
  expect(csvField('two\nlines', ';')).toBe('"two\nlines"');
  expect(csvField(null, ';')).toBe('');
});

test('cells that a spreadsheet would run as a formula get a leading apostrophe', () => {
  for (const evil of ['=1+1', '+31 6', '-2', '@SUM(A1)', '=HYPERLINK("http://x")']) expect(neutralize(evil)).toBe(`'${evil}`);
  expect(neutralize('Sam')).toBe('Sam');
  expect(csvField('=cmd|x', ';')).toBe("'=cmd|x");
  expect(csvField('=a;b', ';')).toBe(`"'=a;b"`);
  // Our own numbers stay numbers.
  expect(csvField(-0.5, ',')).toBe('-0.5');
});
