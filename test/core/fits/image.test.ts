import { describe, expect, it } from 'vitest';
import { bytesSource, openFits } from '../../../src/core/fits/index.ts';
import { buildFits, card, countingSource, expectedJson, fixtureSource, jsonNumbers, openFixture, primaryCards, unwrap } from './helpers.ts';

describe('readImage on astropy-made images (BITPIX 8/16/32/64/−32/−64, BSCALE/BZERO, BLANK, unsigned)', () => {
  const expected = expectedJson().images;
  for (const [index, want] of expected.entries()) {
    it(`HDU ${index} ${want.extname} (BITPIX ${want.bitpix}) matches astropy`, async () => {
      const file = await openFixture('fits/images.fits');
      const hdu = file.hdus[index];
      expect(hdu.extname).toBe(want.extname);
      expect(hdu.bitpix).toBe(want.bitpix);
      const image = unwrap(await file.readImage(hdu));
      expect(image.axes).toEqual(want.axes);
      expect(Array.from(image.data)).toEqual(jsonNumbers(want.data));
      const unscaledFloat = want.bitpix === -32 && !hdu.header.has('BSCALE');
      expect(image.data).toBeInstanceOf(unscaledFloat ? Float32Array : Float64Array);
    });
  }

  it('rounds uint64 (BZERO 2^63) once: the exact integers round to the doubles astropy gives', async () => {
    const file = await openFixture('fits/images.fits');
    const u64 = unwrap(await file.readImage(file.byName('U64')!));
    expect(Array.from(u64.data)).toEqual(expected[8].exact!.map((s) => Number(BigInt(s))));
  });
});

describe('readImage row ranges', () => {
  it('reads rows along the last axis, touching only their bytes', async () => {
    const source = countingSource(fixtureSource('fits/images.fits'));
    const file = unwrap(await openFits(source));
    const f32 = file.byName('F32')!; // axes [4, 3, 2]: 2 rows of 12 pixels
    const all = unwrap(await file.readImage(f32));
    source.reads.length = 0;
    const row1 = unwrap(await file.readImage(f32, { start: 1, count: 1 }));
    expect(source.reads).toEqual([[f32.dataOffset + 12 * 4, 12 * 4]]);
    expect(row1.axes).toEqual([4, 3, 1]);
    expect(Array.from(row1.data)).toEqual(Array.from(all.data.subarray(12, 24)));
    const none = unwrap(await file.readImage(f32, { start: 2, count: 0 }));
    expect(none.data.length).toBe(0);
  });

  it('throws RangeError for rows outside the image (a caller bug)', async () => {
    const file = await openFixture('fits/images.fits');
    const hdu = file.byName('I16')!;
    await expect(file.readImage(hdu, { start: 1, count: 2 })).rejects.toThrow(RangeError);
    await expect(file.readImage(hdu, { start: -1, count: 1 })).rejects.toThrow(RangeError);
    await expect(file.readImage(file.hdus[0], { start: 0.5, count: 1 })).rejects.toThrow(RangeError);
  });

  it('refuses tables (TypeError) and HDUs of another file', async () => {
    const tables = await openFixture('fits/tables.fits');
    await expect(tables.readImage(tables.hdus[1])).rejects.toThrow(TypeError);
    const images = await openFixture('fits/images.fits');
    await expect(images.readImage(tables.hdus[0])).rejects.toThrow(TypeError);
  });

  it('returns an empty image for NAXIS = 0', async () => {
    const file = await openFixture('fits/tables.fits');
    const image = unwrap(await file.readImage(file.hdus[0]));
    expect(image).toEqual({ axes: [], data: new Float64Array(0) });
  });

  it('fails the open when the primary image is cut short, naming the bytes expected and present', async () => {
    const whole = buildFits([{ cards: primaryCards(-32, [100, 10]), data: new Uint8Array(4000) }]);
    expect(unwrap(await openFits(bytesSource('whole.fits', whole))).hdus.length).toBe(1);
    const cut = await openFits(bytesSource('cut.fits', whole.subarray(0, 2880 + 2000)));
    expect(cut).toEqual({
      ok: false,
      error: { code: 'truncated', hdu: 0, message: 'cut.fits: HDU 0: data unit is truncated: expected 4000 bytes, the file holds 2000 bytes' },
    });
  });

  it('keeps an extension whose data are cut short; reading it gives a truncated error', async () => {
    const whole = buildFits([
      { cards: [...primaryCards(8, []), card('EXTEND', 'T')] },
      { cards: [card('XTENSION', "'IMAGE'"), card('BITPIX', '16'), card('NAXIS', '2'), card('NAXIS1', '10'), card('NAXIS2', '300')], data: new Uint8Array(6000) },
    ]);
    const file = unwrap(await openFits(bytesSource('cut.fits', whole.subarray(0, 2 * 2880 + 1000))));
    expect(file.hdus.length).toBe(2);
    expect(file.issues).toEqual(['cut.fits: HDU 1: data unit is truncated: expected 6000 bytes, the file holds 1000 bytes']);
    const image = await file.readImage(file.hdus[1]);
    expect(image.ok || image.error).toMatchObject({ code: 'truncated', hdu: 1 });
    expect(image.ok || image.error.message).toBe(
      'cut.fits: HDU 1: the image data is truncated: expected 6000 bytes at offset 5760, the file holds 1000 bytes',
    );
    // Rows that are present can still be read.
    const rows = unwrap(await file.readImage(file.hdus[1], { start: 0, count: 50 }));
    expect(rows.axes).toEqual([10, 50]);
  });
});
