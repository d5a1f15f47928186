import { describe, expect, it } from 'vitest';
import { parseAsciiNumber } from '../../../src/core/fits/asciitable.ts';
import { bytesSource, openFits } from '../../../src/core/fits/index.ts';
import { buildFits, card, expectedJson, jsonNumbers, openFixture, primaryCards, unwrap } from './helpers.ts';

describe('ASCII tables', () => {
  it('reads an astropy-made TABLE (A10, I6, F8.3, E12.4, D20.10) like astropy', async () => {
    const want = expectedJson().ascii;
    const file = await openFixture('fits/ascii.fits');
    const hdu = file.byName('ASCII')!;
    expect(hdu.kind).toBe('table');
    expect(file.columns(hdu).map((c) => [c.name, c.tform])).toEqual([
      ['NAME', 'A10'],
      ['COUNT', 'I6'],
      ['F', 'F8.3'],
      ['EXP', 'E12.4'],
      ['DBL', 'D20.10'],
    ]);
    const d = unwrap(await file.readColumns(hdu, ['NAME', 'COUNT', 'F', 'EXP', 'DBL']));
    expect(d.NAME).toEqual({ kind: 'string', repeat: 1, data: want.NAME });
    for (const k of ['COUNT', 'F', 'EXP', 'DBL']) expect(Array.from(d[k].data as Float64Array), k).toEqual(jsonNumbers(want[k]));
    const part = unwrap(await file.readColumns(hdu, ['F'], { start: 2, count: 2 }));
    expect(Array.from(part.F.data as Float64Array)).toEqual(jsonNumbers(want.F).slice(2));
  });

  it('applies implied decimals, TSCAL/TZERO, and TNULL/blank → NaN', async () => {
    const rows = ['  12345 1.5', '   -250    ', '    N/A 2e1', '   12.5 xx '].join('');
    const bytes = buildFits([
      { cards: [...primaryCards(8, []), card('EXTEND', 'T')] },
      {
        cards: [
          card('XTENSION', "'TABLE'"), card('BITPIX', '8'), card('NAXIS', '2'), card('NAXIS1', '11'), card('NAXIS2', '4'),
          card('PCOUNT', '0'), card('GCOUNT', '1'), card('TFIELDS', '2'),
          card('TTYPE1', "'V'"), card('TBCOL1', '1'), card('TFORM1', "'F7.2'"), card('TSCAL1', '2.0'), card('TZERO1', '1.0'), card('TNULL1', "'N/A'"),
          card('TTYPE2', "'W'"), card('TBCOL2', '9'), card('TFORM2', "'E3.0'"),
        ],
        data: Uint8Array.from(rows, (c) => c.charCodeAt(0)),
      },
    ]);
    const file = unwrap(await openFits(bytesSource('a.fits', bytes)));
    const d = unwrap(await file.readColumns(file.hdus[1], ['V', 'W']));
    expect(Array.from(d.V.data as Float64Array)).toEqual([123.45 * 2 + 1, -2.5 * 2 + 1, NaN, 12.5 * 2 + 1]);
    expect(Array.from(d.W.data as Float64Array)).toEqual([1.5, NaN, 20, NaN]);
  });

  it('rejects a field running past NAXIS1 with the keyword', async () => {
    const bytes = buildFits([
      { cards: primaryCards(8, []) },
      {
        cards: [card('XTENSION', "'TABLE'"), card('BITPIX', '8'), card('NAXIS', '2'), card('NAXIS1', '5'), card('NAXIS2', '1'), card('PCOUNT', '0'), card('GCOUNT', '1'), card('TFIELDS', '1'), card('TBCOL1', '3'), card('TFORM1', "'I6'")],
        data: new Uint8Array(5),
      },
    ]);
    const file = unwrap(await openFits(bytesSource('a.fits', bytes)));
    const r = await file.readColumns(file.hdus[1], ['col1']);
    expect(r.ok || r.error).toMatchObject({ code: 'corrupt-header', keyword: 'TFORM1' });
  });
});

describe('parseAsciiNumber', () => {
  it('reads FITS number fields', () => {
    expect(parseAsciiNumber('1.25D+02', 0)).toBe(125);
    expect(parseAsciiNumber('12345', 2)).toBe(123.45);
    expect(parseAsciiNumber('12345E1', 2)).toBe(1234.5);
    expect(parseAsciiNumber('1.5', 3)).toBe(1.5);
    expect(parseAsciiNumber('-7', 0)).toBe(-7);
    expect(parseAsciiNumber('abc', 0)).toBeNaN();
    expect(parseAsciiNumber('1e', 0)).toBeNaN();
  });
});
