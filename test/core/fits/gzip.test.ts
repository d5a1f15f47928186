import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesSource, openFits } from '../../../src/core/fits/index.ts';
import { gunzipSource, isGzip } from '../../../src/core/fits/gzip.ts';
import { fixtureBytes, fixtureSource, openFixture, unwrap } from './helpers.ts';

describe('gzip-compressed FITS', () => {
  it('opens images.fits.gz to the same HDUs and pixels as images.fits', async () => {
    const plain = await openFixture('fits/images.fits');
    const zipped = unwrap(await openFits(fixtureSource('fits/images.fits.gz')));
    expect(zipped.name).toBe('images.fits.gz');
    expect(zipped.size).toBe(plain.size);
    expect(zipped.hdus.map((h) => h.extname)).toEqual(plain.hdus.map((h) => h.extname));
    for (const [i, hdu] of plain.hdus.entries()) {
      const a = unwrap(await plain.readImage(hdu));
      const b = unwrap(await zipped.readImage(zipped.hdus[i]));
      expect(b).toEqual(a);
    }
  });

  it('detects the magic bytes only', async () => {
    expect(await isGzip(fixtureSource('fits/images.fits.gz'))).toBe(true);
    expect(await isGzip(fixtureSource('fits/images.fits'))).toBe(false);
    expect(await isGzip(bytesSource('x', new Uint8Array([0x1f])))).toBe(false);
  });

  it("stops with 'too-large' beyond the size cap", async () => {
    const r = await openFits(fixtureSource('fits/images.fits.gz'), { maxDecompressedBytes: 10_000 });
    expect(r.ok || r.error).toMatchObject({ code: 'too-large' });
    expect(r.ok || r.error.message).toMatch(/^images\.fits\.gz: decompresses to more than 10000 bytes/);
  });

  it("reports a cut gzip stream as 'truncated' and a damaged one without throwing", async () => {
    const gz = fixtureBytes('fits/images.fits.gz');
    const cut = await openFits(bytesSource('cut.fits.gz', gz.subarray(0, gz.length / 2)));
    expect(cut.ok || cut.error.code).toBe('truncated');
    const bad = gz.slice();
    for (let i = 20; i < 60; i++) bad[i] ^= 0xff;
    const damaged = await openFits(bytesSource('bad.fits.gz', bad));
    expect(damaged.ok).toBe(false);
    expect(['not-fits', 'truncated']).toContain(damaged.ok || damaged.error.code);
  });

  it('inflates a stream larger than one input chunk, kept in pieces', async () => {
    const big = new Uint8Array(5_000_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) & 0xff;
    const gz = new Uint8Array(gzipSync(big, { level: 1 }));
    const out = unwrap(await gunzipSource(bytesSource('big.gz', gz), 10_000_000));
    expect(out.size).toBe(big.length);
    const probe = await out.read(4_999_990, 100);
    expect(Array.from(probe)).toEqual(Array.from(big.subarray(4_999_990)));
    const across = await out.read(65_530, 20);
    expect(Array.from(across)).toEqual(Array.from(big.subarray(65_530, 65_550)));
  });
});
