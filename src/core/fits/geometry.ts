/**
 * The size of an HDU's data unit from its header (FITS 4.0 §4.4.1):
 * |BITPIX|/8 · GCOUNT · (PCOUNT + NAXIS1 · … · NAXISn), 0 when NAXIS = 0.
 * Every keyword is checked (present, integer, in range) and every product is
 * kept below 2^53 so that hostile values cannot overflow into small ones.
 */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { FitsHeader } from './types.ts';
import { BITPIX_BYTES, MAX_NAXIS } from './constants.ts';
import { type ErrorPlace, fitsFail } from './errors.ts';

export interface DataGeometry {
  bitpix: number;
  /** NAXISn, fastest-varying first. */
  axes: number[];
  pcount: number;
  gcount: number;
  /** Size of the data unit without padding (includes the heap of a bintable). */
  dataBytes: number;
}

interface IntOptions {
  min: number;
  max?: number;
  /** Used when the keyword is absent; without it the keyword is required. */
  fallback?: number;
}

/** A non-negative integer keyword, or a typed error naming it. */
export function intKeyword(
  header: FitsHeader,
  keyword: string,
  place: ErrorPlace,
  { min, max = Number.MAX_SAFE_INTEGER, fallback }: IntOptions,
): Result<number, InputError> {
  const here = { ...place, keyword };
  const v = header.get(keyword);
  if (v === undefined) {
    if (fallback !== undefined) return ok(fallback);
    return fitsFail('corrupt-header', here, `required keyword ${keyword} is missing`);
  }
  if (typeof v === 'bigint') {
    return fitsFail(v < 0n ? 'corrupt-header' : 'too-large', here, `${keyword} = ${v} is out of range`);
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return fitsFail('corrupt-header', here, `${keyword} = ${String(v)} is not an integer`);
  }
  if (v < min) return fitsFail('corrupt-header', here, `${keyword} = ${v} is below ${min}`);
  if (v > max) {
    const code = max === Number.MAX_SAFE_INTEGER ? 'too-large' : 'corrupt-header';
    return fitsFail(code, here, `${keyword} = ${v} is above ${max}`);
  }
  return ok(v);
}

/** Read BITPIX, NAXIS, NAXISn, PCOUNT and GCOUNT and compute the data size. */
export function dataGeometry(header: FitsHeader, place: ErrorPlace): Result<DataGeometry, InputError> {
  const bitpixValue = header.get('BITPIX');
  if (bitpixValue === undefined) {
    return fitsFail('corrupt-header', { ...place, keyword: 'BITPIX' }, 'required keyword BITPIX is missing');
  }
  if (typeof bitpixValue !== 'number' || BITPIX_BYTES[bitpixValue] === undefined) {
    return fitsFail(
      'unsupported-bitpix',
      { ...place, keyword: 'BITPIX' },
      `BITPIX = ${String(bitpixValue)} is not one of 8, 16, 32, 64, -32, -64`,
    );
  }
  const bitpix = bitpixValue;
  const naxis = intKeyword(header, 'NAXIS', place, { min: 0, max: MAX_NAXIS });
  if (!naxis.ok) return naxis;
  const axes: number[] = [];
  for (let n = 1; n <= naxis.value; n++) {
    const axis = intKeyword(header, `NAXIS${n}`, place, { min: 0 });
    if (!axis.ok) return axis;
    axes.push(axis.value);
  }
  const pcount = intKeyword(header, 'PCOUNT', place, { min: 0, fallback: 0 });
  if (!pcount.ok) return pcount;
  const gcount = intKeyword(header, 'GCOUNT', place, { min: 0, fallback: 1 });
  if (!gcount.ok) return gcount;

  let dataBytes = 0;
  if (axes.length > 0) {
    let elements = 1;
    for (let n = 0; n < axes.length; n++) {
      elements *= axes[n];
      if (elements > Number.MAX_SAFE_INTEGER) {
        return fitsFail('too-large', { ...place, keyword: `NAXIS${n + 1}` }, 'NAXIS1 · … · NAXISn exceeds 2^53 elements');
      }
    }
    dataBytes = (BITPIX_BYTES[bitpix] * gcount.value * (pcount.value + elements));
    if (!(dataBytes <= Number.MAX_SAFE_INTEGER)) {
      return fitsFail('too-large', { ...place, keyword: 'PCOUNT' }, 'data size (GCOUNT · (PCOUNT + NAXIS product)) exceeds 2^53 bytes');
    }
  }
  return ok({ bitpix, axes, pcount: pcount.value, gcount: gcount.value, dataBytes });
}
