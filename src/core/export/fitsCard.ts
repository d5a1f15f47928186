/**
 * Writing FITS header cards (FITS 4.0 §4.2): 80 ASCII characters, keyword in
 * columns 1–8, "= " in 9–10, fixed-format values (logical and integer right-
 * justified to column 30, strings quoted from column 11).
 */

export const CARD_LENGTH = 80;
export const KEYWORD_LENGTH = 8;
export const BLOCK_BYTES = 2880;
/** Longest string value that fits one card: 80 − 10 − 2 quotes. */
export const MAX_STRING_VALUE = 68;

export type CardValue = string | number | boolean;

/**
 * Text as printable ASCII (FITS headers and A columns hold nothing else), reversibly: a backslash is
 * written '\\', any other UTF-16 unit outside 0x20–0x7E as '\uXXXX' (4 lowercase hex digits), so
 * 'é' is '\u00e9' rather than a lost '?'. ESCAPE_COMMENT says so in the file; unescapeAscii reads it back.
 */
export function escapeAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20 && c <= 0x7e) out += text[i];
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** Lossy: every character that is not printable ASCII becomes '?' (the CLI's curves file, tools/lib/curvesFits.ts). */
export function printableAscii(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    out += c >= 0x20 && c <= 0x7e ? ch : '?';
  }
  return out;
}

/** The inverse of escapeAscii (a lone backslash not starting an escape is kept as it is). */
export function unescapeAscii(text: string): string {
  return text.replace(/\\(\\|u[0-9a-fA-F]{4})/g, (_m, e: string) => (e === '\\' ? '\\' : String.fromCharCode(parseInt(e.slice(1), 16))));
}

/** The COMMENT card text that documents escapeAscii in every exported header (≤ 72 characters). */
export const ESCAPE_COMMENT = 'Text is ASCII: non-ASCII as \\uXXXX (UTF-16, hex), backslash as \\\\';

/** A COMMENT card (FITS 4.0 §4.4.2.4): the writer's own printable-ASCII text in columns 9–80, as it is. */
export function commentCard(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text) || text.length > CARD_LENGTH - KEYWORD_LENGTH) throw new RangeError(`bad COMMENT '${text}'`);
  return `${'COMMENT'.padEnd(KEYWORD_LENGTH)}${text}`.padEnd(CARD_LENGTH);
}

/** One 80-character card. Throws for keywords or values the writer never produces. */
export function card(keyword: string, value: CardValue, comment?: string): string {
  if (!/^[A-Z0-9_-]{1,8}$/.test(keyword)) throw new RangeError(`bad FITS keyword '${keyword}'`);
  let v: string;
  if (typeof value === 'boolean') v = (value ? 'T' : 'F').padStart(20);
  else if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new RangeError(`card ${keyword}: only integer values are written`);
    v = String(value).padStart(20);
  } else {
    const s = escapeAscii(value).replaceAll("'", "''");
    if (s.length > MAX_STRING_VALUE) throw new RangeError(`card ${keyword}: string longer than ${MAX_STRING_VALUE}`);
    v = `'${s.padEnd(8)}'`.padEnd(20);
  }
  let text = `${keyword.padEnd(KEYWORD_LENGTH)}= ${v}`;
  if (comment !== undefined) text += ` / ${escapeAscii(comment)}`;
  return text.slice(0, CARD_LENGTH).padEnd(CARD_LENGTH);
}

/** Cards plus END, padded with blanks to whole 2880-byte blocks, as bytes. */
export function headerBytes(cards: readonly string[]): Uint8Array {
  const text = [...cards, 'END'.padEnd(CARD_LENGTH)].join('');
  const size = Math.ceil(text.length / BLOCK_BYTES) * BLOCK_BYTES;
  const bytes = new Uint8Array(size).fill(0x20);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
