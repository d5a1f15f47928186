import { describe, expect, it } from 'vitest';
import { localNoise, matchNoiseToData, noiseScale } from '../../../src/core/preprocess/noiseScale.ts';
import { seededRandom } from '../grid/seededRandom.ts';

function spectrum(n: number, sigma: (i: number) => number, quoted: (i: number) => number, seed = 1) {
  const { normal } = seededRandom(seed);
  const flux = Float32Array.from({ length: n }, (_, i) => 100 + 10 * Math.sin(i / 50) + sigma(i) * normal());
  const ivar = Float32Array.from({ length: n }, (_, i) => 1 / quoted(i) ** 2);
  return { flux, ivar };
}

describe('noise measured in the data', () => {
  it('is 1 when the errors are right and (true/quoted)² when they are not', () => {
    expect(noiseScale(spectrum(3000, () => 2, () => 2))).toBeCloseTo(1, 1);
    expect(noiseScale(spectrum(3000, () => 3, () => 1))).toBeGreaterThan(8);
    expect(noiseScale(spectrum(3000, () => 3, () => 1))).toBeLessThan(10);
  });

  it('ignores a strong emission line and a few spikes (robust spread)', () => {
    const s = spectrum(3000, () => 2, () => 2);
    for (let i = 1500; i < 1510; i++) s.flux[i] += 500 * Math.exp(-((i - 1505) ** 2) / 4);
    s.flux[200] = 1e4;
    expect(noiseScale(s)).toBeCloseTo(1, 1);
  });

  it('scales ivar only upward (errors too small), never down', () => {
    const under = matchNoiseToData(spectrum(3000, () => 4, () => 2));
    expect(under.rescale.varianceFactor).toBeGreaterThan(3.5);
    expect(under.spectrum.ivar[10]).toBeCloseTo(0.25 / under.rescale.varianceFactor, 5);
    const over = matchNoiseToData(spectrum(3000, () => 1, () => 2));
    expect(over.rescale.varianceFactor).toBe(1);
  });

  it('estimates σ locally for a file without errors: noisy ends get less weight', () => {
    const n = 2000;
    const s = spectrum(n, (i) => (i < 100 ? 50 : 2), () => 1);
    const sigma = localNoise(s);
    expect(sigma[1000]).toBeGreaterThan(1.6);
    expect(sigma[1000]).toBeLessThan(2.4);
    expect(sigma[40]).toBeGreaterThan(30);
    const m = matchNoiseToData({ ...s, noErrors: true });
    expect(m.rescale.estimated).toBe(true);
    expect(m.spectrum.ivar[40]).toBeLessThan(m.spectrum.ivar[1000] / 100);
  });
});
