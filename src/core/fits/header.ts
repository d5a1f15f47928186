/**
 * A header: the ordered cards of one HDU, with case-insensitive lookup
 * (last duplicate wins) and OGIP long strings (value ending in '&' followed
 * by CONTINUE cards) joined into one value.
 */
import type { FitsHeader, HeaderCard, HeaderValue } from './types.ts';
import { type Card, latin1, parseCard } from './card.ts';
import { CARD_BYTES, MAX_LONG_STRING_CHARS } from './constants.ts';

export class Header implements FitsHeader {
  readonly #cards: readonly HeaderCard[];
  readonly #index = new Map<string, number>();

  constructor(cards: readonly HeaderCard[]) {
    this.#cards = cards;
    cards.forEach((card, i) => {
      if (card.value !== undefined) this.#index.set(card.keyword, i);
    });
  }

  get(keyword: string): HeaderValue | undefined {
    const i = this.#index.get(keyword.toUpperCase());
    return i === undefined ? undefined : this.#cards[i].value;
  }

  getString(keyword: string): string | undefined {
    const v = this.get(keyword);
    return typeof v === 'string' ? v : undefined;
  }

  /** Numbers; integers beyond 2^53 (bigint) come back rounded to the nearest double. */
  getNumber(keyword: string): number | undefined {
    const v = this.get(keyword);
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    return undefined;
  }

  getBoolean(keyword: string): boolean | undefined {
    const v = this.get(keyword);
    return typeof v === 'boolean' ? v : undefined;
  }

  has(keyword: string): boolean {
    return this.#index.has(keyword.toUpperCase());
  }

  keywords(): string[] {
    const seen = new Set<string>();
    for (const card of this.#cards) if (card.value !== undefined) seen.add(card.keyword);
    return [...seen];
  }

  cards(): readonly HeaderCard[] {
    return this.#cards;
  }
}

export interface ParsedHeader {
  header: Header;
  /** Cards that broke the standard but were kept (plain text). */
  problems: string[];
}

/**
 * Parse `nCards` cards from `bytes` (the END card excluded) into a Header.
 * Never throws on content; oddities are reported in `problems`.
 */
export function parseHeader(bytes: Uint8Array, nCards: number): ParsedHeader {
  const text = latin1(bytes, 0, nCards * CARD_BYTES);
  const raw: Card[] = [];
  for (let i = 0; i < nCards; i++) raw.push(parseCard(text.slice(i * CARD_BYTES, (i + 1) * CARD_BYTES)));
  const problems: string[] = [];
  const cards: HeaderCard[] = [];
  for (let i = 0; i < raw.length; i++) {
    const card = raw[i];
    if (card.problem !== undefined) problems.push(`${card.keyword}: ${card.problem}`);
    if (typeof card.value !== 'string' || !card.value.endsWith('&') || raw[i + 1]?.keyword !== 'CONTINUE') {
      cards.push(toHeaderCard(card));
      continue;
    }
    // Long string: each part but the last loses its trailing '&'. Parts are short and
    // joined once at the end (slicing a growing string would be quadratic).
    const parts = [card.value];
    let length = card.value.length;
    const comments = card.comment ? [card.comment] : [];
    while (parts[parts.length - 1].endsWith('&') && raw[i + 1]?.keyword === 'CONTINUE' && typeof raw[i + 1].value === 'string') {
      const next = raw[i + 1];
      const text = next.value as string;
      if (length - 1 + text.length > MAX_LONG_STRING_CHARS) {
        problems.push(`${card.keyword}: long string cut at ${MAX_LONG_STRING_CHARS} characters`);
        while (raw[i + 1]?.keyword === 'CONTINUE') i++; // drop the rest of the chain
        break;
      }
      parts[parts.length - 1] = parts[parts.length - 1].slice(0, -1);
      parts.push(text);
      length += text.length - 1;
      if (next.comment) comments.push(next.comment);
      i++;
    }
    const value = parts.join('');
    cards.push({ keyword: card.keyword, value, ...(comments.length > 0 && { comment: comments.join(' ') }) });
  }
  return { header: new Header(cards), problems };
}

function toHeaderCard(card: Card): HeaderCard {
  const out: HeaderCard = { keyword: card.keyword, value: card.value };
  if (card.comment !== undefined && card.comment !== '') out.comment = card.comment;
  return out;
}
