/**
 * What kind of file is this, from its first bytes (never its name): FITS
 * (starts with the SIMPLE card), gzip (1f 8b), text (no NUL bytes, mostly
 * printable), or unknown.
 */
export type FileKind = 'fits' | 'gzip' | 'text' | 'unknown';

/** Bytes looked at to decide. */
export const SNIFF_BYTES = 4096;
/** Share of printable bytes a text file must have in its first SNIFF_BYTES. */
const TEXT_PRINTABLE_SHARE = 0.95;

export function sniff(head: Uint8Array): FileKind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 6 && String.fromCharCode(...head.subarray(0, 6)) === 'SIMPLE') return 'fits';
  if (head.length === 0) return 'unknown';
  let printable = 0;
  for (const b of head) {
    if (b === 0) return 'unknown';
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  }
  return printable / head.length >= TEXT_PRINTABLE_SHARE ? 'text' : 'unknown';
}
