/**
 * classScan on a real SDSS galaxy's curves (its own preprocessing, the encoder,
 * the FFT scan): reduced χ², separated minima lowest first, the exact polish,
 * redshifts of the shifts, R and the edge flag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { parseManifest } from '../../../src/core/inference/parseManifest.ts';
import { createReconstructor } from '../../../src/core/inference/reconstructor.ts';
import { preprocess } from '../../../src/core/preprocess/preprocess.ts';
import type { Preprocessed } from '../../../src/core/preprocess/types.ts';
import { createChi2Scanner, type Chi2Scanner } from '../../../src/core/scan/chi2Fft.ts';
import { classScan, FIT_PARAMETERS, MINIMA_SEPARATION_PIXELS } from '../../../src/core/scan/classScan.ts';
import { loadPffft } from '../../../src/core/scan/pffft.ts';
import { zOfShift } from '../../../src/core/scan/redshift.ts';
import type { ModelEntry } from '../../../src/core/inference/manifest.ts';
import { analyseFixture } from '../../ui/view/realAnalysis.ts';

const MODELS = join(import.meta.dirname, '..', '..', '..', 'public', 'models');
let pre: Preprocessed;
let R: Float32Array;
let entry: ModelEntry;
let scanner: Chi2Scanner;

beforeAll(async () => {
  const real = await analyseFixture('spec-0375-52140-0356.fits');
  const p = preprocess(real.detail.gridded);
  if (!p.ok) throw new Error(p.error.message);
  pre = p.value;
  const m = parseManifest(JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')));
  if (!m.ok) throw new Error(m.error.message);
  entry = findModel(m.value, 'encoder', 'GALAXY');
  const rec = await createReconstructor(ort, entry, new Uint8Array(readFileSync(join(MODELS, entry.file))));
  if (!rec.ok) throw new Error(rec.error.message);
  [{ values: R }] = await rec.value.run(pre.F, 1);
  scanner = createChi2Scanner(await loadPffft());
  scanner.setSpectrum(pre.F, pre.w);
});

describe('classScan', () => {
  it('turns the raw sums into reduced χ², with minima lowest first and at least 100 pixels apart', () => {
    const S = scanner.scan(R);
    const raw = S.slice();
    const scan = classScan('GALAXY', S, pre.nGood, entry.outputGrid, 2);
    const dof = pre.nGood - FIT_PARAMETERS;
    expect(scan.chi2).toBe(S); // in place: the curves are large
    for (const s of [0, 500, raw.length - 1]) expect(scan.chi2[s]).toBeCloseTo(raw[s] / dof, 12);
    const m = scan.minima;
    expect(m.length).toBeGreaterThan(1);
    for (let i = 1; i < m.length; i++) {
      expect(m[i].chi2).toBeGreaterThanOrEqual(m[i - 1].chi2);
      for (let j = 0; j < i; j++) expect(Math.abs(m[i].shift - m[j].shift)).toBeGreaterThan(MINIMA_SEPARATION_PIXELS - 1);
    }
    for (const x of m) expect(x.z).toBe(zOfShift(entry.outputGrid, x.shift));
    expect(scan.z[Math.round(m[0].shift)]).toBeCloseTo(m[0].z, 3);
    expect(scan.robustness).toBeCloseTo((m[1].chi2 - m[0].chi2) / m[0].chi2, 12);
    expect(scan.atEdge).toBe(false);
  });

  it('polishes the two deciding minima with the exact float64 sums (SDSS galaxy at z ≈ 0.045)', () => {
    const scan = classScan('GALAXY', scanner.scan(R), pre.nGood, entry.outputGrid, 2, (s) => scanner.exact(R, s));
    const best = scan.minima[0];
    const dof = pre.nGood - FIT_PARAMETERS;
    const s = Math.round(best.shift);
    expect(scan.chi2[s]).toBe(scanner.exact(R, s) / dof);
    expect(best.z).toBeCloseTo(0.045, 3);
  });
});
