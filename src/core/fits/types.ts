/**
 * The FITS reader's public shapes. Headers are parsed eagerly (they are
 * small); data are read by byte offset only when asked for, so a 1 GB plate
 * file never sits in memory whole.
 */
import type { Result } from '../types.ts';

/** Random access to the bytes of a file: a Blob/File in the browser, a file handle or buffer in Node. */
export interface ByteSource {
  /** File name as the user gave it (for messages). */
  readonly name: string;
  /** Total size in bytes. */
  readonly size: number;
  /** Bytes [offset, offset + length); shorter only at the end of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export type HeaderValue = string | number | bigint | boolean | null;

/** One HDU header: ordered cards; keyword lookup is case-insensitive and the last duplicate wins. */
export interface FitsHeader {
  get(keyword: string): HeaderValue | undefined;
  getString(keyword: string): string | undefined;
  getNumber(keyword: string): number | undefined;
  getBoolean(keyword: string): boolean | undefined;
  has(keyword: string): boolean;
  /** Keywords in file order (HIERARCH keys without the HIERARCH prefix). */
  keywords(): string[];
  /** Every card in file order, commentary cards included (CONTINUE strings already joined). */
  cards(): readonly HeaderCard[];
}

/** One header card as read. All text is untrusted: show it as text, never as markup. */
export interface HeaderCard {
  keyword: string;
  /** undefined for commentary cards (COMMENT, HISTORY, blank keyword). */
  value: HeaderValue | undefined;
  comment?: string;
}

/** 'other': an extension type the reader does not decode (kept so HDU indices stay right). */
export type HduKind = 'primary' | 'image' | 'bintable' | 'table' | 'other';

export interface Hdu {
  /** 0 = primary. */
  index: number;
  kind: HduKind;
  /** Upper-cased EXTNAME ('PRIMARY' for HDU 0 without one). */
  extname: string;
  header: FitsHeader;
  /** NAXISn, fastest-varying first (FITS order). Empty when NAXIS = 0. */
  axes: number[];
  /** BITPIX of the data unit. */
  bitpix: number;
  /** Byte offset of the data unit in the file, and its size without padding. */
  dataOffset: number;
  dataBytes: number;
}

/** An image's pixels scaled by BSCALE/BZERO, row-major with NAXIS1 fastest. */
export interface ImageData {
  axes: number[];
  /** Float64 for scaled or 64-bit data, Float32 for BITPIX −32 unscaled; blanks (BLANK) become NaN. */
  data: Float32Array | Float64Array;
}

/** One bintable/ASCII-table column, decoded for all rows (or a row range). */
export type ColumnData =
  // length rows·repeat; TSCAL/TZERO applied; TNULL → NaN. Float32 for unscaled E, C, B, I; Float64 otherwise.
  // Complex C/M: repeat counts numbers (2 per element, re then im).
  | { kind: 'number'; repeat: number; data: Float64Array | Float32Array }
  | { kind: 'bigint'; repeat: number; data: BigInt64Array } // 'K' without scaling
  | { kind: 'biguint'; repeat: number; data: BigUint64Array } // 'K' with TZERO 2^63 (unsigned convention)
  | { kind: 'string'; repeat: 1; data: string[] } // 'nA', trailing blanks trimmed
  | { kind: 'boolean'; repeat: number; data: Uint8Array }; // 'L' (1 true, 0 false), 'X' bits unpacked

export interface TableColumnInfo {
  name: string;
  /** TFORMn as written. */
  tform: string;
  unit?: string;
  repeat: number;
  /** TDIMn as written (not used for shape: data stay flat, rows·repeat). */
  tdim?: string;
}

export interface FitsFile {
  readonly name: string;
  readonly size: number;
  readonly hdus: readonly Hdu[];
  /** Oddities that did not stop the open (e.g. a broken HDU after good ones, missing padding). Plain text. */
  readonly issues?: readonly string[];
  /** First HDU whose EXTNAME matches (case-insensitive). */
  byName(extname: string): Hdu | undefined;
  /** Columns of a table HDU (from its header; no data read). */
  columns(hdu: Hdu): TableColumnInfo[];
  /** Read an image HDU, or the rows [row0, row0 + nRows) of a 2-D image (one spectrum per row). */
  readImage(hdu: Hdu, rows?: { start: number; count: number }): Promise<Result<ImageData>>;
  /** Read some columns (by name, case-insensitive) of a table HDU, optionally a row range. */
  readColumns(
    hdu: Hdu,
    names: string[],
    rows?: { start: number; count: number },
  ): Promise<Result<Record<string, ColumnData>>>;
}
