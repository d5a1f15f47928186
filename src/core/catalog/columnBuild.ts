/**
 * Turning decoded values (Parquet chunks, FITS columns, CSV cells) into
 * catalog columns. Text is dictionary-coded: survey catalogs repeat class
 * names, flags and model versions on every row, and a code array sorts and
 * filters by integer.
 */
import type { CatalogColumn, NumberColumn, TextColumn } from './types.ts';

/** A number from a decoded cell: bigint and boolean included; anything else NaN. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number.NaN;
}

export function numberColumn(name: string, values: ArrayLike<unknown>): NumberColumn {
  const data = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = toNumber(values[i]);
  return { name, kind: 'number', data };
}

/** Builds a text column value by value (code 0 = ''). */
export class TextColumnBuilder {
  private readonly name: string;
  private readonly codes: Uint32Array;
  private readonly dict: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);

  constructor(name: string, nRows: number) {
    this.name = name;
    this.codes = new Uint32Array(nRows);
  }

  set(row: number, value: unknown): void {
    if (value === null || value === undefined) return;
    const text = typeof value === 'string' ? value : String(value);
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(text);
      this.index.set(text, code);
    }
    this.codes[row] = code;
  }

  done(): TextColumn {
    return { name: this.name, kind: 'text', codes: this.codes, dict: this.dict };
  }
}

export function textColumn(name: string, values: ArrayLike<unknown>): TextColumn {
  const b = new TextColumnBuilder(name, values.length);
  for (let i = 0; i < values.length; i++) b.set(i, values[i]);
  return b.done();
}

/** The text of a cell of any column ('' when missing). */
export function cellText(column: CatalogColumn, row: number): string {
  if (column.kind === 'text') return column.dict[column.codes[row]];
  const v = column.data[row];
  return Number.isNaN(v) ? '' : String(v);
}

/** The buffers of a table's columns, to transfer rather than copy between threads. */
export function columnBuffers(columns: readonly CatalogColumn[]): ArrayBuffer[] {
  return columns.map((c) => (c.kind === 'number' ? c.data.buffer : c.codes.buffer) as ArrayBuffer);
}
