/**
 * Issue 6: numbers that cannot be trusted are flagged, not hidden. The
 * thresholds on their own, then real spectra: a star moved just past the
 * STAR range (its minimum sits on the edge), a spectrum cut to 699 good
 * pixels, and every committed SDSS spectrum through both network families —
 * no NaN or Inf anywhere in a result (curves, minima, reconstructions,
 * network input included).
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toModelGrid } from '../../../src/core/grid/toModelGrid.ts';
import { anomalyFlags, resolveFlagOptions } from '../../../src/core/scan/flags.ts';
import type { Analyzer } from '../../../src/core/scan/pipeline.ts';
import type { AnalysisResult } from '../../../src/core/scan/types.ts';
import { CLASSES } from '../../../src/core/types.ts';
import { loadAnalyzer } from '../../../tools/lib/nodeModels.ts';
import { analyseSpectrum, SDSS_DIR, sdssSpectrum } from './realSpectra.ts';

const ALL = readdirSync(SDSS_DIR).filter((f) => f.endsWith('.fits')).sort();
const STAR = 'spec-1883-53271-0276.fits';

const spectrum = sdssSpectrum;
const analyse = analyseSpectrum;

/** Every number in a result that is not finite, by path (robustness may be undefined: "unique"). */
function nonFinite(r: AnalysisResult): string[] {
  const bad: string[] = [];
  const check = (path: string, v: number) => Number.isFinite(v) || bad.push(`${path} = ${v}`);
  const checkAll = (path: string, a: ArrayLike<number>) => {
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return void bad.push(`${path}[${i}] = ${a[i]}`);
  };
  check('z', r.z);
  check('nGood', r.nGood);
  if (r.robustness !== undefined) check('robustness', r.robustness);
  for (const c of CLASSES) {
    check(`chi2.${c}`, r.chi2[c]);
    check(`zByClass.${c}`, r.zByClass[c]);
    checkAll(`scans.${c}.chi2`, r.scans[c].chi2);
    checkAll(`scans.${c}.z`, r.scans[c].z);
    if (r.scans[c].robustness !== undefined) check(`scans.${c}.robustness`, r.scans[c].robustness!);
    r.scans[c].minima.forEach((m, i) => [m.z, m.chi2, m.shift].forEach((v, k) => check(`scans.${c}.minima[${i}].${k}`, v)));
    checkAll(`reconstructions.${c}`, r.reconstructions[c].values);
  }
  checkAll('preprocessed.F', r.preprocessed.F);
  checkAll('preprocessed.w', r.preprocessed.w);
  check('preprocessed.norm', r.preprocessed.norm);
  return bad;
}

describe('anomalyFlags', () => {
  const opts = resolveFlagOptions();
  const base = { best: 'GALAXY' as const, chi2: { STAR: 5, GALAXY: 1, QSO: 4 }, robustness: 2, atEdge: false, nGood: 4000, deltaChi2: 5000, secondZSnr: undefined };
  it('flags too few good pixels and a minimum on the edge of the range, and nothing on a clean result', () => {
    expect(anomalyFlags(base, opts)).toEqual([]);
    expect(anomalyFlags({ ...base, nGood: opts.minGoodPixels - 1 }, opts)).toEqual(['few-pixels']);
    expect(anomalyFlags({ ...base, nGood: opts.minGoodPixels }, opts)).toEqual([]);
    expect(anomalyFlags({ ...base, atEdge: true }, opts)).toEqual(['edge-of-range']);
  });
  it('flags a small Δχ² below its threshold and a second redshift at or above its S/N', () => {
    expect(anomalyFlags({ ...base, deltaChi2: opts.minDeltaChi2 - 0.01 }, opts)).toEqual(['small-deltachi2']);
    expect(anomalyFlags({ ...base, deltaChi2: opts.minDeltaChi2 }, opts)).toEqual([]);
    expect(anomalyFlags({ ...base, deltaChi2: undefined }, opts)).toEqual([]);
    expect(anomalyFlags({ ...base, secondZSnr: opts.minSecondZSnr }, opts)).toEqual(['second-redshift']);
    expect(anomalyFlags({ ...base, secondZSnr: opts.minSecondZSnr - 0.01 }, opts)).toEqual([]);
  });
  it('a χ² that is not a number is flagged, never passed as good', () => {
    expect(anomalyFlags({ ...base, chi2: { ...base.chi2, GALAXY: Number.NaN } }, opts)).toContain('high-chi2');
  });
});

describe('flags on real spectra', () => {
  let encoder: Analyzer;
  let unet: Analyzer;
  beforeAll(async () => {
    encoder = await loadAnalyzer('encoder');
    unet = await loadAnalyzer('unet');
  });

  it('a star moved just past the STAR range (z = 0.006) keeps its class, with the minimum on the edge flagged', async () => {
    const s = await spectrum(STAR);
    const r = await analyse(encoder, { ...s, wavelength: s.wavelength.map((w) => w * 1.006) });
    expect(r.cls).toBe('STAR');
    expect(r.flags).toContain('edge-of-range');
    expect(nonFinite(r)).toEqual([]);
    // Unmoved, the same star is not on the edge.
    expect((await analyse(encoder, s)).flags).not.toContain('edge-of-range');
  });

  it('a spectrum with 699 good pixels (accepted: ≥ 500) is analysed and flagged few-pixels', async () => {
    const s = await spectrum(STAR);
    const ivar = s.ivar.slice();
    ivar.fill(0, 700);
    const r = await analyse(encoder, { ...s, ivar });
    expect(r.nGood).toBeLessThan(resolveFlagOptions().minGoodPixels);
    expect(r.flags).toContain('few-pixels');
    expect(nonFinite(r)).toEqual([]);
  });

  it(`no NaN or Inf anywhere in the results of all ${ALL.length} SDSS spectra, either family`, async () => {
    const spectra = await Promise.all(ALL.map(spectrum));
    const grids = spectra.map((s) => {
      const g = toModelGrid(s);
      if (!g.ok) throw new Error(g.error.message);
      return g.value;
    });
    for (const analyzer of [encoder, unet]) {
      const results = await analyzer.analyze(grids);
      const problems = results.flatMap((r, i) => (r.ok ? nonFinite(r.value).map((p) => `${ALL[i]} ${analyzer.family}: ${p}`) : [`${ALL[i]}: ${r.error.message}`]));
      expect(problems).toEqual([]);
    }
  });
});
