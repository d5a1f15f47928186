/** Typed errors for outside input: every message names the file, the HDU and the reason. */
import type { InputError, InputErrorCode } from '../types.ts';
import { fail } from '../types.ts';

export interface ErrorPlace {
  /** File name as the user gave it. */
  file: string;
  hdu?: number;
  keyword?: string;
}

/** Build an InputError whose message reads "<file>: HDU <n>: <reason>". Plain text only. */
export function fitsError(code: InputErrorCode, place: ErrorPlace, reason: string): InputError {
  const where = place.hdu === undefined ? place.file : `${place.file}: HDU ${place.hdu}`;
  const error: InputError = { code, message: `${where}: ${reason}` };
  if (place.hdu !== undefined) error.hdu = place.hdu;
  if (place.keyword !== undefined) error.keyword = place.keyword;
  return error;
}

/** `fail(fitsError(...))` in one call. */
export function fitsFail(
  code: InputErrorCode,
  place: ErrorPlace,
  reason: string,
): { ok: false; error: InputError } {
  return fail(fitsError(code, place, reason));
}

/** Format a byte count for messages, e.g. "2880 bytes". */
export function bytes(n: number): string {
  return `${n} byte${n === 1 ? '' : 's'}`;
}
