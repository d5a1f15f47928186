import { describe, expect, it } from 'vitest';
import { INPUT_LOGLAM0, LOGLAM_STEP_DEX, N_INPUT } from '../../../src/core/grid/modelGrid.ts';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';

function spectrum(start: number, stop: number, step: number) {
  const n = Math.floor((stop - start) / step) + 1;
  const wavelength = Float64Array.from({ length: n }, (_, i) => start + i * step);
  return {
    wavelength,
    flux: Float32Array.from(wavelength, (w) => 1 + w / 1e4),
    ivar: new Float32Array(n).fill(2),
    mask: new Uint8Array(n),
  };
}

function refused(r: ReturnType<typeof toModelGrid>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('toModelGrid', () => {
  it('resamples a full-coverage spectrum with every pixel good', () => {
    const r = toModelGrid(spectrum(3550, 9300, 1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.nGood).toBe(N_INPUT);
    expect(r.value.copied).toBe(false);
    expect(r.value.flux[1000]).toBeCloseTo(1 + 10 ** (INPUT_LOGLAM0 + 1000 * LOGLAM_STEP_DEX) / 1e4, 5);
  });

  it('folds mask, ivar ≤ 0 and NaN/Inf into ivar 0, and NaN flux into noData', () => {
    const s = spectrum(3550, 9300, 1);
    const at = (w: number) => Math.round(w - 3550);
    s.mask[at(5000)] = 4;
    s.ivar[at(6000)] = 0;
    s.ivar[at(6500)] = Number.POSITIVE_INFINITY;
    for (let i = at(7000); i < at(7010); i++) s.flux[i] = Number.NaN;
    const r = toModelGrid(s);
    if (!r.ok) throw new Error(r.error.message);
    const k = (w: number) => Math.round((Math.log10(w) - INPUT_LOGLAM0) / LOGLAM_STEP_DEX);
    for (const w of [5000, 6000, 6500]) {
      expect(r.value.ivar[k(w)]).toBe(0);
      expect(r.value.noData[k(w)]).toBe(0);
    }
    expect(r.value.noData[k(7005)]).toBe(1);
    expect(r.value.flux[k(7005)]).toBe(0);
    expect(r.value.ivar[k(7005)]).toBe(0);
    for (let j = 0; j < N_INPUT; j++) expect(Number.isFinite(r.value.flux[j])).toBe(true);
    expect(r.value.nGood).toBeLessThan(N_INPUT - 3);
  });

  it("refuses non-finite or non-increasing wavelengths with 'bad-wavelengths'", () => {
    const s = spectrum(4000, 8000, 1);
    s.wavelength[100] = Number.NaN;
    expect(refused(toModelGrid(s)).code).toBe('bad-wavelengths');
    const d = spectrum(4000, 8000, 1);
    d.wavelength.reverse();
    const e = refused(toModelGrid(d));
    expect(e.code).toBe('bad-wavelengths');
    expect(e.message).toMatch(/pixel 1/);
    expect(e.message).toMatch(/Check/);
  });

  it("refuses a spectrum outside 3600–9200 Å with 'out-of-range' and states its range", () => {
    const e = refused(toModelGrid(spectrum(10000, 24000, 5)));
    expect(e.code).toBe('out-of-range');
    expect(e.message).toContain('10000.0–24000.0 Å');
    expect(e.message).toMatch(/nm or µm/);
    // nm instead of Å
    expect(refused(toModelGrid(spectrum(360, 920, 0.1))).code).toBe('out-of-range');
  });

  it("refuses too little coverage with 'too-few-pixels', saying how many; the minimum is an option", () => {
    const s = spectrum(8900, 9400, 1); // ≈ 145 model pixels
    const e = refused(toModelGrid(s));
    expect(e.code).toBe('too-few-pixels');
    const m = /Only (\d+) of 4076/.exec(e.message);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(100);
    expect(Number(m![1])).toBeLessThan(500);
    expect(e.message).toMatch(/minGoodPixels/);
    const r = toModelGrid(s, { minGoodPixels: 100 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.nGood).toBe(Number(m![1]));
  });

  it("refuses a fully masked spectrum with 'all-masked'", () => {
    const s = spectrum(3550, 9300, 1);
    s.mask.fill(1);
    expect(refused(toModelGrid(s)).code).toBe('all-masked');
    // good pixels only outside the grid, masked inside
    const t = spectrum(3000, 9300, 1);
    for (let i = 0; i < t.wavelength.length; i++) if (t.wavelength[i] > 3590) t.ivar[i] = 0;
    expect(refused(toModelGrid(t)).code).toBe('all-masked');
  });
});
