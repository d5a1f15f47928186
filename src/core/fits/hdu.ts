/**
 * Walking the HDU chain by byte offset: read each header, size its data unit
 * from the header (geometry.ts), skip the data padded to whole blocks, repeat.
 * Only headers are read. A broken HDU after a good one ends the walk with an
 * issue instead of failing the file (astropy's _CorruptedHDU idea).
 */
import type { InputError, Result } from '../types.ts';
import { ok } from '../types.ts';
import type { ByteSource, Hdu, HduKind } from './types.ts';
import { latin1, parseCard } from './card.ts';
import { BLOCK_BYTES, CARD_BYTES } from './constants.ts';
import { type ErrorPlace, bytes, fitsFail } from './errors.ts';
import { dataGeometry } from './geometry.ts';
import { parseHeader } from './header.ts';
import { readHeaderUnit } from './headerUnit.ts';

/** An HDU with the sizes the readers need beyond the public Hdu. */
export interface HduEntry {
  hdu: Hdu;
  pcount: number;
  gcount: number;
}

export interface WalkOptions {
  maxHeaderBlocks: number;
  maxHdus: number;
}

export interface Walk {
  entries: HduEntry[];
  issues: string[];
}

const XTENSION_KINDS: Readonly<Record<string, HduKind>> = {
  IMAGE: 'image',
  BINTABLE: 'bintable',
  A3DTABLE: 'bintable', // pre-standard name of BINTABLE
  TABLE: 'table',
};

/** Walk all HDUs of `source`. Fails only when the primary HDU itself is unusable. */
export async function walkHdus(source: ByteSource, options: WalkOptions): Promise<Result<Walk, InputError>> {
  const entries: HduEntry[] = [];
  const issues: string[] = [];
  if (source.size === 0) return fitsFail('not-fits', { file: source.name, hdu: 0 }, 'the file is empty');
  let offset = 0;
  for (let index = 0; offset < source.size; index++) {
    if (index >= options.maxHdus) {
      issues.push(`${source.name}: stopped after ${options.maxHdus} HDUs; the rest of the file was not read`);
      break;
    }
    const place: ErrorPlace = { file: source.name, hdu: index };
    const next = await readHdu(source, offset, index, options, place);
    if (!next.ok) {
      if (index === 0) return next;
      if (next.error.keyword === 'XTENSION' && (await isPadding(source, offset))) {
        issues.push(`${source.name}: ${bytes(source.size - offset)} after HDU ${index - 1} ignored (they start with a blank block)`);
      } else {
        issues.push(`${next.error.message}; HDUs from ${index} on were skipped`);
      }
      break;
    }
    const { entry, problems, end } = next.value;
    entries.push(entry);
    for (const p of problems) issues.push(`${source.name}: HDU ${index}: ${p}`);
    const { dataOffset, dataBytes } = entry.hdu;
    if (dataOffset + dataBytes > source.size) {
      const present = Math.max(0, source.size - dataOffset);
      const reason = `data unit is truncated: expected ${bytes(dataBytes)}, the file holds ${bytes(present)}`;
      if (index === 0) return fitsFail('truncated', place, reason);
      issues.push(`${source.name}: HDU ${index}: ${reason}`);
      break;
    }
    if (end > source.size) {
      issues.push(`${source.name}: HDU ${index}: the file ends without the padding to a whole 2880-byte block`);
      break;
    }
    offset = end;
  }
  return ok({ entries, issues });
}

interface ReadHdu {
  entry: HduEntry;
  problems: string[];
  /** Offset just past the padded data unit. */
  end: number;
}

async function readHdu(
  source: ByteSource,
  offset: number,
  index: number,
  options: WalkOptions,
  place: ErrorPlace,
): Promise<Result<ReadHdu, InputError>> {
  const unit = await readHeaderUnit(source, offset, options.maxHeaderBlocks, place, (first) =>
    checkFirstCard(first, index, place),
  );
  if (!unit.ok) return unit;
  const { header, problems } = parseHeader(unit.value.cardBytes, unit.value.nCards);
  const geometry = dataGeometry(header, place);
  if (!geometry.ok) return geometry;
  const { bitpix, axes, pcount, gcount, dataBytes } = geometry.value;

  let kind: HduKind = 'primary';
  if (index > 0) {
    const xtension = (header.getString('XTENSION') ?? '').trim().toUpperCase();
    kind = XTENSION_KINDS[xtension] ?? 'other';
    if (kind === 'other') problems.push(`extension type "${xtension}" is not read`);
  }
  const extname = header.getString('EXTNAME')?.trim().toUpperCase() ?? (index === 0 ? 'PRIMARY' : '');
  const dataOffset = offset + unit.value.headerBytes;
  const end = dataOffset + Math.ceil(dataBytes / BLOCK_BYTES) * BLOCK_BYTES;
  const hdu: Hdu = Object.freeze({
    index,
    kind,
    extname,
    header,
    axes: Object.freeze(axes) as number[],
    bitpix,
    dataOffset,
    dataBytes,
  });
  return ok({ entry: { hdu, pcount, gcount }, problems, end });
}

/** Primary: SIMPLE = T. Extension: XTENSION = '<type>'. */
function checkFirstCard(first: Uint8Array, index: number, place: ErrorPlace): Result<void, InputError> {
  if (first.length < CARD_BYTES) {
    return index === 0
      ? fitsFail('not-fits', place, `only ${bytes(first.length)} long: too short to be a FITS file`)
      : fitsFail('truncated', place, `header is truncated: ${bytes(first.length)} left where an extension should start`);
  }
  const card = parseCard(latin1(first, 0, CARD_BYTES));
  if (index === 0) {
    if (card.keyword !== 'SIMPLE') {
      return fitsFail('not-fits', place, 'not a FITS file: it does not start with the card SIMPLE = T');
    }
    if (card.value !== true) {
      return fitsFail('not-fits', place, 'SIMPLE is not T: the file says it does not conform to the FITS standard');
    }
    return ok(undefined);
  }
  if (card.keyword !== 'XTENSION' || typeof card.value !== 'string') {
    return fitsFail('corrupt-header', { ...place, keyword: 'XTENSION' }, 'extension header does not start with XTENSION');
  }
  return ok(undefined);
}

/** True when the block at `offset` is all zero bytes or all blanks (trailing padding). */
async function isPadding(source: ByteSource, offset: number): Promise<boolean> {
  const block = await source.read(offset, BLOCK_BYTES);
  if (block.length === 0) return false;
  const fill = block[0];
  if (fill !== 0 && fill !== 0x20) return false;
  for (let i = 1; i < block.length; i++) if (block[i] !== fill) return false;
  return true;
}
