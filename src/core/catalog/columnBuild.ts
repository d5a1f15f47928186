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

/** Values looked at before deciding whether a column is worth a dictionary. */
const SAMPLE = 4096;

/**
 * Builds a text column value by value (code 0 = ''). A column whose values
 * are mostly distinct (file names, ids) stops looking values up once
 * SAMPLE values showed it: each new value is appended, so the dictionary may
 * then hold repeats, which every reader of a TextColumn allows. A million
 * distinct names would otherwise cost a million hash-map inserts.
 */
export class TextColumnBuilder {
  private readonly name: string;
  private readonly codes: Uint32Array;
  private readonly dict: string[] = [''];
  private index: Map<string, number> | undefined = new Map<string, number>([['', 0]]);
  private seen = 0;

  constructor(name: string, nRows: number) {
    this.name = name;
    this.codes = new Uint32Array(nRows);
  }

  set(row: number, value: unknown): void {
    if (value === null || value === undefined || value === '') return;
    const text = typeof value === 'string' ? value : String(value);
    const index = this.index;
    if (index === undefined) {
      this.codes[row] = this.dict.length;
      this.dict.push(text);
      return;
    }
    let code = index.get(text);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(text);
      index.set(text, code);
    }
    this.codes[row] = code;
    if (++this.seen === SAMPLE && this.dict.length > SAMPLE / 2) this.index = undefined;
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
