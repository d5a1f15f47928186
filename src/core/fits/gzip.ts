/**
 * gzip-compressed FITS (.fits.gz): detected by the 1f 8b magic, inflated with
 * the platform's DecompressionStream (browsers, Node ≥ 18). gzip has no random
 * access, so the whole stream is inflated once, read in pieces and kept as
 * pieces (chunksSource), with a cap on the decompressed size.
 */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { ByteSource } from './types.ts';
import { GZIP_MAGIC } from './constants.ts';
import { chunksSource } from './byteSource.ts';
import { bytes, fitsFail } from './errors.ts';

// Structural types for the Streams API (not in lib ES2023; no DOM types in core).
interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}
interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}
interface Decompressor {
  readable: { getReader(): StreamReader };
  writable: { getWriter(): StreamWriter };
}
type DecompressorConstructor = new (format: 'gzip') => Decompressor;

/** Compressed bytes read per request. */
const INPUT_CHUNK_BYTES = 1024 * 1024;

/** True when the source starts with the gzip magic bytes. */
export async function isGzip(source: ByteSource): Promise<boolean> {
  const head = await source.read(0, 2);
  return head.length === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * Inflate a gzip source into an in-memory source named like the original.
 * More than `maxBytes` of output gives 'too-large'; a damaged or cut stream
 * gives 'truncated' (cut) or 'not-fits' (not valid gzip).
 */
export async function gunzipSource(source: ByteSource, maxBytes: number): Promise<Result<ByteSource, InputError>> {
  const place = { file: source.name };
  const Ctor = (globalThis as { DecompressionStream?: DecompressorConstructor }).DecompressionStream;
  if (Ctor === undefined) {
    return fitsFail('internal', place, 'this environment cannot decompress gzip files (no DecompressionStream); decompress the file first');
  }
  const stream = new Ctor('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  // Feed compressed bytes while the loop below drains the output (backpressure both ways).
  const feeding = (async () => {
    for (let at = 0; at < source.size && !stopped; at += INPUT_CHUNK_BYTES) {
      await writer.write(await source.read(at, INPUT_CHUNK_BYTES));
    }
    if (!stopped) await writer.close();
  })();
  feeding.catch(() => undefined); // errors surface through the reader

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value === undefined || value.length === 0) continue;
      total += value.length;
      if (total > maxBytes) {
        stopped = true;
        await reader.cancel('too large').catch(() => undefined);
        await writer.abort('too large').catch(() => undefined);
        return fitsFail('too-large', place, `decompresses to more than ${bytes(maxBytes)}; decompress it outside the app or raise the limit`);
      }
      chunks.push(value);
    }
    await feeding;
  } catch (e) {
    stopped = true;
    await writer.abort(e).catch(() => undefined);
    const reason = e instanceof Error ? e.message : String(e);
    const cut = /end of (file|stream|data)|unexpected end|premature|incomplete/i.test(reason);
    return cut
      ? fitsFail('truncated', place, `gzip data is cut short (${reason}); the download may be incomplete, fetch the file again`)
      : fitsFail('not-fits', place, `gzip data is damaged (${reason}); this is not a readable .gz file`);
  }
  return ok(chunksSource(source.name, chunks));
}
