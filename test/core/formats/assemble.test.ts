import { describe, expect, it } from 'vitest';
import { buildSpectrum } from '../../../src/core/formats/assemble.ts';
import { unknownFrame } from '../../../src/core/formats/frame.ts';

const base = { id: 's', meta: { format: 'test' }, frame: unknownFrame() };

describe('buildSpectrum', () => {
  it('turns σ or variance into ivar (≤ 0 or non-finite → 0) and NaN flux into ivar 0', () => {
    const fromSigma = buildSpectrum({ ...base, wavelength: [1, 2, 3, 4], flux: [1, 1, NaN, 1], sigma: [0.5, 0, 1, Infinity] });
    if (!fromSigma.ok) throw new Error(fromSigma.error.message);
    expect(Array.from(fromSigma.value.ivar)).toEqual([4, 0, 0, 0]);
    const fromVar = buildSpectrum({ ...base, wavelength: [1, 2], flux: [1, 1], variance: [4, -1] });
    if (!fromVar.ok) throw new Error(fromVar.error.message);
    expect(Array.from(fromVar.value.ivar)).toEqual([0.25, 0]);
  });

  it('gives ivar 0 where σ or variance is so small that 1/σ² overflows float32 (found by npm run fuzz, issue 6)', () => {
    const r = buildSpectrum({ ...base, wavelength: [1, 2, 3], flux: [1, 1, 1], variance: [1e-45, 1e-39, 4] });
    if (!r.ok) throw new Error(r.error.message);
    expect(Array.from(r.value.ivar)).toEqual([0, 0, 0.25]);
    const s = buildSpectrum({ ...base, wavelength: [1, 2], flux: [1, 1], sigma: [1e-25, 2] });
    if (!s.ok) throw new Error(s.error.message);
    expect(Array.from(s.value.ivar)).toEqual([0, 0.25]);
  });

  it('folds mask values to 0/1 (NaN counts as bad) and keeps the model', () => {
    const r = buildSpectrum({ ...base, wavelength: [1, 2, 3], flux: [1, 1, 1], ivar: [1, 1, 1], mask: [0, 2 ** 31, NaN], model: [5, 6, 7] });
    if (!r.ok) throw new Error(r.error.message);
    expect(Array.from(r.value.mask!)).toEqual([0, 1, 1]);
    expect(Array.from(r.value.model!)).toEqual([5, 6, 7]);
  });

  it('reverses decreasing wavelengths (all arrays together) and keeps them in the frame the file gives', () => {
    const r = buildSpectrum({ ...base, frame: unknownFrame(true), wavelength: [6000, 5000], flux: [1, 2], ivar: [3, 4], mask: [1, 0] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.wavelength[0]).toBe(5000);
    expect(r.value.frame.medium).toBe('air');
    expect(Array.from(r.value.flux)).toEqual([2, 1]);
    expect(Array.from(r.value.ivar)).toEqual([4, 3]);
    expect(Array.from(r.value.mask!)).toEqual([0, 1]);
    expect(r.value.issues).toHaveLength(1);
  });

  it('gives equal weights with an issue when there is no uncertainty at all', () => {
    const r = buildSpectrum({ ...base, wavelength: [1, 2], flux: [1, 2] });
    if (!r.ok) throw new Error(r.error.message);
    expect(Array.from(r.value.ivar)).toEqual([1, 1]);
    expect(r.value.issues?.[0]).toMatch(/weighted equally/);
  });

  it("returns 'no-spectrum' when arrays disagree in length or are empty", () => {
    const r = buildSpectrum({ ...base, wavelength: [1, 2, 3], flux: [1, 2], ivar: [1, 1, 1], hdu: 4 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('no-spectrum');
      expect(r.error.hdu).toBe(4);
      expect(r.error.message).toMatch(/flux array has 2 pixels but the wavelength array has 3/);
    }
    expect(buildSpectrum({ ...base, wavelength: [], flux: [] }).ok).toBe(false);
  });
});

describe('blank values', () => {
  it('treats |flux| ≥ 1e29 (2dfdr writes −2.5e30) as missing: NaN flux, ivar 0, with an issue', () => {
    const r = buildSpectrum({ ...base, wavelength: [1, 2, 3], flux: [1, -2.5e30, 2], variance: [1, -2.5e30, 1] });
    if (!r.ok) throw new Error(r.error.message);
    expect(Number.isNaN(r.value.flux[1])).toBe(true);
    expect(Array.from(r.value.ivar)).toEqual([1, 0, 1]);
    expect(r.value.issues?.join(' ')).toMatch(/1 pixel\(s\) hold a blank value/);
  });
});

describe('buildSpectrum: sky and arms (display only)', () => {
  const parts = { ...base, wavelength: [4000, 4001, 4002], flux: [1, 2, 3], ivar: [1, 1, 1] };
  it('keeps a sky, reversed with the pixels, and blanks 2dfdr sentinels in it', () => {
    const r = buildSpectrum({ ...parts, wavelength: [4002, 4001, 4000], sky: [5, -2.5e30, 7] });
    if (!r.ok) throw new Error(r.error.message);
    expect(Array.from(r.value.sky!)).toEqual([7, Number.NaN, 5]);
  });
  it('drops an all-zero sky (a placeholder column) and rejects one of the wrong length', () => {
    const zero = buildSpectrum({ ...parts, sky: [0, 0, 0] });
    expect(zero.ok && zero.value.sky).toBe(undefined);
    const short = buildSpectrum({ ...parts, sky: [1, 2] });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error.message).toMatch(/sky array has 2 pixels/);
  });
  it('carries arms as given', () => {
    const r = buildSpectrum({ ...parts, arms: [{ name: 'b', minA: 4000, maxA: 4002 }] });
    expect(r.ok && r.value.arms).toEqual([{ name: 'b', minA: 4000, maxA: 4002 }]);
  });
});
