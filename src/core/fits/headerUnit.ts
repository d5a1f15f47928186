/**
 * Reading one header unit from a byte source: blocks are fetched a few at a
 * time until the END card, bounded by a maximum header size, so a file with
 * no END never makes the reader scan or hold more than that bound.
 */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { ByteSource } from './types.ts';
import { BLOCK_BYTES, CARD_BYTES, HEADER_READ_BLOCKS } from './constants.ts';
import { type ErrorPlace, bytes, fitsFail } from './errors.ts';

export interface HeaderUnit {
  /** The header's bytes up to (not including) the END card. */
  cardBytes: Uint8Array;
  /** Cards before END. */
  nCards: number;
  /** Size of the header unit on disk: END rounded up to whole blocks. */
  headerBytes: number;
}

const E = 0x45;
const N = 0x4e;
const D = 0x44;
const SPACE = 0x20;

/** True when the card at `at` is END (keyword "END" then blanks to column 8). */
function isEndCard(b: Uint8Array, at: number): boolean {
  if (b[at] !== E || b[at + 1] !== N || b[at + 2] !== D) return false;
  for (let i = 3; i < 8; i++) if (b[at + i] !== SPACE) return false;
  return true;
}

/**
 * Read the header starting at `offset`. `checkFirst` sees the first block (or
 * what the file holds of it) and may reject it before anything else is read.
 */
export async function readHeaderUnit(
  source: ByteSource,
  offset: number,
  maxBlocks: number,
  place: ErrorPlace,
  checkFirst: (first: Uint8Array) => Result<void, InputError>,
): Promise<Result<HeaderUnit, InputError>> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let block = 0; block < maxBlocks; ) {
    const nBlocks = Math.min(HEADER_READ_BLOCKS, maxBlocks - block);
    const want = nBlocks * BLOCK_BYTES;
    const got = await source.read(offset + total, want);
    if (block === 0) {
      const first = checkFirst(got.subarray(0, BLOCK_BYTES));
      if (!first.ok) return first;
    }
    const cards = Math.floor(got.length / CARD_BYTES);
    for (let c = 0; c < cards; c++) {
      if (!isEndCard(got, c * CARD_BYTES)) continue;
      const nCards = total / CARD_BYTES + c;
      const cardBytes = concat(parts, got.subarray(0, c * CARD_BYTES), total + c * CARD_BYTES);
      const headerBytes = Math.ceil(((nCards + 1) * CARD_BYTES) / BLOCK_BYTES) * BLOCK_BYTES;
      return ok({ cardBytes, nCards, headerBytes });
    }
    if (got.length < want) {
      return fitsFail(
        'truncated',
        place,
        `header is truncated: the file ends ${bytes(total + got.length)} into the header, before its END card`,
      );
    }
    parts.push(got);
    total += got.length;
    block += nBlocks;
  }
  return fitsFail(
    'corrupt-header',
    place,
    `header has no END card within ${maxBlocks} blocks (${bytes(maxBlocks * BLOCK_BYTES)}); the file is not valid FITS`,
  );
}

function concat(parts: readonly Uint8Array[], last: Uint8Array, length: number): Uint8Array {
  if (parts.length === 0) return last;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  out.set(last, at);
  return out;
}
