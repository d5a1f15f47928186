/**
 * The column model of a binary table (FITS 4.0 §7.3): TFIELDS, TTYPEn, TFORMn
 * (repeat count, letter, P/Q element type), TUNITn, TSCALn/TZEROn, TNULLn,
 * TDIMn, and each column's byte offset within a row. Computed from the header
 * only; a layout that does not fit in NAXIS1 is rejected.
 */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { Hdu, HeaderValue, TableColumnInfo } from './types.ts';
import { MAX_TFIELDS, TFORM_BYTES } from './constants.ts';
import { type ErrorPlace, fitsFail } from './errors.ts';
import { intKeyword } from './geometry.ts';

export interface BinColumn extends TableColumnInfo {
  /** TFORM letter (L X B I J K A E D C M P Q). */
  letter: string;
  /** Element type of a P/Q heap array. */
  heapType?: string;
  /** Bytes the column takes in a row. */
  width: number;
  /** Byte offset of the column within a row. */
  offset: number;
  tscal: number;
  tzero: number;
  /** TZEROn as written (bigint when beyond 2^53, e.g. 2^63 for uint64). */
  tzeroRaw: HeaderValue | undefined;
  /** TNULLn for integer columns. */
  tnull?: number | bigint;
}

export interface BinLayout {
  rowBytes: number;
  nRows: number;
  columns: BinColumn[];
}

const TFORM = /^\s*(\d*)\s*([A-Z])(.*)$/;

/** The layout of a BINTABLE HDU, or a typed error naming the offending keyword. */
export function binTableLayout(hdu: Hdu, file: string): Result<BinLayout, InputError> {
  const place: ErrorPlace = { file, hdu: hdu.index };
  if (hdu.bitpix !== 8 || hdu.axes.length !== 2) {
    return fitsFail('corrupt-header', { ...place, keyword: 'NAXIS' }, 'a binary table needs BITPIX = 8 and NAXIS = 2');
  }
  const [rowBytes, nRows] = hdu.axes;
  const header = hdu.header;
  const tfields = intKeyword(header, 'TFIELDS', place, { min: 0, max: MAX_TFIELDS });
  if (!tfields.ok) return tfields;
  const columns: BinColumn[] = [];
  let offset = 0;
  for (let n = 1; n <= tfields.value; n++) {
    const keyword = `TFORM${n}`;
    const tform = header.getString(keyword);
    if (tform === undefined) {
      return fitsFail('corrupt-header', { ...place, keyword }, `required keyword ${keyword} is missing or not a string`);
    }
    const m = TFORM.exec(tform.toUpperCase());
    const letter = m?.[2] ?? '';
    if (m === null || TFORM_BYTES[letter] === undefined) {
      return fitsFail('unsupported-tform', { ...place, keyword }, `${keyword} = '${tform}' is not a binary-table format`);
    }
    const repeat = m[1] === '' ? 1 : Number(m[1]);
    if (!Number.isSafeInteger(repeat) || repeat > rowBytes * 8) {
      return fitsFail('corrupt-header', { ...place, keyword }, `${keyword} = '${tform}': repeat count larger than the row`);
    }
    const width = letter === 'X' ? Math.ceil(repeat / 8) : repeat * TFORM_BYTES[letter];
    const column: BinColumn = {
      name: (header.getString(`TTYPE${n}`) ?? '').trim() || `col${n}`,
      tform,
      repeat,
      letter,
      width,
      offset,
      tscal: header.getNumber(`TSCAL${n}`) ?? 1,
      tzero: header.getNumber(`TZERO${n}`) ?? 0,
      tzeroRaw: header.get(`TZERO${n}`),
    };
    const unit = header.getString(`TUNIT${n}`)?.trim();
    if (unit) column.unit = unit;
    const tdim = header.getString(`TDIM${n}`)?.trim();
    if (tdim) column.tdim = tdim;
    const tnull = header.get(`TNULL${n}`);
    if (typeof tnull === 'number' || typeof tnull === 'bigint') column.tnull = tnull;
    if (letter === 'P' || letter === 'Q') {
      const heapType = /^\s*([A-Z])/.exec(m[3])?.[1];
      if (heapType !== undefined) column.heapType = heapType;
    }
    columns.push(column);
    offset += width;
    if (offset > rowBytes) {
      return fitsFail('corrupt-header', { ...place, keyword }, `columns 1..${n} need ${offset} bytes per row but NAXIS1 = ${rowBytes}`);
    }
  }
  return ok({ rowBytes, nRows, columns });
}

/** The public view of a column (no layout internals). */
export function columnInfo(c: BinColumn | TableColumnInfo): TableColumnInfo {
  const info: TableColumnInfo = { name: c.name, tform: c.tform, repeat: c.repeat };
  if (c.unit !== undefined) info.unit = c.unit;
  if (c.tdim !== undefined) info.tdim = c.tdim;
  return info;
}
