/**
 * A CSV catalog: our own CSV export or any CSV whose header has a `file`
 * column. Text cells our export defused against spreadsheet formulas are
 * restored; a column is numeric when its name says so (export columns) or
 * every non-empty cell is a number.
 */
import { parseCsv } from '../export/csvParse.ts';
import { undefuseCell } from '../export/csvWrite.ts';
import { kindByName } from './catalogSchema.ts';
import { numberColumn, textColumn } from './columnBuild.ts';
import type { CatalogColumn } from './types.ts';

/** The header cells of a CSV text's first line (quotes removed, trimmed, lower-cased). */
function headerNames(firstLine: string): string[] {
  return firstLine.split(',').map((h) => h.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

/** True when the text's first line is a CSV header with a `file` column. */
export function isCsvCatalogHead(head: string): boolean {
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return line.includes(',') && headerNames(line).includes('file');
}

const isNumberCell = (s: string) => s === '' || s === 'NaN' || Number.isFinite(Number(s));

export function readCsvCatalog(text: string): { nRows: number; columns: CatalogColumn[]; issues: string[] } | { error: string } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { error: parsed.error };
  const [header, ...rows] = parsed.value;
  if (!header) return { error: 'the file is empty' };
  const issues: string[] = [];
  const width = header.length;
  const short = rows.filter((r) => r.length !== width).length;
  if (short > 0) issues.push(`${short} line(s) have a different number of cells than the header (${width})`);
  const columns = header.map((rawName, j): CatalogColumn => {
    const name = rawName.trim();
    const cells = rows.map((r) => (r[j] ?? '').trim());
    const kind = kindByName(name) ?? (cells.every(isNumberCell) ? 'number' : 'text');
    if (kind === 'number') return numberColumn(name, cells.map((s) => (s === '' ? Number.NaN : Number(s))));
    return textColumn(name, cells.map(undefuseCell));
  });
  return { nRows: rows.length, columns, issues };
}
