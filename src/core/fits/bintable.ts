/**
 * Reading columns of a binary table: only the requested rows' bytes are read,
 * in chunks of about TABLE_READ_CHUNK_BYTES, and decoded straight into one
 * output array per column (columnDecoders.ts). Heap arrays (P/Q) are not
 * decoded: asking for such a column gives 'unsupported-tform' for it.
 */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { ByteSource, ColumnData, Hdu } from './types.ts';
import type { RowRange } from './image.ts';
import type { BinColumn, BinLayout } from './tableLayout.ts';
import { TABLE_READ_CHUNK_BYTES } from './constants.ts';
import { type ColumnDecoder, columnDecoder } from './columnDecoders.ts';
import { fitsFail } from './errors.ts';
import { readExact } from './readExact.ts';

/** Resolve a row range against `nRows`; a range outside the table is a programmer error. */
export function resolveRows(rows: RowRange | undefined, nRows: number, hdu: number): RowRange {
  const start = rows?.start ?? 0;
  const count = rows?.count ?? nRows - start;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(count) || start < 0 || count < 0 || start + count > nRows) {
    throw new RangeError(`rows ${start}+${count} outside 0..${nRows} of HDU ${hdu}`);
  }
  return { start, count };
}

const nameIndexes = new WeakMap<readonly { name: string }[], Map<string, { name: string }>>();

/** Upper-cased name → first column of that name, built once per column list (tables can have hundreds). */
function nameIndex(columns: readonly { name: string }[]): Map<string, { name: string }> {
  let index = nameIndexes.get(columns);
  if (index === undefined) {
    index = new Map();
    for (const c of columns) {
      const key = c.name.toUpperCase();
      if (!index.has(key)) index.set(key, c);
    }
    nameIndexes.set(columns, index);
  }
  return index;
}

/** Find columns by name (case-insensitive, first match), or a typed error naming the missing one. */
export function pickColumns<C extends { name: string }>(
  columns: readonly C[],
  names: readonly string[],
  file: string,
  hdu: number,
): Result<C[], InputError> {
  const byName = nameIndex(columns);
  const picked: C[] = [];
  for (const name of names) {
    const column = byName.get(name.toUpperCase()) as C | undefined;
    if (column === undefined) {
      const known = columns.map((c) => c.name).join(', ');
      return fitsFail('no-matching-format', { file, hdu, keyword: name }, `no column named "${name}" (columns: ${known})`);
    }
    picked.push(column);
  }
  return ok(picked);
}

/** Decode columns `names` for the rows asked (all by default), reading about `chunkBytes` at a time. */
export async function readBinColumns(
  source: ByteSource,
  hdu: Hdu,
  layout: BinLayout,
  names: readonly string[],
  rows?: RowRange,
  chunkBytes: number = TABLE_READ_CHUNK_BYTES,
): Promise<Result<Record<string, ColumnData>, InputError>> {
  const { start, count } = resolveRows(rows, layout.nRows, hdu.index);
  const picked = pickColumns(layout.columns, names, source.name, hdu.index);
  if (!picked.ok) return picked;
  const heap = picked.value.find((c) => c.letter === 'P' || c.letter === 'Q');
  if (heap !== undefined) return unsupportedHeap(heap, source.name, hdu.index);

  const { rowBytes } = layout;
  const place = { file: source.name, hdu: hdu.index };
  const end = hdu.dataOffset + (start + count) * rowBytes;
  // Check before allocating: outputs are sized by rows the file really holds.
  if (end > source.size) {
    const what = `the data of table rows ${start}..${start + count - 1}`;
    const truncated = await readExact(source, hdu.dataOffset + start * rowBytes, count * rowBytes, place, what);
    if (!truncated.ok) return truncated;
  }
  const decoders: ColumnDecoder[] = picked.value.map((c) => columnDecoder(c, count));
  const rowsPerChunk = Math.max(1, Math.floor(chunkBytes / Math.max(1, rowBytes)));
  for (let done = 0; done < count; done += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, count - done);
    const first = start + done;
    const what = `the data of table rows ${first}..${first + n - 1}`;
    const read = await readExact(source, hdu.dataOffset + first * rowBytes, n * rowBytes, place, what);
    if (!read.ok) return read;
    const bytes = read.value;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const d of decoders) d.decode(view, bytes, n, rowBytes, done);
  }
  const out: Record<string, ColumnData> = {};
  names.forEach((name, i) => (out[name] = decoders[i].result));
  return ok(out);
}

function unsupportedHeap(column: BinColumn, file: string, hdu: number): { ok: false; error: InputError } {
  return fitsFail(
    'unsupported-tform',
    { file, hdu, keyword: column.name },
    `column "${column.name}" (TFORM '${column.tform}') holds variable-length heap arrays, which this reader does not decode`,
  );
}
