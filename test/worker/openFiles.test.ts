/** Opened files kept by id (a bounded number), failures named after their spectrum. */
import { describe, expect, it } from 'vitest';
import { blobSource } from '../../src/core/fits/index.ts';
import { openSpectra } from '../../src/core/formats/index.ts';
import { keptOpenFiles, named, readGridded } from '../../src/worker/openFiles.ts';
import { fixtureBlob } from './nodeEngine.ts';

describe('open files', () => {
  it('opens each file id once while kept, and again once pushed out', async () => {
    let opens = 0;
    const open = keptOpenFiles((f, n) => (opens++, openSpectra(blobSource(f, n))), 2);
    const plate = fixtureBlob('formats/sdss_spPlate.fits');
    const a = await open(1, plate, 'plate.fits');
    expect(a.ok && a.value.count).toBe(3);
    await open(1, plate, 'plate.fits');
    expect(opens).toBe(1);
    await open(2, plate, 'p2.fits');
    await open(3, plate, 'p3.fits'); // pushes out file 1
    await open(1, plate, 'plate.fits');
    expect(opens).toBe(4);
    const bad = await open(4, new Blob([new Uint8Array(100)]), 'zeros.fits');
    expect(bad.ok).toBe(false);
  });

  it('reads and grids one spectrum; an error message starts with the spectrum id', async () => {
    const o = await openSpectra(blobSource(fixtureBlob('formats/sdss_spPlate.fits'), 'plate.fits'));
    if (!o.ok) throw new Error(o.error.message);
    const g = await readGridded(o.value, 0);
    expect(g.ok && g.value.gridded.flux.length).toBe(4076);
    const s = g.ok ? g.value.spectrum : undefined;
    expect(named({ code: 'all-masked', message: 'every pixel masked' }, s).message).toBe(`${s!.id}: every pixel masked`);
    expect(named({ code: 'all-masked', message: `${s!.id}: x` }, s).message).toBe(`${s!.id}: x`);
  });
});
