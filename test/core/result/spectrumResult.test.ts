/** The result contract built from a real analysis, a failure, and the best χ². */
import { beforeAll, describe, expect, it } from 'vitest';
import { bestChi2, failedResult, RESULT_SCALARS, toSpectrumResult, type SpectrumResult } from '../../../src/core/result/spectrumResult.ts';
import { analyseFixture, type RealCase } from '../../ui/view/realAnalysis.ts';

const FILE = 'spec-0375-52140-0356.fits'; // an SDSS galaxy
let real: RealCase;
let r: SpectrumResult;

beforeAll(async () => {
  real = await analyseFixture(FILE);
  const { spectrum, result } = real.detail;
  r = toSpectrumResult({ fileName: FILE, index: 0, spectrumId: spectrum.id }, spectrum, result, 2.5);
});

describe('toSpectrumResult', () => {
  it("carries the analysis's scalars, the spectrum's meta and nothing of the curves", () => {
    const a = real.detail.result;
    expect(r).toMatchObject({ fileName: FILE, index: 0, spectrumId: 'spec-0375-52140-0356', family: 'encoder', cls: 'GALAXY', ms: 2.5 });
    expect(r.z).toBe(a.z);
    expect(r.chi2).toEqual(a.chi2);
    expect(r.zByClass).toEqual(a.zByClass);
    expect(r.robustness).toBe(a.robustness);
    expect(r.nGood).toBe(a.nGood);
    expect(r.meta.format).toBe('sdss-spec');
    expect(Object.values(r).some((v) => ArrayBuffer.isView(v))).toBe(false);
    // Copies, so a later change to the analysis cannot reach the row.
    expect(r.chi2).not.toBe(a.chi2);
    expect(r.flags).not.toBe(a.flags);
  });

  it('carries every scalar of the contract', () => {
    for (const k of RESULT_SCALARS) expect(k in r).toBe(true);
  });

  it('survives a structured clone unchanged (it crosses postMessage and IndexedDB)', () => {
    expect(structuredClone(r)).toEqual(r);
  });
});

describe('failedResult / bestChi2', () => {
  it('a failure has no analysis fields and says code and message', () => {
    const f = failedResult({ fileName: 'x.fits', index: 3, spectrumId: '#3' }, 'unet', { code: 'all-masked', message: 'every pixel is masked' });
    expect(f).toEqual({ fileName: 'x.fits', index: 3, spectrumId: '#3', meta: { format: '' }, family: 'unet', flags: [], error: 'all-masked: every pixel is masked' });
    expect(bestChi2(f)).toBeNaN();
  });

  it("bestChi2 is the best class's reduced χ², the lowest of the three", () => {
    expect(bestChi2(r)).toBe(r.chi2!.GALAXY);
    expect(bestChi2(r)).toBe(Math.min(...Object.values(r.chi2!)));
  });
});
