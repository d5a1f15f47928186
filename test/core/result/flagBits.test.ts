/** The catalog's flag bit mask (like SDSS ZWARNING) and its columns built on the export's. */
import { describe, expect, it } from 'vitest';
import { CATALOG_COLUMNS } from '../../../src/core/export/catalogColumns.ts';
import { EXPORT_COLUMNS } from '../../../src/core/export/columns.ts';
import { FAILED_BIT, FLAG_BITS, flagMask, UNKNOWN_FLAG_BIT } from '../../../src/core/result/flagBits.ts';

describe('flagMask', () => {
  it('gives each flag its own bit, below the unknown and failed bits', () => {
    const bits = Object.values(FLAG_BITS);
    expect(new Set(bits).size).toBe(bits.length);
    for (const b of bits) expect(b).toBeLessThan(UNKNOWN_FLAG_BIT);
    expect(UNKNOWN_FLAG_BIT).toBeLessThan(FAILED_BIT);
  });

  it('sets the bits of the raised flags, one for flags it does not know, and the failed bit for an error', () => {
    expect(flagMask([], false)).toBe(0);
    expect(flagMask(['high-chi2', 'low-robustness'], false)).toBe(0b11);
    expect(flagMask(['second-redshift'], false)).toBe(64);
    expect(flagMask(['from-a-later-version'], false)).toBe(2 ** 29);
    expect(flagMask([], true)).toBe(2 ** 30);
  });
});

describe('CATALOG_COLUMNS', () => {
  it('holds every export column in the export’s order (a new result field reaches the catalog), framed by its own', () => {
    const names = CATALOG_COLUMNS.map((c) => c.name);
    expect(names.slice(3, 3 + EXPORT_COLUMNS.length)).toEqual(EXPORT_COLUMNS.map((c) => c.name));
    expect(names.slice(0, 3)).toEqual(['path', 'seq', 'n_spectra']);
    expect(names.slice(-2)).toEqual(['flag_bits', 'model_version']);
    expect(new Set(names).size).toBe(names.length);
  });
});
