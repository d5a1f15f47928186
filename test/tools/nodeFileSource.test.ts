import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openFits } from '../../src/core/fits/index.ts';
import { nodeFileSource } from '../../tools/nodeFileSource.ts';

const SDSS = fileURLToPath(new URL('../fixtures/sdss/spec-0375-52140-0356.fits', import.meta.url));

describe('nodeFileSource', () => {
  it('reads ranges from disk, short only at the end', async () => {
    const source = await nodeFileSource(SDSS);
    try {
      expect([source.name, source.size]).toEqual(['spec-0375-52140-0356.fits', 144000]);
      expect(String.fromCharCode(...(await source.read(0, 9)))).toBe('SIMPLE  =');
      expect((await source.read(143990, 100)).length).toBe(10);
      expect((await source.read(200000, 10)).length).toBe(0);
      await expect(source.read(-1, 1)).rejects.toThrow(RangeError);
    } finally {
      await source.close();
    }
  });

  it('opens an SDSS file for openFits', async () => {
    const source = await nodeFileSource(SDSS);
    try {
      const file = await openFits(source);
      expect(file.ok && file.value.hdus.map((h) => h.extname)).toEqual(['PRIMARY', 'COADD', 'SPECOBJ']);
      if (file.ok) {
        const flux = await file.value.readColumns(file.value.byName('COADD')!, ['flux'], { start: 0, count: 1 });
        expect(flux.ok && flux.value.flux.data[0]).toBe(14.62536907196045);
      }
    } finally {
      await source.close();
    }
  });
});
