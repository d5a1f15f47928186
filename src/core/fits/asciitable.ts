/**
 * ASCII tables (XTENSION = 'TABLE', FITS 4.0 §7.2): fixed-width text fields at
 * TBCOLn with TFORMn Aw, Iw, Fw.d, Ew.d, Dw.d. Numbers come back as Float64
 * with TSCALn/TZEROn applied; blank fields and TNULLn → NaN.
 */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { ByteSource, ColumnData, Hdu, TableColumnInfo } from './types.ts';
import type { RowRange } from './image.ts';
import { MAX_TFIELDS } from './constants.ts';
import { type ErrorPlace, fitsFail } from './errors.ts';
import { intKeyword } from './geometry.ts';
import { fieldText } from './columnDecoders.ts';
import { pickColumns, resolveRows } from './bintable.ts';
import { readExact } from './readExact.ts';

export interface AsciiColumn extends TableColumnInfo {
  letter: 'A' | 'I' | 'F' | 'E' | 'D';
  /** Byte offset of the field within a row (TBCOLn − 1). */
  start: number;
  width: number;
  /** d of Fw.d / Ew.d / Dw.d (implied decimals when a field has no '.'). */
  decimals: number;
  tscal: number;
  tzero: number;
  tnull?: string;
}

export interface AsciiLayout {
  rowBytes: number;
  nRows: number;
  columns: AsciiColumn[];
}

const TFORM = /^\s*([AIFED])(\d+)(?:\.(\d+))?\s*$/;

export function asciiTableLayout(hdu: Hdu, file: string): Result<AsciiLayout, InputError> {
  const place: ErrorPlace = { file, hdu: hdu.index };
  if (hdu.bitpix !== 8 || hdu.axes.length !== 2) {
    return fitsFail('corrupt-header', { ...place, keyword: 'NAXIS' }, 'an ASCII table needs BITPIX = 8 and NAXIS = 2');
  }
  const [rowBytes, nRows] = hdu.axes;
  const header = hdu.header;
  const tfields = intKeyword(header, 'TFIELDS', place, { min: 0, max: MAX_TFIELDS });
  if (!tfields.ok) return tfields;
  const columns: AsciiColumn[] = [];
  for (let n = 1; n <= tfields.value; n++) {
    const keyword = `TFORM${n}`;
    const tform = header.getString(keyword) ?? '';
    const m = TFORM.exec(tform.toUpperCase());
    if (m === null) {
      return fitsFail('unsupported-tform', { ...place, keyword }, `${keyword} = '${tform}' is not an ASCII-table format`);
    }
    const tbcol = intKeyword(header, `TBCOL${n}`, place, { min: 1, max: rowBytes });
    if (!tbcol.ok) return tbcol;
    const width = Number(m[2]);
    if (!(width >= 1) || tbcol.value - 1 + width > rowBytes) {
      return fitsFail('corrupt-header', { ...place, keyword }, `column ${n} (TBCOL${n} = ${tbcol.value}, ${tform}) runs past NAXIS1 = ${rowBytes}`);
    }
    const column: AsciiColumn = {
      name: (header.getString(`TTYPE${n}`) ?? '').trim() || `col${n}`,
      tform,
      repeat: m[1] === 'A' ? width : 1,
      letter: m[1] as AsciiColumn['letter'],
      start: tbcol.value - 1,
      width,
      decimals: m[3] === undefined ? 0 : Number(m[3]),
      tscal: header.getNumber(`TSCAL${n}`) ?? 1,
      tzero: header.getNumber(`TZERO${n}`) ?? 0,
    };
    const unit = header.getString(`TUNIT${n}`)?.trim();
    if (unit) column.unit = unit;
    const tnull = header.get(`TNULL${n}`);
    if (tnull !== undefined && tnull !== null) column.tnull = String(tnull).trim();
    columns.push(column);
  }
  return ok({ rowBytes, nRows, columns });
}

export async function readAsciiColumns(
  source: ByteSource,
  hdu: Hdu,
  layout: AsciiLayout,
  names: readonly string[],
  rows?: RowRange,
): Promise<Result<Record<string, ColumnData>, InputError>> {
  const { start, count } = resolveRows(rows, layout.nRows, hdu.index);
  const picked = pickColumns(layout.columns, names, source.name, hdu.index);
  if (!picked.ok) return picked;
  const { rowBytes } = layout;
  const what = `the data of table rows ${start}..${start + count - 1}`;
  const place = { file: source.name, hdu: hdu.index };
  const read = await readExact(source, hdu.dataOffset + start * rowBytes, count * rowBytes, place, what);
  if (!read.ok) return read;
  const bytes = read.value;
  const out: Record<string, ColumnData> = {};
  picked.value.forEach((c, i) => {
    if (c.letter === 'A') {
      const data = new Array<string>(count);
      for (let r = 0; r < count; r++) data[r] = fieldText(bytes, r * rowBytes + c.start, c.width);
      out[names[i]] = { kind: 'string', repeat: 1, data };
      return;
    }
    const data = new Float64Array(count);
    for (let r = 0; r < count; r++) {
      const token = fieldText(bytes, r * rowBytes + c.start, c.width).trim();
      const v = token === '' || token === c.tnull ? NaN : parseAsciiNumber(token, c.letter === 'I' ? 0 : c.decimals);
      data[r] = v * c.tscal + c.tzero;
    }
    out[names[i]] = { kind: 'number', repeat: 1, data };
  });
  return ok(out);
}

const IMPLIED = /^([+-]?\d+)(?:[EeDd]([+-]?\d+))?$/;

/** A number field; without a '.', the last `decimals` digits are the fraction (§7.2.5). NaN if unreadable. */
export function parseAsciiNumber(token: string, decimals: number): number {
  const implied = decimals > 0 ? IMPLIED.exec(token) : null;
  if (implied !== null) return Number(implied[1]) * 10 ** ((implied[2] === undefined ? 0 : Number(implied[2])) - decimals);
  const t = token.replace(/[dD]/, 'E');
  return /^[+-]?(\d+\.?\d*|\.\d+)([Ee][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
}
