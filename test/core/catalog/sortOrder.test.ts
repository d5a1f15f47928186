import { describe, expect, it } from 'vitest';
import { textColumn } from '../../../src/core/catalog/columnBuild.ts';
import { sortByNumber, sortKeys } from '../../../src/core/catalog/sortOrder.ts';
import { analyzeRecords } from './fixtureFiles.ts';

/** The order a stable comparison sort gives, NaN last either way. */
function reference(keys: Float64Array, descending: boolean): number[] {
  const rows = Array.from(keys, (_, i) => i);
  return rows.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return descending ? y - x : x - y;
  });
}

describe('sortByNumber', () => {
  const records = analyzeRecords();
  // Real keys: each class's z (negative stars included), each χ², with repeats, ±0, NaN and infinities.
  const keys = Float64Array.from([
    ...records.flatMap((r) => [r.z, r.chi2.STAR, r.chi2.GALAXY, r.chi2.QSO]),
    ...records.slice(0, 20).map((r) => r.z),
    Number.NaN, -0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, -1e-300, 1e300,
  ]);

  it.each([false, true])('matches a stable comparison sort (descending %s)', (descending) => {
    expect(Array.from(sortByNumber(keys, descending))).toEqual(reference(keys, descending));
  });

  it('keeps file order for equal keys and handles no rows', () => {
    expect(Array.from(sortByNumber(new Float64Array([2, 1, 2, 1])))).toEqual([1, 3, 0, 2]);
    expect(Array.from(sortByNumber(new Float64Array([2, 1, 2, 1]), true))).toEqual([0, 2, 1, 3]);
    expect(sortByNumber(new Float64Array(0)).length).toBe(0);
  });

  it('sorts text by code units, empty cells last', () => {
    const col = textColumn('file', ['b.fits', '', 'a.fits', 'B.fits', 'a.fits']);
    expect(Array.from(sortByNumber(sortKeys(col)))).toEqual([3, 2, 4, 0, 1]);
  });
});

describe('text columns of mostly distinct values', () => {
  it('skip the dictionary lookup yet sort, with repeats ranked equal (stable)', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `spec-${String(9_999 - (i % 5_000)).padStart(5, '0')}.fits`);
    const col = textColumn('file', names);
    expect(col.dict.length).toBeGreaterThan(5_001); // repeats kept after the sample
    const order = Array.from(sortByNumber(sortKeys(col)));
    const expected = names.map((_, i) => i).sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
    expect(order).toEqual(expected);
  });
});
