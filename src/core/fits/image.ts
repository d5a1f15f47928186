/**
 * Image data units: big-endian pixels scaled by BSCALE/BZERO (FITS 4.0 §5.3),
 * BLANK → NaN for integer BITPIX. A row range reads only those rows' bytes;
 * "rows" run along the last (slowest) axis, so in a 2-D image a row is one
 * NAXIS1-long line (one spectrum per row in plate files).
 */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { ByteSource, Hdu, ImageData } from './types.ts';
import { BITPIX_BYTES } from './constants.ts';
import { readExact } from './readExact.ts';
import { copyFloatsBE } from './bigEndian.ts';

export interface RowRange {
  start: number;
  count: number;
}

/** Read an image HDU (all of it, or rows [start, start + count) of its last axis). */
export async function readImage(source: ByteSource, hdu: Hdu, rows?: RowRange): Promise<Result<ImageData, InputError>> {
  if (hdu.kind !== 'primary' && hdu.kind !== 'image') {
    throw new TypeError(`readImage: HDU ${hdu.index} is a ${hdu.kind}, not an image`);
  }
  const axes = [...hdu.axes];
  if (axes.length === 0) return ok({ axes, data: new Float64Array(0) });
  const nRows = axes[axes.length - 1];
  let rowLength = 1;
  for (let i = 0; i < axes.length - 1; i++) rowLength *= axes[i];
  const start = rows?.start ?? 0;
  const count = rows?.count ?? nRows;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(count) || start < 0 || count < 0 || start + count > nRows) {
    throw new RangeError(`readImage: rows ${start}+${count} outside 0..${nRows} of HDU ${hdu.index}`);
  }
  const pixelBytes = BITPIX_BYTES[hdu.bitpix];
  const n = count * rowLength;
  const place = { file: source.name, hdu: hdu.index };
  const what = rows === undefined ? 'the image data' : `the data of image rows ${start}..${start + count - 1}`;
  const read = await readExact(source, hdu.dataOffset + start * rowLength * pixelBytes, n * pixelBytes, place, what);
  if (!read.ok) return read;
  axes[axes.length - 1] = count;
  return ok({ axes, data: decodePixels(read.value, hdu, n) });
}

/** Decode `n` big-endian pixels of `hdu.bitpix`, applying BLANK, BSCALE and BZERO. */
function decodePixels(bytes: Uint8Array, hdu: Hdu, n: number): Float32Array | Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bscale = hdu.header.getNumber('BSCALE') ?? 1;
  const bzeroValue = hdu.header.get('BZERO');
  const bzero = hdu.header.getNumber('BZERO') ?? 0;
  const scaled = bscale !== 1 || bzero !== 0;
  const blank = hdu.bitpix > 0 ? hdu.header.get('BLANK') : undefined;

  if (hdu.bitpix < 0 && !scaled) {
    const out = hdu.bitpix === -32 ? new Float32Array(n) : new Float64Array(n);
    copyFloatsBE(bytes, 1, 0, 0, n, out, 0);
    return out;
  }
  const out = new Float64Array(n);
  if (hdu.bitpix === 64) {
    const blank64 = typeof blank === 'bigint' || typeof blank === 'number' ? BigInt(blank) : undefined;
    // Integer BZERO with BSCALE 1 (e.g. uint64 via 2^63): add exactly in bigint, round once.
    const exactZero = bscale === 1 && (typeof bzeroValue === 'bigint' || Number.isSafeInteger(bzeroValue));
    const zero = exactZero ? BigInt(bzeroValue as number | bigint) : 0n;
    for (let i = 0; i < n; i++) {
      const raw = view.getBigInt64(8 * i);
      if (raw === blank64) out[i] = NaN;
      else out[i] = exactZero ? Number(raw + zero) : Number(raw) * bscale + bzero;
    }
    return out;
  }
  const blankN = typeof blank === 'number' ? blank : NaN;
  if (hdu.bitpix === 32 && !scaled) int32Pixels(view, n, blankN, out);
  else {
    const get = pixelGetter(view, hdu.bitpix);
    for (let i = 0; i < n; i++) {
      const raw = get(i);
      out[i] = raw === blankN ? NaN : raw * bscale + bzero;
    }
  }
  return out;
}

/**
 * Unscaled 32-bit integers (the mask images of SDSS and LAMOST plates, read fibre by fibre): one
 * monomorphic loop. Through a getter closure per pixel they stood out in a browser worker's profile
 * on a plate (CDP profile).
 */
function int32Pixels(view: DataView, n: number, blank: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const raw = view.getInt32(4 * i);
    out[i] = raw === blank ? NaN : raw;
  }
}

function pixelGetter(view: DataView, bitpix: number): (i: number) => number {
  switch (bitpix) {
    case 8:
      return (i) => view.getUint8(i);
    case 16:
      return (i) => view.getInt16(2 * i);
    case 32:
      return (i) => view.getInt32(4 * i);
    case -32:
      return (i) => view.getFloat32(4 * i);
    case -64:
      return (i) => view.getFloat64(8 * i);
    default:
      throw new RangeError(`pixelGetter: BITPIX ${bitpix} is not handled here`);
  }
}
