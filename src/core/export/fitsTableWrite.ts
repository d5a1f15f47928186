/**
 * FITS export: an empty primary HDU (NAXIS = 0) and one BINTABLE
 * 'GASNET_RESULTS' with the columns of columns.ts — text as nA (n = the
 * longest value, printable ASCII with other characters escaped as \uXXXX: fitsCard.ts escapeAscii, said in a
 * COMMENT card), floats as D with NaN for missing,
 * integers as J with TNULLn = −2147483648 for missing. Big-endian, padded
 * to 2880-byte blocks.
 */
import { EXPORT_COLUMNS, type ExportColumn } from './columns.ts';
import { BLOCK_BYTES, ESCAPE_COMMENT, card, commentCard, escapeAscii, headerBytes } from './fitsCard.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './jsonWrite.ts';
import type { ExportRecord } from './types.ts';

export const TABLE_EXTNAME = 'GASNET_RESULTS';
/** TNULLn of the J columns. */
export const INT_NULL = -2147483648;

/** A column of any table: the export's (columns.ts), the command line's catalog, or rows read back. */
export type TableColumn<R> = Omit<ExportColumn, 'value'> & { value(r: R): string | number | undefined };

interface Layout<R> {
  col: TableColumn<R>;
  tform: string;
  bytes: number;
  offset: number;
  hasNull: boolean;
  /** Text columns: the cleaned cells. */
  text?: string[];
}

function layout<R>(columns: readonly TableColumn<R>[], records: readonly R[]): { cols: Layout<R>[]; rowBytes: number } {
  let offset = 0;
  const cols = columns.map((col): Layout<R> => {
    const values = records.map((r) => col.value(r));
    const hasNull = values.some((v) => v === undefined);
    let l: Layout<R>;
    if (col.kind === 'text') {
      const text = values.map((v) => (v === undefined ? '' : escapeAscii(String(v))));
      const width = Math.max(1, ...text.map((t) => t.length));
      l = { col, tform: `${width}A`, bytes: width, offset, hasNull, text };
    } else if (col.kind === 'float') l = { col, tform: '1D', bytes: 8, offset, hasNull };
    else l = { col, tform: '1J', bytes: 4, offset, hasNull };
    offset += l.bytes;
    return l;
  });
  return { cols, rowBytes: offset };
}

/** The whole FITS file. `exportedAt` goes into DATE. */
export function toFitsTable(records: readonly ExportRecord[], exportedAt: Date): Uint8Array<ArrayBuffer> {
  return fitsTableBytes(EXPORT_COLUMNS, records, exportedAt);
}

/** The same file for any columns; `extraCards` (card()/commentCard() text) go before the table's END. */
export function fitsTableBytes<R>(
  columns: readonly TableColumn<R>[],
  records: readonly R[],
  exportedAt: Date,
  extraCards: readonly string[] = [],
): Uint8Array<ArrayBuffer> {
  const { cols, rowBytes } = layout(columns, records);
  const date = exportedAt.toISOString().slice(0, 23);
  const primary = headerBytes([
    card('SIMPLE', true, 'conforms to FITS standard'),
    card('BITPIX', 8),
    card('NAXIS', 0),
    card('EXTEND', true),
    card('ORIGIN', 'gasnet-explorer'),
    card('DATE', date, 'UTC time of the export'),
  ]);
  const cards = [
    card('XTENSION', 'BINTABLE', 'binary table extension'),
    card('BITPIX', 8),
    card('NAXIS', 2),
    card('NAXIS1', rowBytes, 'bytes per row'),
    card('NAXIS2', records.length, 'rows'),
    card('PCOUNT', 0),
    card('GCOUNT', 1),
    card('TFIELDS', cols.length),
  ];
  cols.forEach((l, i) => {
    const n = i + 1;
    cards.push(card(`TTYPE${n}`, l.col.name), card(`TFORM${n}`, l.tform));
    if (l.col.unit) cards.push(card(`TUNIT${n}`, l.col.unit));
    if (l.col.kind === 'int' && l.hasNull) cards.push(card(`TNULL${n}`, INT_NULL));
  });
  cards.push(
    card('EXTNAME', TABLE_EXTNAME),
    card('EXPFMT', EXPORT_FORMAT, 'what wrote this table'),
    card('EXPVER', EXPORT_VERSION),
    card('DATE', date, 'UTC time of the export'),
    commentCard(ESCAPE_COMMENT),
    ...extraCards,
  );
  const header = headerBytes(cards);

  const dataBytes = rowBytes * records.length;
  const data = new Uint8Array(Math.ceil(dataBytes / BLOCK_BYTES) * BLOCK_BYTES);
  const view = new DataView(data.buffer);
  records.forEach((r, row) => {
    const base = row * rowBytes;
    for (const l of cols) writeCell(view, data, base + l.offset, l, r, row);
  });

  const out = new Uint8Array(primary.length + header.length + data.length);
  out.set(primary, 0);
  out.set(header, primary.length);
  out.set(data, primary.length + header.length);
  return out;
}

function writeCell<R>(view: DataView, data: Uint8Array, at: number, l: Layout<R>, r: R, row: number): void {
  if (l.text) {
    const t = l.text[row];
    for (let i = 0; i < l.bytes; i++) data[at + i] = i < t.length ? t.charCodeAt(i) : 0x20;
    return;
  }
  const v = l.col.value(r);
  if (l.col.kind === 'float') {
    view.setFloat64(at, typeof v === 'number' ? v : NaN, false);
    return;
  }
  if (v === undefined) {
    view.setInt32(at, INT_NULL, false);
    return;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= INT_NULL || v > 2147483647) {
    throw new RangeError(`column ${l.col.name}: ${String(v)} is not a 32-bit integer`);
  }
  view.setInt32(at, v, false);
}
