/**
 * Table-column helpers shared by the adapters: find a column among candidate
 * names (case-insensitive), read columns as numbers, read one row's values
 * for metadata. Bad or unexpected column types are typed errors.
 */
import type { ColumnData, FitsFile, Hdu, TableColumnInfo } from '../fits/types.ts';
import type { Result } from '../types.ts';
import { fail, ok } from '../types.ts';

export type NumberArray = Float64Array | Float32Array;

/** The first of `candidates` present in the table (case-insensitive), or undefined. */
export function findColumn(file: FitsFile, hdu: Hdu, candidates: readonly string[]): TableColumnInfo | undefined {
  const byName = columnIndex(file, hdu);
  for (const name of candidates) {
    const hit = byName.get(name.toUpperCase());
    if (hit) return hit;
  }
  return undefined;
}

const columnIndexes = new WeakMap<Hdu, { file: FitsFile; byName: Map<string, TableColumnInfo> }>();

/** Trimmed upper-cased name → first column of that name, built once per table (adapters look up dozens of names). */
function columnIndex(file: FitsFile, hdu: Hdu): Map<string, TableColumnInfo> {
  const cached = columnIndexes.get(hdu);
  if (cached !== undefined && cached.file === file) return cached.byName;
  const byName = new Map<string, TableColumnInfo>();
  for (const c of file.columns(hdu)) {
    const key = c.name.trim().toUpperCase();
    if (!byName.has(key)) byName.set(key, c);
  }
  columnIndexes.set(hdu, { file, byName });
  return byName;
}

/** True when the table has every one of `names` (case-insensitive). */
export function hasColumns(file: FitsFile, hdu: Hdu, names: readonly string[]): boolean {
  return names.every((n) => findColumn(file, hdu, [n]) !== undefined);
}

/** Rows of a table HDU (NAXIS2), 0 for anything else. */
export function tableRows(hdu: Hdu): number {
  return (hdu.kind === 'bintable' || hdu.kind === 'table') && hdu.axes.length === 2 ? hdu.axes[1] : 0;
}

/** Numeric view of a decoded column (64-bit integers converted to double), or undefined for text/booleans. */
export function asNumbers(c: ColumnData): NumberArray | undefined {
  switch (c.kind) {
    case 'number':
      return c.data;
    case 'bigint':
    case 'biguint':
      return Float64Array.from(c.data, (v) => Number(v));
    default:
      return undefined;
  }
}

/** Read `names` (exact names as the table spells them) as numbers; a text column is a 'no-spectrum' error. */
export async function readNumeric(
  file: FitsFile,
  hdu: Hdu,
  names: readonly string[],
  rows?: { start: number; count: number },
): Promise<Result<Record<string, NumberArray>>> {
  const read = await file.readColumns(hdu, [...names], rows);
  if (!read.ok) return read;
  const out: Record<string, NumberArray> = {};
  for (const name of names) {
    const values = asNumbers(read.value[name]);
    if (values === undefined) {
      return fail({
        code: 'no-spectrum',
        message: `Column "${name}" of HDU ${hdu.index} holds ${read.value[name].kind} values, not numbers, so it cannot be a spectrum column.`,
        hdu: hdu.index,
        keyword: name,
      });
    }
    out[name] = values;
  }
  return ok(out);
}

export type CellValue = string | number | bigint | boolean;

/**
 * Scalar values of row `row` for whichever of `names` the table has (the first
 * element of a vector column). Missing columns are simply absent; 64-bit
 * integers stay bigint so identifiers keep every digit.
 */
export async function readRowValues(
  file: FitsFile,
  hdu: Hdu,
  names: readonly string[],
  row: number,
): Promise<Result<Record<string, CellValue>>> {
  const present = names
    .map((n) => ({ want: n, col: findColumn(file, hdu, [n]) }))
    .filter((p): p is { want: string; col: TableColumnInfo } => p.col !== undefined);
  if (present.length === 0 || row >= tableRows(hdu)) return ok({});
  const read = await file.readColumns(hdu, present.map((p) => p.col.name), { start: row, count: 1 });
  if (!read.ok) return read;
  const out: Record<string, CellValue> = {};
  for (const { want, col } of present) {
    const c = read.value[col.name];
    if (c.data.length === 0) continue;
    const v = c.kind === 'boolean' ? c.data[0] !== 0 : c.data[0];
    if (v !== undefined) out[want.toUpperCase()] = v;
  }
  return ok(out);
}
