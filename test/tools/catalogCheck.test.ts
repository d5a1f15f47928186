/** merge's check: every input spectrum exactly once, missing and duplicated ones named. */
import { describe, expect, it } from 'vitest';
import { checkCatalog, type CatalogKeyRow } from '../../tools/lib/catalogCheck.ts';

const list = ['a/one.fits', 'b/plate.fits', 'c/broken.fits'];
const row = (seq: number, index: number, n: number, family = 'encoder'): CatalogKeyRow => ({ path: list[seq], seq, n_spectra: n, index, family });
const complete = [row(0, 0, 1), row(1, 0, 3), row(1, 1, 3), row(1, 2, 3), row(2, 0, 0)];

describe('checkCatalog', () => {
  it('passes a catalog with each spectrum once (a file that failed to open has one row)', () => {
    expect(checkCatalog(list, complete, ['encoder'])).toEqual({ rows: 5, missing: [], duplicated: [], problems: [] });
  });

  it('names missing and duplicated spectra, and whole files with no row', () => {
    const rows = [row(0, 0, 1), row(0, 0, 1), row(1, 0, 3), row(1, 2, 3)];
    const c = checkCatalog(list, rows, ['encoder']);
    expect(c.missing).toEqual(['b/plate.fits[1] encoder', 'c/broken.fits[0] encoder']);
    expect(c.duplicated).toEqual(['a/one.fits[0] encoder (2×)']);
  });

  it('expects a row per model family', () => {
    const rows = complete.flatMap((r) => [r, { ...r, family: 'unet' }]).filter((r) => !(r.seq === 1 && r.index === 1 && r.family === 'unet'));
    expect(checkCatalog(list, rows, ['encoder', 'unet']).missing).toEqual(['b/plate.fits[1] unet']);
  });

  it('reports rows that name another input, a spectrum beyond the file, or disagree on the count', () => {
    const c = checkCatalog(list, [...complete, { ...row(0, 0, 1), path: 'elsewhere.fits' }, row(0, 1, 1), row(1, 0, 2), { ...row(0, 0, 1), seq: 7 }], ['encoder']);
    expect(c.problems).toEqual([
      'input 0 is a/one.fits in the list but elsewhere.fits in a chunk: the chunks come from another input list',
      'b/plate.fits: rows disagree on how many spectra it holds (3 and 2)',
      'a row of a/one.fits is at input 7, outside the list of 3',
      'a/one.fits[1] encoder: beyond the file\'s 1 spectra',
    ]);
    expect(c.duplicated).toEqual(['b/plate.fits[0] encoder (2×)']);
  });
});
