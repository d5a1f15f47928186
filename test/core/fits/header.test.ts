import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../../src/core/fits/header.ts';
import { MAX_LONG_STRING_CHARS } from '../../../src/core/fits/constants.ts';
import { card, expectedJson, openFixture } from './helpers.ts';

function headerOf(cards: string[]) {
  const text = cards.join('');
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
  return parseHeader(bytes, cards.length);
}

describe('parseHeader on an astropy-made header (CONTINUE, HIERARCH, D exponent, big integer)', () => {
  it('gives the values astropy gives', async () => {
    const want = expectedJson().header;
    const file = await openFixture('fits/header.fits');
    const h = file.hdus[0].header;
    expect(h.getString('OBJECT')).toBe(want.OBJECT);
    expect(h.getString('LONGSTR')).toBe(want.LONGSTR);
    expect(h.get('BIGINT')).toBe(BigInt(want.BIGINT as string));
    expect(h.getNumber('BIGINT')).toBe(Number(want.BIGINT));
    expect(h.getString('ESO DET CHIP NAME')).toBe(want['ESO DET CHIP NAME']);
    expect(h.getNumber('eso tel airm start')).toBe(want['ESO TEL AIRM START']);
    expect(h.getNumber('DEXP')).toBe(want.DEXP);
    expect(h.getString('MIXED')).toBe(want.MIXED);
    expect(h.getBoolean('FLAG')).toBe(true);
    expect(h.getBoolean('NOFLAG')).toBe(false);
    expect(h.get('EMPTY')).toBeNull();
    expect(h.has('EMPTY')).toBe(true);
    expect(h.has('NOPE')).toBe(false);
    expect(h.getString('FLAG')).toBeUndefined();
    expect(h.getNumber('OBJECT')).toBeUndefined();
    expect(h.keywords()).toEqual(want.keywords);
    const cards = h.cards();
    expect(cards.find((c) => c.keyword === 'LONGSTR')?.comment).toBe('a long string');
    expect(cards.filter((c) => c.keyword === 'CONTINUE')).toEqual([]);
    expect(cards.find((c) => c.keyword === 'HISTORY')).toEqual({ keyword: 'HISTORY', value: undefined, comment: 'made by make_fits_fixtures.py' });
    expect(file.issues).toEqual([]);
  });
});

describe('parseHeader', () => {
  it('lets the last duplicate win, case-insensitively', () => {
    const { header } = headerOf([card('A', '1'), card('B', '2'), card('A', '3')]);
    expect(header.get('a')).toBe(3);
    expect(header.keywords()).toEqual(['A', 'B']);
  });

  it('bounds endless CONTINUE cards and reports the cut', () => {
    const cards = [`LONG    = '${'x'.repeat(60)}&'`.padEnd(80)];
    for (let i = 0; i < 2000; i++) cards.push(`CONTINUE  '${'y'.repeat(60)}&'`.padEnd(80));
    const { header, problems } = headerOf(cards);
    const value = header.getString('LONG') ?? '';
    expect(value.length).toBeLessThanOrEqual(MAX_LONG_STRING_CHARS);
    expect(value.length).toBeGreaterThan(MAX_LONG_STRING_CHARS - 61);
    expect(problems).toEqual([`LONG: long string cut at ${MAX_LONG_STRING_CHARS} characters`]);
  });

  it('keeps a value ending in & when no CONTINUE follows, and orphan CONTINUE cards as cards', () => {
    const { header } = headerOf([card('A', "'R&D&'"), card('B', "'x'"), "CONTINUE  'orphan'".padEnd(80)]);
    expect(header.getString('A')).toBe('R&D&');
    expect(header.cards().map((c) => c.keyword)).toEqual(['A', 'B', 'CONTINUE']);
    expect(headerOf(["CONTINUE  'orphan'".padEnd(80)]).header.cards()).toEqual([{ keyword: 'CONTINUE', value: 'orphan' }]);
  });

  it('reports unreadable values as problems', () => {
    const { header, problems } = headerOf([card('BAD', '1.2.3')]);
    expect(header.get('BAD')).toBe('1.2.3');
    expect(problems).toEqual(['BAD: value "1.2.3" is not a FITS value']);
  });
});
