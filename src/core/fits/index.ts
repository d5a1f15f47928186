/**
 * The FITS reader. Hand-written because no npm FITS reader is adequate
 * (shared/docs/STACK.md §4): fitsjs decodes int64 'K' wrongly, ignores
 * TZERO/TSCAL, has no gzip and is unmaintained; fits-reader-js has no tests,
 * types, TZERO/TSCAL or gzip.
 *
 * `openFits` reads every header and no data; `readImage`/`readColumns` read
 * only the bytes asked for. Bad input resolves to a typed error, never throws.
 */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { ByteSource, FitsFile } from './types.ts';
import { DEFAULT_MAX_DECOMPRESSED_BYTES, MAX_HDUS, MAX_HEADER_BLOCKS } from './constants.ts';
import { walkHdus } from './hdu.ts';
import { gunzipSource, isGzip } from './gzip.ts';
import { OpenedFits } from './fitsFile.ts';
import { fitsFail } from './errors.ts';
import { SourceReadError, guardedSource } from './byteSource.ts';

export type * from './types.ts';
export { blobSource, bytesSource } from './byteSource.ts';

export interface OpenFitsOptions {
  /** A header with no END within this many 2880-byte blocks is 'corrupt-header'. @default 1000 */
  maxHeaderBlocks?: number;
  /** Stop walking after this many HDUs (recorded in `issues`). @default 10000 */
  maxHdus?: number;
  /** A gzip file that inflates beyond this many bytes is 'too-large'. @default 2 GiB */
  maxDecompressedBytes?: number;
}

/** Open a FITS file (plain or gzip-compressed): all headers parsed, no data read. */
export async function openFits(source: ByteSource, options: OpenFitsOptions = {}): Promise<Result<FitsFile, InputError>> {
  const {
    maxHeaderBlocks = MAX_HEADER_BLOCKS,
    maxHdus = MAX_HDUS,
    maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES,
  } = options;
  try {
    let src = guardedSource(source);
    if (await isGzip(src)) {
      const inflated = await gunzipSource(src, maxDecompressedBytes);
      if (!inflated.ok) return inflated;
      src = inflated.value;
    }
    const walk = await walkHdus(src, { maxHeaderBlocks, maxHdus });
    if (!walk.ok) return walk;
    return ok(new OpenedFits(src, walk.value.entries, walk.value.issues));
  } catch (e) {
    // Only a failing byte source (I/O) is turned into a result; anything else is a bug and propagates.
    if (e instanceof SourceReadError) return fitsFail('internal', { file: source.name }, e.message);
    throw e;
  }
}
