/**
 * The fast path for flat Parquet columns (numbers and UTF-8 text, no lists
 * or structs), written here because hyparquet has no column-oriented decode:
 * it assembles every OPTIONAL column value by value into a plain array with
 * nulls and turns every text cell into its own string, which made a million
 * rows cost seconds of decoding and garbage collection. Here the pages
 * decode straight into the catalog's arrays: numbers into a Float64Array
 * (NaN where null), dictionary-encoded text into codes that are the
 * dictionary's own indices, so a class or flags column costs no string or
 * lookup per row. hyparquet still reads the footer (parquetMetadata), the
 * Snappy blocks (snappyUncompress) and every column this path declines
 * (`flatColumnPlan` says which).
 */
import { snappyUncompress } from 'hyparquet';
import type { ColumnChunk, FileMetaData, SchemaElement } from 'hyparquet';
import { TextColumnBuilder } from './columnBuild.ts';
import type { CatalogColumn } from './types.ts';

/** A page or column this path does not decode; the caller reads that column with hyparquet. */
export class NotFlat extends Error {}

const FAST_ENCODINGS = new Set(['PLAIN', 'PLAIN_DICTIONARY', 'RLE_DICTIONARY', 'RLE']);
const INT_CONVERSIONS = new Set([undefined, 'INT_8', 'INT_16', 'INT_32', 'INT_64', 'UINT_8', 'UINT_16']);

/** How this path reads a top-level column, or undefined when hyparquet must. */
export function flatColumnPlan(el: SchemaElement, kind: 'number' | 'text', chunks: readonly ColumnChunk[]): 'number' | 'text' | undefined {
  if (el.repetition_type === 'REPEATED') return undefined;
  for (const c of chunks) {
    const m = c.meta_data;
    if (!m || c.file_path || (m.codec !== 'SNAPPY' && m.codec !== 'UNCOMPRESSED')) return undefined;
    if (!m.encodings.every((e) => FAST_ENCODINGS.has(e))) return undefined;
  }
  const logical = el.logical_type;
  if (el.type === 'BYTE_ARRAY') {
    const utf8 = el.converted_type === 'UTF8' || logical?.type === 'STRING' || (el.converted_type === undefined && logical === undefined);
    return utf8 && kind === 'text' ? 'text' : undefined;
  }
  if (el.type !== 'DOUBLE' && el.type !== 'FLOAT' && el.type !== 'INT32' && el.type !== 'INT64') return undefined;
  if (!INT_CONVERSIONS.has(el.converted_type) || (logical !== undefined && !(logical.type === 'INTEGER' && logical.isSigned))) return undefined;
  return kind === 'number' ? 'number' : undefined;
}

// --- Thrift compact protocol, only as much as page headers need ---------------------------------

class Cursor {
  readonly bytes: Uint8Array;
  pos: number;
  constructor(bytes: Uint8Array, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }
  byte(): number {
    if (this.pos >= this.bytes.length) throw new Error('parquet page runs past the end of the file');
    return this.bytes[this.pos++];
  }
  varint(): number {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = this.byte();
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
  }
  zigzag(): number {
    const v = this.varint();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }
}

type Struct = Map<number, unknown>;

function readValue(c: Cursor, type: number): unknown {
  switch (type) {
    case 1:
      return true;
    case 2:
      return false;
    case 3:
      return c.byte();
    case 4:
    case 5:
    case 6:
      return c.zigzag();
    case 7:
      c.pos += 8;
      return undefined;
    case 8: {
      const n = c.varint();
      c.pos += n;
      return undefined;
    }
    case 9:
    case 10: {
      const head = c.byte();
      const n = head >> 4 === 15 ? c.varint() : head >> 4;
      const elem = head & 15;
      for (let i = 0; i < n; i++) readValue(c, elem === 1 || elem === 2 ? 3 : elem);
      return undefined;
    }
    case 11: {
      const n = c.varint();
      if (n > 0) {
        const kv = c.byte();
        for (let i = 0; i < n; i++) {
          readValue(c, kv >> 4);
          readValue(c, kv & 15);
        }
      }
      return undefined;
    }
    case 12:
      return readStruct(c);
    default:
      throw new Error(`parquet page header has an unknown field type ${type}`);
  }
}

function readStruct(c: Cursor): Struct {
  const out: Struct = new Map();
  let id = 0;
  for (;;) {
    const head = c.byte();
    if (head === 0) return out;
    const delta = head >> 4;
    id = delta === 0 ? c.zigzag() : id + delta;
    out.set(id, readValue(c, head & 15));
  }
}

const int = (s: Struct | undefined, id: number): number => {
  const v = s?.get(id);
  if (typeof v !== 'number') throw new Error(`parquet page header lacks field ${id}`);
  return v;
};

// --- Levels and values ---------------------------------------------------------------------------

/** RLE / bit-packed hybrid: `n` values of `width` bits into `out`. */
function readHybrid(c: Cursor, end: number, width: number, n: number, out: Uint32Array): void {
  let i = 0;
  const byteWidth = (width + 7) >> 3;
  while (i < n && c.pos < end) {
    const head = c.varint();
    if (head & 1) {
      const count = (head >>> 1) * 8;
      const bytes = c.bytes;
      let pos = c.pos;
      if (width <= 24) {
        // Bytes past the end read as 0 (a writer may stop short of the last group's padding).
        const mask = (1 << width) - 1;
        let acc = 0;
        let bits = 0;
        for (let k = 0; k < count; k++) {
          while (bits < width) {
            acc |= (bytes[pos++] ?? 0) << bits;
            bits += 8;
          }
          if (i < n) out[i++] = acc & mask;
          acc >>>= width;
          bits -= width;
        }
      } else {
        let acc = 0;
        let bits = 0;
        for (let k = 0; k < count; k++) {
          while (bits < width) {
            acc += (bytes[pos++] ?? 0) * 2 ** bits;
            bits += 8;
          }
          if (i < n) out[i++] = acc % 2 ** width;
          acc = Math.floor(acc / 2 ** width);
          bits -= width;
        }
      }
      c.pos = Math.min(pos, bytes.length);
    } else {
      const count = head >>> 1;
      let v = 0;
      for (let k = 0; k < byteWidth; k++) v += c.byte() * 2 ** (8 * k);
      out.fill(v, i, Math.min(n, i + count));
      i += count;
    }
  }
  if (i < n) throw new Error('parquet levels or dictionary indices end early');
}

// Both runtimes (browser, Node) have TextDecoder; core's type library does not declare it.
const UTF8 = new (globalThis as unknown as { TextDecoder: new () => { decode(b: Uint8Array): string } }).TextDecoder();

/** `n` PLAIN byte-array values as strings; pages of ASCII are decoded once and sliced. */
function plainStrings(bytes: Uint8Array, pos: number, n: number): string[] {
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = pos;
  for (let i = 0; i < n; i++) {
    if (p + 4 > bytes.length) throw new Error('parquet text values run past their page');
    const len = view.getUint32(p, true);
    starts[i] = p + 4;
    p += 4 + len;
    ends[i] = p;
  }
  if (p > bytes.length) throw new Error('parquet text values run past their page');
  let ascii = true;
  for (let i = pos; i < p; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  const out = new Array<string>(n);
  if (ascii) {
    // Byte offsets are character offsets in ASCII: one decode, then substrings (no copy per value in V8).
    const text = UTF8.decode(bytes.subarray(pos, p));
    for (let i = 0; i < n; i++) out[i] = text.substring(starts[i] - pos, ends[i] - pos);
  } else {
    for (let i = 0; i < n; i++) out[i] = UTF8.decode(bytes.subarray(starts[i], ends[i]));
  }
  return out;
}

function plainNumbers(bytes: Uint8Array, pos: number, n: number, type: string | undefined): Float64Array {
  const size = type === 'INT32' || type === 'FLOAT' ? 4 : 8;
  if (pos + n * size > bytes.length) throw new Error('parquet values run past their page');
  // A copy, so the typed view is aligned whatever the page offset.
  const buf = bytes.slice(pos, pos + n * size).buffer;
  if (type === 'DOUBLE') return new Float64Array(buf);
  const out = new Float64Array(n);
  if (type === 'FLOAT') out.set(new Float32Array(buf));
  else if (type === 'INT32') out.set(new Int32Array(buf));
  else {
    const big = new BigInt64Array(buf);
    for (let i = 0; i < n; i++) out[i] = Number(big[i]);
  }
  return out;
}

// --- One column across row groups ----------------------------------------------------------------

interface Page {
  nValues: number;
  encoding: number;
  defined: Uint32Array | undefined;
  bytes: Uint8Array;
  pos: number;
}

function inflate(codec: string, bytes: Uint8Array, size: number): Uint8Array {
  if (codec === 'UNCOMPRESSED') return bytes;
  const out = new Uint8Array(size);
  snappyUncompress(bytes, out);
  return out;
}

/** Decode the pages of one column chunk, calling `onDictionary` and `onData`. */
function readChunk(file: Uint8Array, chunk: ColumnChunk, optional: boolean, onDictionary: (values: Uint8Array, pos: number, n: number) => void, onData: (page: Page) => void): void {
  const m = chunk.meta_data!;
  const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
  const end = start + Number(m.total_compressed_size);
  if (end > file.length) throw new Error('parquet column chunk runs past the end of the file');
  let seen = 0;
  const c = new Cursor(file, start);
  while (c.pos < end && seen < Number(m.num_values)) {
    const header = readStruct(c);
    const type = int(header, 1);
    const size = int(header, 2);
    const compressed = int(header, 3);
    const body = file.subarray(c.pos, c.pos + compressed);
    c.pos += compressed;
    if (type === 2) {
      const dict = header.get(7) as Struct;
      const enc = int(dict, 2);
      if (enc !== 0 && enc !== 2) throw new NotFlat('dictionary encoding');
      onDictionary(inflate(m.codec, body, size), 0, int(dict, 1));
    } else if (type === 0) {
      const h = header.get(5) as Struct;
      const n = int(h, 1);
      const page = inflate(m.codec, body, size);
      const pc = new Cursor(page);
      let defined: Uint32Array | undefined;
      if (optional) {
        if (int(h, 3) !== 3) throw new NotFlat('definition levels not RLE');
        const len = new DataView(page.buffer, page.byteOffset).getUint32(0, true);
        pc.pos = 4;
        defined = new Uint32Array(n);
        readHybrid(pc, 4 + len, 1, n, defined);
        pc.pos = 4 + len;
      }
      onData({ nValues: n, encoding: int(h, 2), defined, bytes: page, pos: pc.pos });
      seen += n;
    } else if (type === 3) {
      const h = header.get(8) as Struct;
      const n = int(h, 1);
      const defLen = int(h, 5);
      if (int(h, 6) !== 0) throw new NotFlat('repetition levels');
      let defined: Uint32Array | undefined;
      if (optional) {
        defined = new Uint32Array(n);
        if (defLen > 0) readHybrid(new Cursor(body), defLen, 1, n, defined);
        else defined.fill(1);
      }
      const values = body.subarray(defLen);
      const isCompressed = h.get(7) !== false;
      const page = isCompressed ? inflate(m.codec, values, size - defLen) : values;
      onData({ nValues: n, encoding: int(h, 4), defined, bytes: page, pos: 0 });
      seen += n;
    } else if (type !== 1) {
      throw new NotFlat(`page type ${type}`);
    }
  }
}

/** Non-null count of a page and, for dictionary pages, its indices. */
function pageValues(page: Page): { n: number; indices?: Uint32Array; pos: number } {
  let n = page.nValues;
  if (page.defined) {
    n = 0;
    for (let i = 0; i < page.nValues; i++) n += page.defined[i];
  }
  if (page.encoding === 0) return { n, pos: page.pos };
  if (page.encoding !== 2 && page.encoding !== 8) throw new NotFlat(`value encoding ${page.encoding}`);
  const c = new Cursor(page.bytes, page.pos);
  const width = c.byte();
  const indices = new Uint32Array(n);
  if (n > 0) readHybrid(c, page.bytes.length, width, n, indices);
  return { n, indices, pos: c.pos };
}

/** Spread `n` values onto the page's rows (skipping nulls), calling `put(row, valueIndex)`. */
function spread(page: Page, rowStart: number, put: (row: number, k: number) => void): void {
  const d = page.defined;
  let k = 0;
  for (let i = 0; i < page.nValues; i++) if (!d || d[i]) put(rowStart + i, k++);
}

/** One flat column of a Parquet file (all row groups), or NotFlat thrown. */
export function readFlatColumn(file: Uint8Array, metadata: FileMetaData, columnIndex: number, el: SchemaElement, plan: 'number' | 'text', nRows: number): CatalogColumn {
  const optional = el.repetition_type !== 'REQUIRED';
  let rowStart = 0;
  if (plan === 'number') {
    const data = new Float64Array(nRows).fill(Number.NaN);
    for (const group of metadata.row_groups) {
      let dict: Float64Array | undefined;
      let row = rowStart;
      readChunk(
        file,
        group.columns[columnIndex],
        optional,
        (bytes, pos, n) => (dict = plainNumbers(bytes, pos, n, el.type)),
        (page) => {
          const { n, indices, pos } = pageValues(page);
          const def = page.defined;
          if (indices) {
            const d = dict;
            if (!d) throw new Error('parquet dictionary page missing');
            // Loops written out (not through spread): this is the hot path for numbers.
            if (!def) for (let i = 0; i < n; i++) data[row + i] = d[indices[i]];
            else for (let i = 0, k = 0; i < page.nValues; i++) if (def[i]) data[row + i] = d[indices[k++]];
          } else {
            const values = plainNumbers(page.bytes, pos, n, el.type);
            if (!def) data.set(values, row);
            else for (let i = 0, k = 0; i < page.nValues; i++) if (def[i]) data[row + i] = values[k++];
          }
          row += page.nValues;
        },
      );
      rowStart += Number(group.num_rows);
    }
    return { name: el.name, kind: 'number', data };
  }
  // Text: dictionary pages become the column's dictionary (deduplicated across row groups by value,
  // once per entry); plain pages go through the builder, which stops deduplicating distinct values.
  const builder = new TextColumnBuilder(el.name, nRows);
  const codes = new Uint32Array(nRows);
  const globalDict: string[] = [''];
  const codeOf = new Map<string, number>([['', 0]]);
  let usedPlain = false;
  let usedDict = false;
  for (const group of metadata.row_groups) {
    let toCode: Uint32Array | undefined;
    let row = rowStart;
    readChunk(
      file,
      group.columns[columnIndex],
      optional,
      (bytes, pos, n) => {
        const values = plainStrings(bytes, pos, n);
        toCode = new Uint32Array(n);
        for (let i = 0; i < n; i++) {
          let code = codeOf.get(values[i]);
          if (code === undefined) {
            code = globalDict.length;
            globalDict.push(values[i]);
            codeOf.set(values[i], code);
          }
          toCode[i] = code;
        }
      },
      (page) => {
        const { n, indices, pos } = pageValues(page);
        if (indices) {
          const map = toCode;
          if (!map) throw new Error('parquet dictionary page missing');
          usedDict = true;
          const def = page.defined;
          for (let i = 0, k = 0; i < page.nValues; i++) if (!def || def[i]) codes[row + i] = map[indices[k++]];
        } else {
          usedPlain = true;
          const values = plainStrings(page.bytes, pos, n);
          spread(page, row, (r, k) => builder.set(r, values[k]));
        }
        row += page.nValues;
      },
    );
    rowStart += Number(group.num_rows);
  }
  // A column mixing both (a writer falling back to plain once its dictionary grew) is rare: let hyparquet read it.
  if (usedPlain && usedDict) throw new NotFlat('dictionary and plain pages mixed');
  return usedPlain ? builder.done() : { name: el.name, kind: 'text', codes, dict: globalDict };
}
