/** Fixture access for the FITS reader tests (fixtures live in test/fixtures/). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesSource } from '../../../src/core/fits/index.ts';
import type { ByteSource, FitsFile } from '../../../src/core/fits/index.ts';
import { openFits } from '../../../src/core/fits/index.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Bytes of test/fixtures/<path>. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + path));
}

/** A byte source over test/fixtures/<path>, named after its last path part. */
export function fixtureSource(path: string): ByteSource {
  return bytesSource(path.split('/').pop() ?? path, fixtureBytes(path));
}

/** A source that records every read (offset, length) so tests can see what was touched. */
export function countingSource(source: ByteSource): ByteSource & { reads: [number, number][]; bytesRead: number } {
  const counted = {
    name: source.name,
    size: source.size,
    reads: [] as [number, number][],
    bytesRead: 0,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const got = await source.read(offset, length);
      counted.reads.push([offset, got.length]);
      counted.bytesRead += got.length;
      return got;
    },
  };
  return counted;
}

/** Open a fixture and fail the test if it does not open. */
export async function openFixture(path: string): Promise<FitsFile> {
  const opened = await openFits(fixtureSource(path));
  if (!opened.ok) throw new Error(`fixture ${path} did not open: ${opened.error.message}`);
  return opened.value;
}

/** Unwrap a Result in a test (throws with the error message). */
export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
