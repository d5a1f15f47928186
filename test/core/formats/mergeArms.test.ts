import { describe, expect, it } from 'vitest';
import { mergeArms } from '../../../src/core/formats/mergeArms.ts';

const grid = (start: number, n: number, step = 1) => Float64Array.from({ length: n }, (_, i) => start + i * step);

describe('mergeArms', () => {
  it('averages shared pixels by inverse variance and keeps each pixel once', () => {
    const b = { name: 'B', wavelength: grid(100, 6), flux: [1, 1, 1, 1, 2, 2], ivar: [1, 1, 1, 1, 1, 3] };
    const r = { name: 'R', wavelength: grid(104, 4), flux: [4, 6, 3, 3], ivar: [3, 1, 1, 1] };
    const m = mergeArms([r, b]); // order of the list does not matter
    expect(Array.from(m.wavelength)).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    expect(m.flux[4]).toBeCloseTo((1 * 2 + 3 * 4) / 4, 12);
    expect(m.ivar[4]).toBe(4);
    expect(m.flux[5]).toBeCloseTo((3 * 2 + 1 * 6) / 4, 12);
    expect(m.ivar[5]).toBe(4);
    expect(m.issues).toEqual([]);
  });

  it('uses the good side alone when the other is masked, and leaves a pixel bad when both are', () => {
    const b = { name: 'B', wavelength: grid(100, 4), flux: [1, 1, 5, 7], ivar: [1, 1, 1, 0], mask: [0, 0, 1, 0] };
    const r = { name: 'R', wavelength: grid(102, 3), flux: [9, 8, 1], ivar: [2, 0, 1] };
    const m = mergeArms([b, r]);
    expect(m.flux[2]).toBe(9);
    expect(m.ivar[2]).toBe(2);
    expect(m.mask[2]).toBe(0);
    expect(m.ivar[3]).toBe(0);
    expect(m.mask[3]).toBe(1);
  });

  it('cuts a misaligned overlap at its midpoint and says so', () => {
    const b = { name: 'B', wavelength: grid(100, 10), flux: new Array(10).fill(1), ivar: new Array(10).fill(1) };
    const r = { name: 'R', wavelength: grid(105.5, 10), flux: new Array(10).fill(2), ivar: new Array(10).fill(1) };
    const m = mergeArms([b, r]);
    for (let i = 1; i < m.wavelength.length; i++) expect(m.wavelength[i]).toBeGreaterThan(m.wavelength[i - 1]);
    const mid = (105.5 + 109) / 2;
    for (let i = 0; i < m.wavelength.length; i++) expect(m.flux[i]).toBe(m.wavelength[i] < mid ? 1 : 2);
    expect(m.issues[0]).toMatch(/Arm R .* cut at 107\.3 Å/);
  });

  it('joins arms with a gap (missing camera) without inventing pixels', () => {
    const b = { name: 'B', wavelength: grid(100, 3), flux: [1, 1, 1], ivar: [1, 1, 1] };
    const z = { name: 'Z', wavelength: grid(200, 3), flux: [2, 2, 2], ivar: [1, 1, 1] };
    expect(Array.from(mergeArms([z, b]).wavelength)).toEqual([100, 101, 102, 200, 201, 202]);
  });
});
