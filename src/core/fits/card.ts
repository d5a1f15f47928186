/**
 * One 80-character header card: keyword, value and comment (FITS 4.0 §4.1–4.2).
 * The text is untrusted: every value comes back as plain data, never markup.
 */
import type { HeaderValue } from './types.ts';
import { CARD_BYTES, KEYWORD_LENGTH } from './constants.ts';

export interface Card {
  /** Upper-cased keyword; HIERARCH keys without the prefix, words joined by one space. */
  keyword: string;
  /** undefined for commentary cards (COMMENT, HISTORY, blank, no "= "); null for an empty value. */
  value: HeaderValue | undefined;
  comment?: string;
  /** Set when the value could not be read as the standard says (the raw text is kept as a string). */
  problem?: string;
}

const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([EeDd][+-]?\d+)?$/;

interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
// TextDecoder is not in lib ES2023 but exists in browsers, workers and Node; it is much faster
// than String.fromCharCode for long headers. ('latin1' is windows-1252 there; FITS headers are ASCII.)
const DecoderClass = (globalThis as { TextDecoder?: new (label: string) => TextDecoderLike }).TextDecoder;
const decoder = DecoderClass === undefined ? undefined : new DecoderClass('latin1');

/** Decode bytes as 8-bit text (FITS headers are ASCII; anything else is kept, not interpreted). */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return decoder === undefined ? charCodes(bytes, start, end) : decoder.decode(bytes.subarray(start, end));
}

/** The same without TextDecoder: one UTF-16 unit per byte. */
export function charCodes(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const parts: string[] = [];
  for (let i = start; i < end; i += 8192) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 8192)) as unknown as number[]));
  }
  return parts.join('');
}

/** Parse one card image (80 characters; shorter images are padded with blanks). */
export function parseCard(image: string): Card {
  const text = image.length < CARD_BYTES ? image.padEnd(CARD_BYTES, ' ') : image;
  const head = text.slice(0, KEYWORD_LENGTH).trimEnd().toUpperCase();

  if (head === 'HIERARCH') {
    const rest = text.slice(KEYWORD_LENGTH);
    const eq = rest.indexOf('=');
    if (eq < 0) return { keyword: head, value: undefined, comment: rest.trim() };
    const keyword = rest.slice(0, eq).trim().replace(/\s+/g, ' ').toUpperCase();
    return { keyword, ...parseValue(rest.slice(eq + 1)) };
  }
  if (head === 'CONTINUE') {
    const parsed = parseValue(text.slice(KEYWORD_LENGTH));
    if (typeof parsed.value === 'string' && parsed.problem === undefined) {
      return { keyword: head, ...parsed };
    }
    return { keyword: head, value: undefined, comment: text.slice(KEYWORD_LENGTH).trim() };
  }
  if (text.slice(KEYWORD_LENGTH, KEYWORD_LENGTH + 2) === '= ' && head !== 'COMMENT' && head !== 'HISTORY') {
    return { keyword: head, ...parseValue(text.slice(KEYWORD_LENGTH + 2)) };
  }
  return { keyword: head, value: undefined, comment: text.slice(KEYWORD_LENGTH).trimEnd() };
}

/** The value field (after "= "): a quoted string, logical, integer, real, complex or empty. */
function parseValue(field: string): Omit<Card, 'keyword'> {
  let i = 0;
  while (i < field.length && field[i] === ' ') i++;
  if (field[i] === "'") return parseString(field, i + 1);

  if (field[i] === '(') {
    // Complex value "(re, im)": kept as its text.
    const close = field.indexOf(')', i);
    const end = close < 0 ? field.length : close + 1;
    return withComment(field.slice(i, end).trim(), field.slice(end));
  }
  const slash = field.indexOf('/', i);
  const token = field.slice(i, slash < 0 ? field.length : slash).trim();
  const comment = slash < 0 ? undefined : field.slice(slash + 1).trim();
  if (token === '') return { value: null, comment };
  if (token === 'T') return { value: true, comment };
  if (token === 'F') return { value: false, comment };
  if (INTEGER.test(token)) {
    const n = Number(token);
    return { value: Number.isSafeInteger(n) ? n : BigInt(token), comment };
  }
  if (REAL.test(token)) return { value: Number(token.replace(/[dD]/, 'E')), comment };
  return { value: token, comment, problem: `value "${token}" is not a FITS value` };
}

/** A quoted string from just after its opening quote: '' is a quote; trailing blanks are not significant. */
function parseString(field: string, start: number): Omit<Card, 'keyword'> {
  let value = '';
  let j = start;
  for (;;) {
    const q = field.indexOf("'", j);
    if (q < 0) {
      return { value: (value + field.slice(j)).trimEnd(), problem: 'string value has no closing quote' };
    }
    value += field.slice(j, q);
    if (field[q + 1] === "'") {
      value += "'";
      j = q + 2;
      continue;
    }
    j = q + 1;
    break;
  }
  return withComment(value.trimEnd(), field.slice(j));
}

function withComment(value: string, rest: string): Omit<Card, 'keyword'> {
  const slash = rest.indexOf('/');
  return slash < 0 ? { value } : { value, comment: rest.slice(slash + 1).trim() };
}
