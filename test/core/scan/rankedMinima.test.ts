/**
 * Issue 11 §2: each class's best minima with σ_z and the unreduced Δχ² to the best answer, and
 * DELTACHI2 to the next distinct redshift (Redrock's: candidates within 1000 km/s are the same
 * answer). The rule on hand-made minima, then every field on real SDSS spectra against the curves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_DELTACHI2 } from '../../../src/core/scan/flags.ts';
import type { Analyzer } from '../../../src/core/scan/pipeline.ts';
import { deltaChi2ToNext, SAME_ANSWER_KMS } from '../../../src/core/scan/rankedMinima.ts';
import type { RankedMinimum } from '../../../src/core/scan/types.ts';
import { CLASSES, type SpectralClass } from '../../../src/core/types.ts';
import { loadAnalyzer } from '../../../tools/lib/nodeModels.ts';
import { analyseSpectrum, sdssSpectrum } from './realSpectra.ts';

const FILES = ['spec-3188-54831-0169.fits', 'spec-0783-52325-0322.fits', 'spec-0564-52224-0581.fits', 'spec-7401-56808-0703.fits'];

const m = (z: number, deltaChi2: number): RankedMinimum => ({ z, chi2: 1, zErr: 1e-4, deltaChi2 });
const ranked = (r: Partial<Record<SpectralClass, RankedMinimum[]>>) => ({ STAR: [], GALAXY: [], QSO: [], ...r });

describe('deltaChi2ToNext', () => {
  it('skips candidates within 1000 km/s of the answer, in any class', () => {
    const z = 0.5;
    const near = z + ((SAME_ANSWER_KMS - 1) / 299792.458) * (1 + z);
    const far = z + ((SAME_ANSWER_KMS + 1) / 299792.458) * (1 + z);
    expect(deltaChi2ToNext(ranked({ GALAXY: [m(z, 0), m(1.2, 40)], QSO: [m(near, 3), m(far, 25)] }), z)).toBe(25);
    expect(deltaChi2ToNext(ranked({ GALAXY: [m(z, 0)], QSO: [m(near, 3)] }), z)).toBeUndefined();
  });
});

describe('ranked minima on real SDSS spectra (encoder)', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await loadAnalyzer('encoder');
  });

  it.each(FILES)('%s: three per class from the curve’s minima, Δχ² unreduced from the answer', async (file) => {
    const r = await analyseSpectrum(analyzer, await sdssSpectrum(file));
    const dof = r.nGood - 16;
    for (const c of CLASSES) {
      const list = r.rankedMinima[c];
      const kept = r.scans[c].minima;
      expect(list.length).toBe(Math.min(3, kept.length));
      list.forEach((x, i) => {
        expect(x.z).toBe(kept[i].z);
        expect(x.chi2).toBe(kept[i].chi2);
        expect(x.deltaChi2).toBeCloseTo((kept[i].chi2 - r.chi2[r.cls]) * dof, 6);
        expect(x.deltaChi2).toBeGreaterThanOrEqual(0);
      });
      expect(list[0].z).toBe(r.zByClass[c]);
    }
    expect(r.rankedMinima[r.cls][0].deltaChi2).toBe(0);
    // DELTACHI2: the lowest Δχ² among candidates more than 1000 km/s from z.
    const others = CLASSES.flatMap((c) => r.rankedMinima[c]).filter((x) => (299792.458 * Math.abs(x.z - r.z)) / (1 + r.z) > SAME_ANSWER_KMS);
    expect(r.deltaChi2).toBe(Math.min(...others.map((x) => x.deltaChi2)));
    expect(r.flags.includes('small-deltachi2')).toBe(r.deltaChi2! < MIN_DELTACHI2);
  });
});
