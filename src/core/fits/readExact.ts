/** Read a byte range that must be complete, or say how much of it the file holds. */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { ByteSource } from './types.ts';
import { type ErrorPlace, bytes, fitsFail } from './errors.ts';

/**
 * Bytes [offset, offset + length) of `source`. Checks the size before reading,
 * so nothing is allocated for a range the file cannot hold. `what` names the
 * range in the message ("data of rows 0–9").
 */
export async function readExact(
  source: ByteSource,
  offset: number,
  length: number,
  place: ErrorPlace,
  what: string,
): Promise<Result<Uint8Array, InputError>> {
  const present = Math.max(0, Math.min(length, source.size - offset));
  if (present < length) {
    return fitsFail('truncated', place, `${what} is truncated: expected ${bytes(length)} at offset ${offset}, the file holds ${bytes(present)}`);
  }
  const got = await source.read(offset, length);
  if (got.length < length) {
    return fitsFail('truncated', place, `${what} is truncated: expected ${bytes(length)} at offset ${offset}, read ${bytes(got.length)}`);
  }
  return ok(got);
}
