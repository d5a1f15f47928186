/**
 * A ByteSource over a file on disk (Node only, hence outside src/core): each
 * read is a positioned read on one open file handle, so opening a 1 GB file
 * reads only its headers. The handle is closed with `close()` (or left to the
 * process exit in one-shot command-line tools).
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from '../src/core/fits/types.ts';

export interface NodeFileSource extends ByteSource {
  close(): Promise<void>;
}

/** Open `path` for random-access reads. Rejects if the file cannot be opened (a Node error). */
export async function nodeFileSource(path: string): Promise<NodeFileSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    name: basename(path),
    size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0) {
        throw new RangeError(`read(${offset}, ${length}): offset and length must be non-negative integers`);
      }
      const n = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const { bytesRead } = await handle.read(buffer, filled, n - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === n ? buffer : buffer.subarray(0, filled);
    },
    close: () => handle.close(),
  };
}
