import { beforeAll, describe, expect, it } from 'vitest';
import { chi2Direct } from '../../../src/core/scan/chi2Direct.ts';
import { createChi2Scanner } from '../../../src/core/scan/chi2Fft.ts';
import { loadPffft, type PffftModule } from '../../../src/core/scan/pffft.ts';
import { rng } from '../../../tools/fuzzMutations.ts'; // seeded mulberry32

function randomArrays(n: number, nOut: number, seed: number) {
  const r = rng(seed);
  const F = new Float32Array(n).map(() => r() * 4 - 2);
  const w = new Float32Array(n).map(() => (r() < 0.1 ? 0 : r() * 3));
  const R = new Float32Array(nOut).map(() => r() * 4 - 2);
  return { F, w, R };
}

describe('chi2 scan by FFT', () => {
  let m: PffftModule;
  beforeAll(async () => {
    m = await loadPffft();
  });

  it.each([
    ['STAR-sized', 4076, 4119],
    ['GALAXY-sized', 4076, 8055],
    ['QSO-sized', 4076, 11858],
    ['tiny, N_out a power of two', 5, 64],
    ['equal lengths (one shift)', 64, 64],
  ])('equals the direct sum (%s)', (_name, n, nOut) => {
    const { F, w, R } = randomArrays(n, nOut, n + nOut);
    const scanner = createChi2Scanner(m);
    scanner.setSpectrum(F, w);
    const fast = scanner.scan(R);
    const slow = chi2Direct(F, w, R);
    expect(fast.length).toBe(nOut - n + 1);
    // float32 transforms: errors scale with Σ w F² (the largest term), ~1e-7 of it.
    let sumWF2 = 0;
    for (let k = 0; k < n; k++) sumWF2 += w[k] * F[k] * F[k];
    let maxRel = 0;
    for (let s = 0; s < slow.length; s++) maxRel = Math.max(maxRel, Math.abs(fast[s] - slow[s]) / sumWF2);
    expect(maxRel).toBeLessThan(2e-6);
    // and the float64 direct sum at one shift is exact
    expect(scanner.exact(R, slow.length - 1)).toBeCloseTo(slow[slow.length - 1], 6);
  });

  it('reuses its transforms across classes and recomputes them for a new spectrum', () => {
    const a = randomArrays(4076, 8055, 1);
    const b = randomArrays(4076, 8055, 2);
    const scanner = createChi2Scanner(m);
    scanner.setSpectrum(a.F, a.w);
    scanner.scan(a.R);
    scanner.setSpectrum(b.F, b.w);
    const got = scanner.scan(b.R);
    const want = chi2Direct(b.F, b.w, b.R);
    for (let s = 0; s < want.length; s += 97) expect(Math.abs(got[s] - want[s]) / want[s]).toBeLessThan(1e-5);
  });

  it('finds a template placed at a known shift', () => {
    const r = rng(7);
    const nOut = 9000, n = 4076, shift = 1234;
    const R = new Float32Array(nOut).map(() => r() * 2 - 1);
    const F = R.slice(shift, shift + n);
    const w = new Float32Array(n).fill(1);
    const scanner = createChi2Scanner(m);
    scanner.setSpectrum(F, w);
    const S = scanner.scan(R);
    let best = 0;
    for (let s = 1; s < S.length; s++) if (S[s] < S[best]) best = s;
    expect(best).toBe(shift);
    expect(S[shift]).toBeLessThan(1e-4 * S[0]);
    expect(scanner.exact(R, shift)).toBe(0);
  });

  it('rejects a reconstruction shorter than the spectrum', () => {
    const scanner = createChi2Scanner(m);
    scanner.setSpectrum(new Float32Array(10), new Float32Array(10));
    expect(() => scanner.scan(new Float32Array(5))).toThrow(RangeError);
  });
});
