import { describe, expect, it } from 'vitest';
import { INPUT_LOGLAM0, LOGLAM_STEP_DEX, N_INPUT } from '../../../src/core/grid/modelGrid.ts';
import { gridOffset, modelGridEdges, pixelEdges, resampleToModelGrid } from '../../../src/core/grid/resample.ts';
import { seededRandom } from './seededRandom.ts';

function linearGrid(start: number, stop: number, step: number): Float64Array {
  const n = Math.floor((stop - start) / step) + 1;
  return Float64Array.from({ length: n }, (_, i) => start + i * step);
}

function logGrid(logStart: number, stepDex: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 10 ** (logStart + i * stepDex));
}

/** Smooth positive test spectrum with a few lines. */
function shape(w: number): number {
  return (
    5 +
    1e-4 * (w - 6000) +
    8 * Math.exp(-0.5 * ((w - 4862) / 3) ** 2) -
    2 * Math.exp(-0.5 * ((w - 5175) / 6) ** 2) +
    12 * Math.exp(-0.5 * ((w - 6564) / 2.5) ** 2)
  );
}

describe('modelGridEdges', () => {
  it('brackets each grid centre by ±half a step in log10 λ', () => {
    const e = modelGridEdges();
    expect(e.length).toBe(N_INPUT + 1);
    for (const k of [0, 1000, N_INPUT - 1]) {
      const centre = INPUT_LOGLAM0 + LOGLAM_STEP_DEX * k;
      expect(Math.log10(e[k])).toBeCloseTo(centre - LOGLAM_STEP_DEX / 2, 12);
      expect(Math.log10(e[k + 1])).toBeCloseTo(centre + LOGLAM_STEP_DEX / 2, 12);
    }
  });
});

describe('pixelEdges', () => {
  it('uses midpoints and mirrors the outer half-widths', () => {
    const { lo, hi } = pixelEdges([10, 12, 14, 17]);
    expect(Array.from(lo)).toEqual([9, 11, 13, 15.5]);
    expect(Array.from(hi)).toEqual([11, 13, 15.5, 18.5]);
  });
  it('does not stretch pixels across a gap', () => {
    const { lo, hi } = pixelEdges([10, 11, 12, 40, 41, 42]);
    expect(hi[2]).toBe(12.5);
    expect(lo[3]).toBe(39.5);
  });
});

describe('resampleToModelGrid', () => {
  it('keeps a constant density constant (linear and off-lattice log inputs)', () => {
    for (const wave of [linearGrid(3500, 9500, 0.7), logGrid(3.54, 1.37e-4, 3200)]) {
      const n = wave.length;
      const r = resampleToModelGrid({ wavelength: wave, flux: new Float32Array(n).fill(3.25), ivar: new Float32Array(n).fill(4) });
      expect(r.copied).toBe(false);
      for (let k = 0; k < N_INPUT; k++) {
        expect(r.noData[k]).toBe(0);
        expect(r.flux[k]).toBeCloseTo(3.25, 5);
        expect(r.ivar[k]).toBeGreaterThan(0);
      }
    }
  });

  it('conserves ∫ f dλ over any span of fully covered model pixels', () => {
    const wave = linearGrid(3590, 9300, 1.13);
    const flux = Float64Array.from(wave, shape);
    const r = resampleToModelGrid({ wavelength: wave, flux, ivar: new Float64Array(wave.length).fill(1) });
    const edges = modelGridEdges();
    const { lo, hi } = pixelEdges(wave);
    for (const [k0, k1] of [[0, N_INPUT], [500, 1700], [2222, 2300]]) {
      const a = edges[k0];
      const b = edges[k1];
      let out = 0;
      for (let k = k0; k < k1; k++) out += r.flux[k] * (edges[k + 1] - edges[k]);
      let inp = 0;
      for (let i = 0; i < wave.length; i++) inp += flux[i] * Math.max(0, Math.min(b, hi[i]) - Math.max(a, lo[i]));
      expect(Math.abs(out - inp) / inp).toBeLessThan(1e-6); // float32 output
    }
  });

  it('propagates ivar: rebinned white noise has the variance ivar predicts', () => {
    const rng = seededRandom(20240611);
    const wave = linearGrid(3590, 4700, 0.61);
    const n = wave.length;
    const sigma = Float64Array.from({ length: n }, () => 0.5 + rng.uniform());
    const ivar = Float64Array.from(sigma, (s) => 1 / (s * s));
    const kMax = 3000; // pixels fully inside the input (4700 Å ≈ k 1160)
    const draws = 2000;
    const sum = new Float64Array(kMax);
    const sum2 = new Float64Array(kMax);
    let predicted: Float32Array | undefined;
    const flux = new Float64Array(n);
    for (let d = 0; d < draws; d++) {
      for (let i = 0; i < n; i++) flux[i] = 10 + sigma[i] * rng.normal();
      const r = resampleToModelGrid({ wavelength: wave, flux, ivar });
      predicted = r.ivar;
      for (let k = 0; k < kMax; k++) {
        sum[k] += r.flux[k];
        sum2[k] += r.flux[k] * r.flux[k];
      }
    }
    let used = 0;
    let ratioSum = 0;
    for (let k = 0; k < kMax; k++) {
      if (!(predicted![k] > 0)) continue;
      const mean = sum[k] / draws;
      const empirical = sum2[k] / draws - mean * mean;
      const ratio = (empirical * predicted![k]) / (draws / (draws - 1));
      expect(ratio).toBeGreaterThan(0.8); // 2000 draws: relative scatter of a variance ≈ 3 %
      expect(ratio).toBeLessThan(1.2);
      ratioSum += ratio;
      used++;
    }
    expect(used).toBeGreaterThan(1000);
    expect(ratioSum / used).toBeGreaterThan(0.98);
    expect(ratioSum / used).toBeLessThan(1.02);
  });

  it('leaves uncovered pixels at flux 0, ivar 0, noData 1 and gives partly covered ones ivar 0', () => {
    const wave = linearGrid(5000.3, 6000, 0.9);
    const n = wave.length;
    const r = resampleToModelGrid({ wavelength: wave, flux: new Float32Array(n).fill(2), ivar: new Float32Array(n).fill(1) });
    const edges = modelGridEdges();
    const lo = wave[0] - 0.45;
    const hi = wave[n - 1] + 0.45;
    for (let k = 0; k < N_INPUT; k++) {
      if (edges[k + 1] <= lo || edges[k] >= hi) {
        expect([r.flux[k], r.ivar[k], r.noData[k]]).toEqual([0, 0, 1]);
      } else if (edges[k] < lo || edges[k + 1] > hi) {
        expect(r.noData[k]).toBe(0);
        expect(r.ivar[k]).toBe(0);
        expect(r.flux[k]).toBeCloseTo(2, 6);
      } else {
        expect(r.ivar[k]).toBeGreaterThan(0);
      }
    }
  });

  it('gives ivar 0 to every model pixel touching a bad input pixel, and noData inside gaps', () => {
    const wave = linearGrid(3550, 9300, 1.0);
    const n = wave.length;
    const flux = Float64Array.from(wave, shape);
    const bad = new Uint8Array(n);
    const iBad = 2000; // 5550 Å
    bad[iBad] = 1;
    flux[iBad + 1] = Number.NaN; // no value: never used for flux
    const r = resampleToModelGrid({ wavelength: wave, flux, ivar: new Float64Array(n).fill(1), bad });
    const edges = modelGridEdges();
    for (let k = 0; k < N_INPUT; k++) {
      const touches = edges[k] < wave[iBad + 1] + 0.5 && edges[k + 1] > wave[iBad] - 0.5;
      expect(r.ivar[k] === 0).toBe(touches);
      expect(Number.isFinite(r.flux[k])).toBe(true);
    }
    // a gap of missing pixels (8000–8100 Å) leaves noData inside it
    const keep = Array.from(wave.keys()).filter((i) => wave[i] < 8000 || wave[i] > 8100);
    const g = resampleToModelGrid({
      wavelength: Float64Array.from(keep, (i) => wave[i]),
      flux: Float64Array.from(keep, (i) => shape(wave[i])),
      ivar: new Float64Array(keep.length).fill(1),
    });
    const kMid = Math.round((Math.log10(8050) - INPUT_LOGLAM0) / LOGLAM_STEP_DEX);
    expect([g.flux[kMid], g.ivar[kMid], g.noData[kMid]]).toEqual([0, 0, 1]);
  });

  it('copies on-grid (SDSS-like) pixels exactly, with no smoothing', () => {
    const rng = seededRandom(7);
    for (const k0 of [0, 237, -20]) {
      const n = 3800;
      // loglam stored as float32, as in SDSS files
      const logLam = Float32Array.from({ length: n }, (_, i) => INPUT_LOGLAM0 + LOGLAM_STEP_DEX * (k0 + i));
      const wave = Float64Array.from(logLam, (l) => 10 ** l);
      expect(gridOffset(wave)).toBe(k0);
      const flux = Float32Array.from({ length: n }, () => rng.normal() * 5);
      const ivar = Float32Array.from({ length: n }, () => rng.uniform());
      const r = resampleToModelGrid({ wavelength: wave, flux, ivar });
      expect(r.copied).toBe(true);
      for (let k = 0; k < N_INPUT; k++) {
        const i = k - k0;
        if (i >= 0 && i < n) {
          expect(r.flux[k]).toBe(flux[i]);
          expect(r.ivar[k]).toBe(ivar[i]);
          expect(r.noData[k]).toBe(0);
        } else {
          expect([r.flux[k], r.ivar[k], r.noData[k]]).toEqual([0, 0, 1]);
        }
      }
    }
  });

  it('does not take the fast path for a grid shifted by a fraction of a pixel', () => {
    const wave = logGrid(INPUT_LOGLAM0 + 0.3 * LOGLAM_STEP_DEX, LOGLAM_STEP_DEX, 4000);
    expect(gridOffset(wave)).toBeUndefined();
  });

  it('throws on programmer errors (length mismatch, unsorted wavelengths)', () => {
    expect(() => resampleToModelGrid({ wavelength: [4000, 4001], flux: [1], ivar: [1, 1] })).toThrow(RangeError);
    expect(() => resampleToModelGrid({ wavelength: [4001, 4000], flux: [1, 1], ivar: [1, 1] })).toThrow(RangeError);
  });
});
