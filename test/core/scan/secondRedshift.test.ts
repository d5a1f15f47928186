/**
 * Issue 11 §4: emission lines at a second redshift in the residual. On hand-made noisy residuals:
 * nothing flagged without lines, no z₂ from one line group alone, the right z₂ from two. On real SDSS spectra: a
 * background galaxy's lines injected at a known z₂ are found there and flagged; the spectra as
 * they are are not flagged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_LOGLAM0, LOGLAM_STEP_DEX, N_INPUT } from '../../../src/core/grid/modelGrid.ts';
import type { Analyzer } from '../../../src/core/scan/pipeline.ts';
import { MIN_SECOND_Z_SNR } from '../../../src/core/scan/flags.ts';
import { LINE_SIGMA_PIXELS, secondRedshift } from '../../../src/core/scan/secondRedshift.ts';
import { injectGalaxyLines } from '../../../tools/lib/injectLines.ts';
import { loadAnalyzer } from '../../../tools/lib/nodeModels.ts';
import { seededRandom } from '../../../tools/lib/random.ts';
import { analyseSpectrum, sdssSpectrum } from './realSpectra.ts';

// A star, a galaxy at z ≈ 0.05 with its own emission lines, a quasar.
const FILES = ['spec-1883-53271-0276.fits', 'spec-0375-52140-0356.fits', 'spec-7680-58131-0771.fits'];

/** The lines injectGalaxyLines adds, by their search names. */
const INJECTED = ['[O II] 3727', 'Hβ', '[O III] 4959', '[O III] 5007', '[N II] 6548', 'Hα', '[N II] 6583'];

/** Unit-variance white-noise residual (seeded) with Gaussian lines of amplitude `a` at the given vacuum Å. */
function residualWith(lines: { restA: number; a: number }[], z2: number) {
  const rng = seededRandom(4);
  const F = Float32Array.from({ length: N_INPUT }, () => rng.normal());
  const w = new Float32Array(N_INPUT).fill(1);
  for (const l of lines) {
    const c = (Math.log10(l.restA * (1 + z2)) - INPUT_LOGLAM0) / LOGLAM_STEP_DEX;
    for (let k = 0; k < N_INPUT; k++) F[k] += l.a * Math.exp(-0.5 * ((k - c) / LINE_SIGMA_PIXELS) ** 2);
  }
  return { F, w };
}
const R0 = new Float32Array(N_INPUT + 10); // a reconstruction of zeros: the residual is F itself
const near = (a: number, b: number) => Math.abs(Math.log10((1 + a) / (1 + b))) <= 3 * LOGLAM_STEP_DEX;

describe('secondRedshift on hand-made residuals', () => {
  it('finds nothing above the flag threshold in noise alone', () => {
    const s = secondRedshift(residualWith([], 0), R0, 0, 0.1, 'GALAXY');
    expect(s?.snr ?? 0).toBeLessThan(MIN_SECOND_Z_SNR.encoder);
  });
  it('needs two line groups: Hα with its [N II] pair alone is one', () => {
    const p = residualWith([{ restA: 6549.859, a: 3 }, { restA: 6564.614, a: 10 }, { restA: 6585.2685, a: 3 }], 0.2);
    const s = secondRedshift(p, R0, 0, 0.6, 'GALAXY');
    expect(s === undefined || !near(s.z2, 0.2)).toBe(true);
  });
  it('finds [O III] with Hβ at their redshift, to the trial step', () => {
    const z2 = 0.31;
    const p = residualWith([{ restA: 4862.683, a: 4 }, { restA: 5008.2397, a: 8 }, { restA: 4960.2949, a: 2.7 }], z2);
    const s = secondRedshift(p, R0, 0, 0.05, 'GALAXY')!;
    expect(Math.abs(Math.log10((1 + s.z2) / (1 + z2)))).toBeLessThanOrEqual(LOGLAM_STEP_DEX);
    expect(s.lines.map((l) => l.name).slice(0, 2)).toEqual(['[O III] 5007', 'Hβ']);
    expect(s.snr).toBeCloseTo(Math.hypot(...s.lines.map((l) => l.snr)), 10);
  });
  it('never reports the fit’s own redshift', () => {
    const p = residualWith([{ restA: 4862.683, a: 4 }, { restA: 5008.2397, a: 8 }], 0.31);
    const s = secondRedshift(p, R0, 0, 0.31, 'STAR');
    expect(s === undefined || !near(s.z2, 0.31)).toBe(true);
  });
});

describe('second redshift injected into real SDSS spectra (encoder)', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await loadAnalyzer('encoder');
  });
  it.each(FILES)('%s: not flagged as it is; lines at z₂ = 0.30 and S/N 15 are found and flagged', async (file) => {
    const s = await sdssSpectrum(file);
    expect((await analyseSpectrum(analyzer, s)).flags).not.toContain('second-redshift');
    const z2 = 0.3; // its lines miss the three spectra's own (masked) lines
    const r = await analyseSpectrum(analyzer, injectGalaxyLines(s, z2, 15)!);
    expect(r.flags).toContain('second-redshift');
    expect(Math.abs(Math.log10((1 + r.secondRedshift!.z2) / (1 + z2)))).toBeLessThanOrEqual(3 * LOGLAM_STEP_DEX);
    const found = r.secondRedshift!.lines.map((l) => l.name);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const name of found) expect(INJECTED).toContain(name);
  });
});
