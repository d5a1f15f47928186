/**
 * Byte sources: random access to a file's bytes without holding it whole.
 * A Blob/File (browser) is sliced per read; an in-memory array is viewed.
 * Node's file handles live outside core (tools/nodeFileSource.ts).
 */
import type { ByteSource } from './types.ts';

/** The part of a Blob/File the reader uses (structural: no DOM types in core). */
export interface BlobLike {
  name?: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

function checkRange(offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`read(${offset}, ${length}): offset and length must be non-negative integers`);
  }
}

/**
 * A source over bytes already in memory. `read` returns views into `bytes`
 * (no copy): callers must not write to them.
 */
export function bytesSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    async read(offset: number, length: number): Promise<Uint8Array> {
      checkRange(offset, length);
      const start = Math.min(offset, bytes.length);
      return bytes.subarray(start, Math.min(bytes.length, start + length));
    },
  };
}

/** Read-ahead of a blobSource: small reads are served from a few windows of the file read whole. */
export interface ReadAhead {
  /** Bytes read per window (a read at least half this long goes to the file directly). */
  windowBytes: number;
  /** Windows kept, least recently used out first. */
  windows: number;
}

/**
 * A source over a Blob or File: each read slices only the bytes asked for, or, with `readAhead`,
 * a window from there on that the next small reads are served from (views into it). A multi-fibre
 * file read fibre by fibre asks for a few kB in each of several image HDUs per fibre: every slice
 * is a round trip to the browser process (~1–3 ms of CPU), so windows make one trip of many fibres.
 */
export function blobSource(blob: BlobLike, name?: string, readAhead?: ReadAhead): ByteSource {
  const sliceOf = async (start: number, end: number) => new Uint8Array(await blob.slice(start, end).arrayBuffer());
  const windows: { start: number; bytes: Uint8Array }[] = [];
  return {
    name: name ?? blob.name ?? 'file',
    size: blob.size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      checkRange(offset, length);
      const start = Math.min(offset, blob.size);
      const end = Math.min(blob.size, start + length);
      if (end <= start) return new Uint8Array(0);
      if (!readAhead || end - start >= readAhead.windowBytes / 2) return sliceOf(start, end);
      let i = windows.findIndex((w) => w.start <= start && end <= w.start + w.bytes.length);
      if (i < 0) {
        windows.unshift({ start, bytes: await sliceOf(start, Math.min(blob.size, start + readAhead.windowBytes)) });
        if (windows.length > readAhead.windows) windows.pop();
        i = 0;
      } else if (i > 0) windows.unshift(...windows.splice(i, 1));
      const w = windows[0];
      return w.bytes.subarray(start - w.start, end - w.start);
    },
  };
}

/**
 * A source over decompressed pieces kept as they came (no final concatenation,
 * so a large file is never held twice). Reads across pieces are copied.
 */
export function chunksSource(name: string, chunks: readonly Uint8Array[]): ByteSource {
  const starts: number[] = [];
  let size = 0;
  for (const c of chunks) {
    starts.push(size);
    size += c.length;
  }
  return {
    name,
    size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      checkRange(offset, length);
      const start = Math.min(offset, size);
      const end = Math.min(size, start + length);
      // Last piece starting at or before `start` (binary search).
      let lo = 0;
      let hi = chunks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= start) lo = mid;
        else hi = mid - 1;
      }
      if (end <= start) return new Uint8Array(0);
      const first = chunks[lo];
      const within = start - starts[lo];
      if (within + (end - start) <= first.length) {
        return first.subarray(within, within + (end - start));
      }
      const out = new Uint8Array(end - start);
      let filled = 0;
      for (let k = lo; filled < out.length; k++) {
        const from = k === lo ? within : 0;
        const piece = chunks[k].subarray(from, Math.min(chunks[k].length, from + out.length - filled));
        out.set(piece, filled);
        filled += piece.length;
      }
      return out;
    },
  };
}

/** A read that failed in the byte source itself (I/O), as opposed to a bug in the reader. */
export class SourceReadError extends Error {
  constructor(name: string, cause: unknown) {
    super(`could not read ${name} (${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'SourceReadError';
  }
}

/** Wrap a source so that its failures are SourceReadError (turned into typed errors by the reader). */
export function guardedSource(source: ByteSource): ByteSource {
  return {
    name: source.name,
    size: source.size,
    read: (offset, length) =>
      source.read(offset, length).catch((e: unknown) => {
        throw new SourceReadError(source.name, e);
      }),
  };
}
