/**
 * Issue 11 §1: σ_z from the curvature of the unreduced χ² at the minimum. The formula on a
 * known parabola, then real SDSS spectra: the error is positive and carries the class's scale,
 * SDSS's redshift of a star or galaxy lies within 5 σ_z, and re-noising a spectrum with its own ivar moves z by
 * about the raw σ_z (pixel noise is what the curvature measures).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../../../src/core/scan/pipeline.ts';
import type { OutputGridSpec } from '../../../src/core/scan/redshift.ts';
import { curvatureZErr, Z_ERR_SCALE } from '../../../src/core/scan/zErr.ts';
import { CLASSES, type SpectralClass } from '../../../src/core/types.ts';
import { loadReconstructors } from '../../../tools/lib/nodeModels.ts';
import { seededRandom } from '../../../tools/lib/random.ts';
import { readTruth } from '../../../tools/lib/truth.ts';
import { analyseSpectrum, SDSS_DIR, sdssSpectrum } from './realSpectra.ts';

const FILES = ['spec-3188-54831-0169.fits', 'spec-2553-54631-0255.fits', 'spec-0783-52325-0322.fits', 'spec-1733-53047-0351.fits', 'spec-0564-52224-0581.fits', 'spec-7401-56808-0703.fits'];
const truth = new Map(readTruth(join(SDSS_DIR, 'truth.csv')).map((t) => [t.file, t]));

describe('curvatureZErr', () => {
  const grid = { start: 3.5, step: 1e-4 };
  it('gives Δχ² = 1 on a parabola of the unreduced χ²', () => {
    const dof = 3000, a = 50, s0 = 20.3, z = 0.5;
    const curve = Float64Array.from({ length: 41 }, (_, s) => (a * (s - s0) ** 2 + 4000) / dof);
    const sigmaShift = Math.sqrt(2 / (2 * a));
    expect(curvatureZErr(curve, s0, z, dof, grid)).toBeCloseTo((1 + z) * Math.LN10 * 1e-4 * sigmaShift, 12);
  });
  it('is NaN where there is no curvature: a flat bottom, a maximum, the ends', () => {
    const flat = new Float64Array(9).fill(2);
    expect(curvatureZErr(flat, 4, 0, 100, grid)).toBeNaN();
    const peak = Float64Array.from({ length: 9 }, (_, s) => -((s - 4) ** 2));
    expect(curvatureZErr(peak, 4, 0, 100, grid)).toBeNaN();
    const bowl = Float64Array.from({ length: 9 }, (_, s) => s * s);
    expect(curvatureZErr(bowl, 0, 0, 100, grid)).toBeNaN();
  });
});

describe('σ_z on real SDSS spectra (encoder)', () => {
  let analyzer: Analyzer;
  let grids: Record<SpectralClass, OutputGridSpec>;
  beforeAll(async () => {
    const recs = await loadReconstructors('encoder');
    analyzer = createAnalyzer(recs);
    grids = { STAR: recs.STAR.entry.outputGrid, GALAXY: recs.GALAXY.entry.outputGrid, QSO: recs.QSO.entry.outputGrid };
  });

  it.each(FILES)('%s: σ_z is positive, scaled per class, and covers SDSS’s z', async (file) => {
    const t = truth.get(file)!;
    const r = await analyseSpectrum(analyzer, await sdssSpectrum(file));
    expect(r.zErrScale).toEqual(Z_ERR_SCALE.encoder);
    for (const c of CLASSES) {
      expect(r.zErrByClass[c]).toBeGreaterThan(0);
      expect(r.zErrByClass[c]).toBe(r.rankedMinima[c][0].zErr);
    }
    expect(r.zErr).toBe(r.zErrByClass[r.cls]);
    const raw = r.zErr / r.zErrScale[r.cls];
    const dof = r.nGood - 16;
    const m = r.scans[r.cls].minima[0];
    expect(curvatureZErr(r.scans[r.cls].chi2, m.shift, m.z, dof, grids[r.cls]) / raw).toBeCloseTo(1, 12);
    // Quasar pulls have heavy tails (the reconstruction's line shapes): checked in results/, not here.
    if (t.cls !== 'QSO') expect(Math.abs(r.z - t.z)).toBeLessThan(5 * r.zErr);
  });

  it('re-noising a galaxy with its own ivar moves z by about the raw σ_z', async () => {
    const s = await sdssSpectrum('spec-0783-52325-0322.fits');
    const r0 = await analyseSpectrum(analyzer, s);
    const raw = r0.zErr / r0.zErrScale[r0.cls];
    const rng = seededRandom(11);
    const dz: number[] = [];
    for (let d = 0; d < 24; d++) {
      const flux = Float32Array.from(s.flux, (f, i) => (s.ivar[i] > 0 ? f + rng.normal() / Math.sqrt(s.ivar[i]) : f));
      dz.push((await analyseSpectrum(analyzer, { ...s, flux })).z - r0.z);
    }
    const rms = Math.sqrt(dz.reduce((a, x) => a + x * x, 0) / dz.length);
    expect(rms / raw).toBeGreaterThan(0.5);
    expect(rms / raw).toBeLessThan(2);
  });
});
