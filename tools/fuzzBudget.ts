/**
 * What a file "justifies" allocating (fuzzing, issue 6): every array the
 * reader or an adapter makes holds at most one value per byte of the file's
 * (decompressed) content, and a value takes at most 8 bytes (Float64 from a
 * BITPIX 8 image or a B/X column, a Float64 wavelength per 1-byte pixel). So
 * no single allocation may exceed 8 × the decompressed size, plus a fixed
 * allowance for the model grid's own arrays (4076 pixels) and small tables.
 * Node only (zlib).
 */
import { constants, gunzipSync } from 'node:zlib';

export const BYTES_PER_FILE_BYTE = 8;
/** Fixed allowance independent of the file (model grid arrays, resampling edges, decoder set-up). */
export const FIXED_ALLOWANCE_BYTES = 256 * 1024;

/** Size of the content: the file itself, or what its gzip stream inflates to (a cut stream: what it yields). */
export function contentBytes(bytes: Uint8Array): number {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.length;
  try {
    return Math.max(bytes.length, gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).length);
  } catch {
    return bytes.length;
  }
}

/** Largest single allocation a file of these bytes justifies. */
export function allocationBudget(bytes: Uint8Array): number {
  return BYTES_PER_FILE_BYTE * contentBytes(bytes) + FIXED_ALLOWANCE_BYTES;
}
