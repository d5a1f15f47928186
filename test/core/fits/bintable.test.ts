import { describe, expect, it } from 'vitest';
import { bytesSource, openFits } from '../../../src/core/fits/index.ts';
import { readBinColumns } from '../../../src/core/fits/bintable.ts';
import { binTableLayout } from '../../../src/core/fits/tableLayout.ts';
import type { ColumnData } from '../../../src/core/fits/index.ts';
import { buildFits, card, expectedJson, fixtureSource, jsonNumbers, openFixture, primaryCards, unwrap } from './helpers.ts';

const want = expectedJson().tables;
const NUMBER_COLUMNS = ['B', 'SBYTE', 'I', 'I3', 'U16', 'J', 'U32', 'E', 'E4', 'D', 'C', 'M', 'SCALED'];

function values(col: ColumnData): unknown[] {
  return Array.from(col.data as ArrayLike<unknown>);
}

describe('readColumns on an astropy-made table with every TFORM', () => {
  it('lists the columns with TFORM, repeat, unit and TDIM from the header', async () => {
    const file = await openFixture('fits/tables.fits');
    const cols = file.columns(file.hdus[1]);
    expect(cols.map((c) => c.tform.trim())).toEqual(want._TFORMS);
    expect(cols.find((c) => c.name === 'I3')).toEqual({ name: 'I3', tform: '3I', repeat: 3, tdim: want._TDIM7 });
    expect(cols.find((c) => c.name === 'E')?.unit).toBe('km/s');
    expect(cols.find((c) => c.name === 'BITS')?.repeat).toBe(11);
  });

  for (const name of NUMBER_COLUMNS) {
    it(`decodes ${name} like astropy (incl. TSCAL/TZERO and unsigned conventions)`, async () => {
      const file = await openFixture('fits/tables.fits');
      const col = unwrap(await file.readColumns(file.hdus[1], [name]))[name];
      expect(col.kind).toBe('number');
      expect(values(col)).toEqual(jsonNumbers(want[name]));
    });
  }

  it('decodes E, B, I as Float32, J, D and scaled columns as Float64; complex as re, im pairs', async () => {
    const file = await openFixture('fits/tables.fits');
    const d = unwrap(await file.readColumns(file.hdus[1], ['E', 'J', 'SCALED', 'C', 'M']));
    expect(d.E.data).toBeInstanceOf(Float32Array);
    expect(d.J.data).toBeInstanceOf(Float64Array);
    expect(unwrap(await file.readColumns(file.hdus[1], ['I'])).I.data).toBeInstanceOf(Float32Array);
    expect(d.SCALED.data).toBeInstanceOf(Float64Array);
    expect(d.C.repeat).toBe(2);
    expect(d.M.repeat).toBe(2);
  });

  it('turns TNULL into NaN for integer columns', async () => {
    const file = await openFixture('fits/tables.fits');
    const col = unwrap(await file.readColumns(file.hdus[1], ['JNULL'])).JNULL;
    expect(values(col)).toEqual(jsonNumbers(want.JNULL));
  });

  it('keeps int64 exact: K as BigInt64, K with TZERO 2^63 as BigUint64', async () => {
    const file = await openFixture('fits/tables.fits');
    const d = unwrap(await file.readColumns(file.hdus[1], ['K', 'K2', 'U64']));
    expect(d.K.kind).toBe('bigint');
    expect(values(d.K)).toEqual(want.K.map((s) => BigInt(s as string)));
    expect(d.K2).toMatchObject({ kind: 'bigint', repeat: 2 });
    expect(values(d.K2)).toEqual(want.K2.map((s) => BigInt(s as string)));
    expect(d.U64.kind).toBe('biguint');
    expect(values(d.U64)).toEqual(want.U64.map((s) => BigInt(s as string)));
  });

  it('decodes logicals, bit arrays and strings', async () => {
    const file = await openFixture('fits/tables.fits');
    const d = unwrap(await file.readColumns(file.hdus[1], ['L1', 'L3', 'BITS', 'A']));
    expect(d.L3).toMatchObject({ kind: 'boolean', repeat: 3 });
    for (const k of ['L1', 'L3', 'BITS']) expect(values(d[k])).toEqual(want[k]);
    expect(d.A).toEqual({ kind: 'string', repeat: 1, data: want.A });
  });

  it('refuses the heap-array column only, with unsupported-tform naming it', async () => {
    const file = await openFixture('fits/tables.fits');
    const r = await file.readColumns(file.hdus[1], ['E', 'VLA']);
    expect(r.ok || r.error).toMatchObject({ code: 'unsupported-tform', hdu: 1, keyword: 'VLA' });
    expect(unwrap(await file.readColumns(file.hdus[1], ['E'])).E.data.length).toBe(4);
  });

  it('names a missing column and lists the ones there are', async () => {
    const file = await openFixture('fits/tables.fits');
    const r = await file.readColumns(file.hdus[1], ['nope']);
    expect(r.ok || r.error).toMatchObject({ code: 'no-matching-format', keyword: 'nope' });
    expect(r.ok || r.error.message).toMatch(/^tables\.fits: HDU 1: no column named "nope" \(columns: L1, L3, BITS/);
  });

  it('reads a row range, and gives the same values in small chunks as in one piece', async () => {
    const file = await openFixture('fits/tables.fits');
    const all = unwrap(await file.readColumns(file.hdus[1], ['E4', 'K', 'A', 'BITS']));
    const part = unwrap(await file.readColumns(file.hdus[1], ['E4', 'K', 'A', 'BITS'], { start: 1, count: 2 }));
    expect(values(part.E4)).toEqual(values(all.E4).slice(4, 12));
    expect(values(part.K)).toEqual(values(all.K).slice(1, 3));
    expect(part.A.data).toEqual(all.A.data.slice(1, 3));
    const source = fixtureSource('fits/tables.fits');
    const hdu = file.hdus[1];
    const layout = unwrap(binTableLayout(hdu, source.name));
    const chunked = unwrap(await readBinColumns(source, hdu, layout, ['E4', 'K', 'A', 'BITS'], undefined, 200));
    for (const k of ['E4', 'K', 'A', 'BITS']) expect(values(chunked[k])).toEqual(values(all[k]));
    await expect(file.readColumns(hdu, ['E'], { start: 3, count: 2 })).rejects.toThrow(RangeError);
  });
});

describe('binary-table layouts from broken headers', () => {
  const table = (cards: string[], rowBytes: number, rows: number) =>
    buildFits([
      { cards: [...primaryCards(8, []), card('EXTEND', 'T')] },
      {
        cards: [card('XTENSION', "'BINTABLE'"), card('BITPIX', '8'), card('NAXIS', '2'), card('NAXIS1', String(rowBytes)), card('NAXIS2', String(rows)), card('PCOUNT', '0'), card('GCOUNT', '1'), ...cards],
        data: new Uint8Array(rowBytes * rows),
      },
    ]);

  it('rejects columns wider than NAXIS1, unknown TFORM letters and a missing TFORM, keeping the file open', async () => {
    const cases: [string[], string, string][] = [
      [[card('TFIELDS', '1'), card('TFORM1', "'5E'")], 'corrupt-header', 'TFORM1'],
      [[card('TFIELDS', '1'), card('TFORM1', "'3Z'")], 'unsupported-tform', 'TFORM1'],
      [[card('TFIELDS', '2'), card('TFORM1', "'E'")], 'corrupt-header', 'TFORM2'],
      [[card('TFIELDS', '1'), card('TFORM1', "'99999999999999999999E'")], 'corrupt-header', 'TFORM1'],
      [[card('TFIELDS', '5000')], 'corrupt-header', 'TFIELDS'],
    ];
    for (const [cards, code, keyword] of cases) {
      const file = unwrap(await openFits(bytesSource('t.fits', table(cards, 8, 3))));
      expect(file.columns(file.hdus[1])).toEqual([]);
      expect(file.issues?.length).toBe(1);
      const r = await file.readColumns(file.hdus[1], ['x']);
      expect(r.ok || r.error).toMatchObject({ code, keyword, hdu: 1 });
    }
  });

  it('reports truncated table rows with bytes expected and present', async () => {
    const bytes = table([card('TFIELDS', '1'), card('TFORM1', "'2D'"), card('TTYPE1', "'X'")], 16, 200);
    const file = unwrap(await openFits(bytesSource('t.fits', bytes.subarray(0, 2 * 2880 + 1600))));
    const r = await file.readColumns(file.hdus[1], ['X']);
    expect(r.ok || r.error.message).toBe(
      't.fits: HDU 1: the data of table rows 0..199 is truncated: expected 3200 bytes at offset 5760, the file holds 1600 bytes',
    );
    expect(unwrap(await file.readColumns(file.hdus[1], ['X'], { start: 0, count: 100 })).X.data.length).toBe(200);
  });
});
