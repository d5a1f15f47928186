/** Fixture access for the FITS reader tests (fixtures live in test/fixtures/). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesSource } from '../../../src/core/fits/index.ts';
import type { ByteSource, FitsFile } from '../../../src/core/fits/index.ts';
import { openFits } from '../../../src/core/fits/index.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Bytes of test/fixtures/<path>. */
export function fixtureBytes(path: string): Uint8Array<ArrayBuffer> {
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

/** One 80-character card "KEYWORD = value" (value already in FITS syntax, e.g. "'text'", "T", "42"). */
export function card(keyword: string, value?: string): string {
  const text = value === undefined ? keyword.padEnd(8) : `${keyword.padEnd(8)}= ${value.padStart(20)}`;
  if (text.length > 80) throw new RangeError(`card too long: ${text}`);
  return text.padEnd(80);
}

export interface TestHdu {
  /** Cards without END (it is added), each made with `card`. */
  cards: string[];
  /** Data bytes (padded to a whole block unless `pad` is false). */
  data?: Uint8Array;
  pad?: boolean;
}

/** Assemble a FITS file from hand-written HDUs (tests of odd and broken files). */
export function buildFits(hdus: TestHdu[]): Uint8Array {
  const parts: number[] = [];
  for (const hdu of hdus) {
    const header = [...hdu.cards, 'END'.padEnd(80)].join('');
    for (let i = 0; i < header.length; i++) parts.push(header.charCodeAt(i));
    while (parts.length % 2880 !== 0) parts.push(0x20);
    if (hdu.data !== undefined) {
      for (const b of hdu.data) parts.push(b);
      if (hdu.pad !== false) while (parts.length % 2880 !== 0) parts.push(0);
    }
  }
  return Uint8Array.from(parts);
}

/** Cards of a primary HDU with an image of the given BITPIX and axes. */
export function primaryCards(bitpix: number, axes: number[]): string[] {
  return [
    card('SIMPLE', 'T'),
    card('BITPIX', String(bitpix)),
    card('NAXIS', String(axes.length)),
    ...axes.map((n, i) => card(`NAXIS${i + 1}`, String(n))),
  ];
}

/** Expected numbers from expected.json: null → NaN, 'Infinity' → ∞. */
export function jsonNumbers(values: readonly (number | string | null)[]): number[] {
  return values.map((v) => (v === null ? NaN : typeof v === 'string' ? Number(v) : v));
}

/** astropy's readings of the fixtures in test/fixtures/fits (made by tools/make_fits_fixtures.py). */
export function expectedJson(): ExpectedJson {
  return JSON.parse(new TextDecoder().decode(fixtureBytes('fits/expected.json'))) as ExpectedJson;
}

export interface ExpectedJson {
  images: { extname: string; bitpix: number; axes: number[]; data: (number | string | null)[]; exact?: string[] }[];
  tables: Record<string, (number | string | null)[]> & { _TDIM7: string; _TFORMS: string[] };
  ascii: Record<string, (number | string | null)[]>;
  header: Record<string, string | number | string[]>;
}
