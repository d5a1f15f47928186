/**
 * Mutations of FITS files for robustness testing (tools/fuzz.ts and the
 * property test in test/core/fits/), and `exerciseFits`, which opens a file
 * and reads every HDU's data the way the app would. Pure: no Node APIs.
 */
import { bytesSource, openFits } from '../src/core/fits/index.ts';
import type { ByteSource, ColumnData } from '../src/core/fits/index.ts';
import { seededRandom } from '../src/core/seededRandom.ts';

/** Seeded PRNG (mulberry32, core/seededRandom.ts): the same seed gives the same mutations. */
export const rng = seededRandom;

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const int = (r: () => number, n: number): number => Math.floor(r() * n);

/** Byte offsets where headers and data units start and end (blocks and cards near them). */
export function boundaries(bytes: Uint8Array): number[] {
  const out = new Set<number>([0, 1, 79, 80, 81, bytes.length - 1]);
  for (let b = 2880; b < bytes.length; b += 2880) for (const d of [-81, -80, -1, 0, 1, 80]) out.add(b + d);
  return [...out].filter((x) => x >= 0 && x < bytes.length).sort((a, b) => a - b);
}

/** Card offsets (multiples of 80) whose keyword matches `re`, in header blocks only. */
export function cardOffsets(bytes: Uint8Array, re: RegExp): number[] {
  const out: number[] = [];
  for (let at = 0; at + 80 <= bytes.length; at += 80) {
    const kw = String.fromCharCode(...bytes.subarray(at, at + 8)).trimEnd();
    if (re.test(kw) && bytes[at + 8] === 0x3d) out.push(at);
  }
  return out;
}

const ABSURD = [
  '-1', '0', '1', '-2147483648', '2147483648', '4294967296', '9007199254740993', '99999999999999999999',
  '1e300', '-1e300', 'NaN', '2.5', 'T', "'x'", '', '7', '12', "'8'",
  "'9999999999E'", "'Z'", "'1PE(99999999)'", "'2147483648D'", "'0E'", "'-1J'", "'1QD(3)'", "'E20.30'",
];

/** Replace the value of the card at `at` with `value` (right-justified in columns 11–30). */
export function setValue(bytes: Uint8Array, at: number, value: string): Uint8Array {
  const copy = bytes.slice();
  const text = value.length <= 20 ? value.padStart(20) : value;
  const field = text.padEnd(70).slice(0, 70);
  for (let i = 0; i < 70; i++) copy[at + 10 + i] = field.charCodeAt(i);
  return copy;
}

export type MutationKind = 'truncate' | 'bitflip' | 'absurd-value' | 'no-end' | 'continue-flood' | 'block-shuffle' | 'garbage';

export interface Mutation {
  kind: MutationKind;
  bytes: Uint8Array;
  note: string;
}

/** One mutation of `seed` chosen by `r`. */
export function mutate(seed: Uint8Array, r: () => number): Mutation {
  const kind = pick<MutationKind>(r, ['truncate', 'truncate', 'bitflip', 'bitflip', 'absurd-value', 'absurd-value', 'absurd-value', 'no-end', 'continue-flood', 'block-shuffle', 'garbage']);
  switch (kind) {
    case 'truncate': {
      const cut = r() < 0.7 ? pick(r, boundaries(seed)) : int(r, seed.length);
      return { kind, bytes: seed.subarray(0, cut), note: `cut at ${cut}` };
    }
    case 'bitflip': {
      const copy = seed.slice();
      const n = 1 + int(r, 8);
      // Mostly in headers (the first block of each HDU is where structure lives).
      const headerish = cardOffsets(seed, /./);
      for (let i = 0; i < n; i++) {
        const at = r() < 0.7 && headerish.length > 0 ? pick(r, headerish) + int(r, 80) : int(r, seed.length);
        copy[at] ^= 1 << int(r, 8);
      }
      return { kind, bytes: copy, note: `${n} bit flips` };
    }
    case 'absurd-value': {
      const targets = cardOffsets(seed, /^(BITPIX|NAXIS\d*|PCOUNT|GCOUNT|TFIELDS|TFORM\d+|TBCOL\d+|TSCAL\d+|TZERO\d+|TNULL\d+|TDIM\d+|BSCALE|BZERO|BLANK|XTENSION|SIMPLE|EXTNAME)$/);
      if (targets.length === 0) return mutate(seed, r);
      const at = pick(r, targets);
      const value = pick(r, ABSURD);
      return { kind, bytes: setValue(seed, at, value), note: `card at ${at} = ${value}` };
    }
    case 'no-end': {
      const copy = seed.slice();
      for (const at of endCards(seed)) if (r() < 0.7) copy.fill(0x20, at, at + 3);
      return { kind, bytes: copy, note: 'END cards blanked' };
    }
    case 'continue-flood': {
      const blocks = 1 + int(r, 1200);
      return { kind, bytes: continueFlood(blocks, r() < 0.5), note: `${blocks} blocks of CONTINUE` };
    }
    case 'block-shuffle': {
      const nBlocks = Math.floor(seed.length / 2880);
      if (nBlocks < 2) return mutate(seed, r);
      const copy = seed.slice();
      const a = int(r, nBlocks);
      const b = int(r, nBlocks);
      copy.set(seed.subarray(b * 2880, (b + 1) * 2880), a * 2880);
      return { kind, bytes: copy, note: `block ${b} copied over block ${a}` };
    }
    case 'garbage': {
      const n = pick(r, [0, 1, 80, 2880, 5760, 10_000]);
      const copy = new Uint8Array(n);
      for (let i = 0; i < n; i++) copy[i] = int(r, 256);
      if (n >= 80 && r() < 0.5) copy.set(seed.subarray(0, 80)); // a valid SIMPLE card, then noise
      return { kind, bytes: copy, note: `${n} random bytes` };
    }
  }
}

function endCards(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let at = 0; at + 80 <= bytes.length; at += 80) {
    if (bytes[at] === 0x45 && bytes[at + 1] === 0x4e && bytes[at + 2] === 0x44 && bytes[at + 3] === 0x20) out.push(at);
  }
  return out;
}

/** A primary header with one long string continued over `blocks` blocks (with or without END). */
export function continueFlood(blocks: number, withEnd: boolean): Uint8Array {
  const cards = ['SIMPLE  =                    T', 'BITPIX  =                    8', 'NAXIS   =                    0', `LONG    = '${'a'.repeat(60)}&'`];
  while (cards.length < blocks * 36 - 1) cards.push(`CONTINUE  '${'b'.repeat(60)}&'`);
  if (withEnd) cards.push('END');
  const text = cards.map((c) => c.padEnd(80)).join('').padEnd(blocks * 2880);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export interface Exercise {
  /** 'ok' or the open error code. */
  outcome: string;
  /** Error codes of data reads after a successful open. */
  readErrors: string[];
  /** Bytes of the largest output array made. */
  largestOutput: number;
}

/** Open `source` and read every HDU's data (images whole and one row; tables all columns). Checks output sizes. */
export async function exerciseFits(source: ByteSource): Promise<Exercise> {
  const opened = await openFits(source);
  if (!opened.ok) {
    checkMessage(source.name, opened.error.message);
    return { outcome: opened.error.code, readErrors: [], largestOutput: 0 };
  }
  const file = opened.value;
  const readErrors: string[] = [];
  let largestOutput = 0;
  const note = (bytes: number) => (largestOutput = Math.max(largestOutput, bytes));
  for (const hdu of file.hdus) {
    if (hdu.kind === 'primary' || hdu.kind === 'image') {
      const image = await file.readImage(hdu);
      if (!image.ok) {
        checkMessage(source.name, image.error.message);
        readErrors.push(image.error.code);
      } else {
        const n = image.value.axes.reduce((a, b) => a * b, image.value.axes.length > 0 ? 1 : 0);
        if (image.value.data.length !== n) throw new Error(`image of HDU ${hdu.index}: ${image.value.data.length} values for axes ${image.value.axes}`);
        note(image.value.data.byteLength);
      }
      const rows = hdu.axes.length > 0 ? hdu.axes[hdu.axes.length - 1] : 0;
      if (rows > 0) {
        const last = await file.readImage(hdu, { start: rows - 1, count: 1 });
        if (!last.ok) readErrors.push(last.error.code);
      }
    } else if (hdu.kind === 'bintable' || hdu.kind === 'table') {
      const columns = file.columns(hdu);
      const heap = columns.filter((c) => /^\d*[PQ]/i.test(c.tform.trim()));
      const plain = columns.filter((c) => !heap.includes(c));
      for (const group of [plain.map((c) => c.name), ...heap.map((c) => [c.name])]) {
        if (group.length === 0) continue;
        const read = await file.readColumns(hdu, group);
        if (!read.ok) {
          checkMessage(source.name, read.error.message);
          readErrors.push(read.error.code);
          continue;
        }
        const rows = hdu.axes[1];
        for (const [name, col] of Object.entries(read.value)) {
          checkColumn(name, col, rows);
          note(col.kind === 'string' ? col.data.reduce((a, s) => a + 2 * s.length, 0) : col.data.byteLength);
        }
      }
    }
  }
  return { outcome: 'ok', readErrors, largestOutput };
}

/** Every error message starts with the file name (an invariant of the reader). */
function checkMessage(name: string, message: string): void {
  if (!message.startsWith(`${name}: `)) throw new Error(`message does not name the file: ${message}`);
}

function checkColumn(name: string, col: ColumnData, rows: number): void {
  const expected = col.kind === 'string' ? rows : rows * col.repeat;
  if (col.data.length !== expected) throw new Error(`column ${name}: ${col.data.length} values, expected ${expected}`);
}

/** Wrap bytes as a source that records the largest single read. */
export function measuredSource(name: string, bytes: Uint8Array): ByteSource & { largestRead: number; bytesRead: number } {
  const inner = bytesSource(name, bytes);
  const s = {
    name,
    size: inner.size,
    largestRead: 0,
    bytesRead: 0,
    async read(offset: number, length: number) {
      const got = await inner.read(offset, length);
      s.largestRead = Math.max(s.largestRead, got.length);
      s.bytesRead += got.length;
      return got;
    },
  };
  return s;
}
