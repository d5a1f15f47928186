/**
 * CSV writer (RFC 4180: CRLF line ends, header row, fields with quotes,
 * commas or line breaks quoted, quotes doubled).
 *
 * Text cells come from FITS headers, file names and user comments, so they
 * are defused against spreadsheet formula injection (OWASP "CSV Injection"):
 * a cell starting with = + - @ tab or CR gets a leading single quote, and
 * every text cell is quoted. A cell already starting with a single quote
 * gets one more, so the reader can undo the prefix exactly (`undefuseCell`).
 * Number cells are written by `String(n)` (shortest round-trip form) and are
 * never prefixed: a spreadsheet reads "-0.0012" as a number, not a formula.
 */
import { EXPORT_COLUMNS } from './columns.ts';
import type { ExportRecord } from './types.ts';

const FORMULA_START = /^[=+\-@\t\r']/;

/** Prefix a text cell that a spreadsheet would run as a formula. */
export function defuseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Inverse of defuseCell, for the reader. */
export function undefuseCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** RFC 4180 quoting: wrap in quotes, double the quotes inside. */
export function quoteCsv(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function numberCell(v: number): string {
  return Number.isNaN(v) ? '' : String(v);
}

/** One cell: '' when missing, a number as is (NaN → ''), text quoted and defused. */
function cell(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return numberCell(v);
  return quoteCsv(defuseCell(v));
}

/** Any table as CSV text: the header row (plain names), then one line per row, CRLF after each line. */
export function csvText(header: readonly string[], rows: Iterable<readonly (string | number | undefined)[]>): string {
  const lines = [header.join(',')];
  for (const r of rows) lines.push(r.map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The whole table as CSV text: header row, then one line per record, CRLF after each line. */
export function toCsv(records: readonly ExportRecord[]): string {
  return csvText(
    EXPORT_COLUMNS.map((c) => c.name),
    records.map((r) => EXPORT_COLUMNS.map((c) => c.value(r))),
  );
}
