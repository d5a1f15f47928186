import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource, chunksSource, guardedSource } from '../../../src/core/fits/byteSource.ts';
import { openFits as open } from '../../../src/core/fits/index.ts';
import { fixtureBytes, unwrap } from './helpers.ts';

const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);

describe('byte sources', () => {
  it('bytesSource reads ranges, short only at the end', async () => {
    const s = bytesSource('b', bytes);
    expect(s.size).toBe(100);
    expect(Array.from(await s.read(10, 3))).toEqual([10, 11, 12]);
    expect(Array.from(await s.read(98, 10))).toEqual([98, 99]);
    expect((await s.read(200, 10)).length).toBe(0);
    await expect(s.read(-1, 2)).rejects.toThrow(RangeError);
    await expect(s.read(0, NaN)).rejects.toThrow(RangeError);
  });

  it('blobSource slices a Blob and takes the name from a File', async () => {
    const blob = new Blob([bytes]);
    const s = blobSource(blob, 'x.fits');
    expect([s.name, s.size]).toEqual(['x.fits', 100]);
    expect(Array.from(await s.read(50, 4))).toEqual([50, 51, 52, 53]);
    expect(Array.from(await s.read(97, 10))).toEqual([97, 98, 99]);
    expect((await s.read(100, 10)).length).toBe(0);
    const file = new File([bytes], 'spec.fits');
    expect(blobSource(file).name).toBe('spec.fits');
    expect(blobSource({ size: 0, slice: () => blob }).name).toBe('file');
  });

  it('blobSource with read-ahead gives the same bytes from a few windows, and long reads directly', async () => {
    const big = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) & 255);
    let slices = 0;
    const blob = new Blob([big]);
    const counting = { size: big.length, slice: (a: number, b: number) => (slices++, blob.slice(a, b)) };
    const s = blobSource(counting, 'p.fits', { windowBytes: 1000, windows: 2 });
    // Two interleaved streams (two HDUs read row by row), as a multi-fibre file is read.
    for (let row = 0; row < 20; row++) {
      for (const base of [0, 5000]) {
        const at = base + row * 40;
        expect(Array.from(await s.read(at, 40))).toEqual(Array.from(big.subarray(at, at + 40)));
      }
    }
    expect(slices).toBe(2); // one window per stream: 20 rows × 40 bytes fit in 1000
    expect(Array.from(await s.read(9990, 50))).toEqual(Array.from(big.subarray(9990)));
    const before = slices;
    expect((await s.read(100, 600)).length).toBe(600); // ≥ half a window: straight to the file
    expect(slices).toBe(before + 1);
    expect((await s.read(20_000, 5)).length).toBe(0);
  });

  it('chunksSource reads within and across pieces', async () => {
    const s = chunksSource('c', [bytes.subarray(0, 30), new Uint8Array(0), bytes.subarray(30, 31), bytes.subarray(31)]);
    expect(s.size).toBe(100);
    for (const [offset, length] of [[0, 100], [5, 30], [29, 3], [30, 1], [31, 69], [99, 5], [0, 0]]) {
      expect(Array.from(await s.read(offset, length))).toEqual(Array.from(bytes.subarray(offset, offset + length)));
    }
    expect((await chunksSource('e', []).read(0, 10)).length).toBe(0);
  });

  it('an SDSS file opens the same from a Blob as from bytes', async () => {
    const sdss = fixtureBytes('sdss/spec-0564-52224-0581.fits');
    const a = unwrap(await open(bytesSource('s.fits', sdss)));
    const b = unwrap(await open(blobSource(new Blob([sdss]), 's.fits')));
    const read = async (f: typeof a) => unwrap(await f.readColumns(f.byName('COADD')!, ['flux', 'ivar'], { start: 100, count: 50 }));
    expect(await read(b)).toEqual(await read(a));
  });

  it("turns a failing source into an 'internal' error, not an exception", async () => {
    const failing = { name: 'gone.fits', size: 2880, read: () => Promise.reject(new Error('NotReadableError')) };
    const r = await open(failing);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'gone.fits: could not read gone.fits (NotReadableError)' } });
    await expect(guardedSource(failing).read(0, 1)).rejects.toThrow('could not read gone.fits');
  });
});
