import { describe, expect, it } from 'vitest';
import { kernel, nextSmoothing, smooth, smoothingLabel, SMOOTHING_WIDTHS } from '../../../src/ui/plots/smoothing.ts';
import { analyseFixture } from '../view/realAnalysis.ts';

describe('display smoothing', () => {
  it('kernels sum to 1; a Gaussian of FWHM w is half its peak w/2 pixels out', () => {
    for (const width of [3, 4, 5, 9, 15]) {
      for (const kind of ['boxcar', 'gaussian'] as const) {
        const k = kernel({ kind, width });
        expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(k.length % 2).toBe(1);
      }
    }
    const g = kernel({ kind: 'gaussian', width: 6 });
    const c = (g.length - 1) / 2;
    expect(g[c + 3] / g[c]).toBeCloseTo(0.5, 10);
    expect(Array.from(kernel({ kind: 'boxcar', width: 4 }))).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });

  it('a boxcar of 3 is the running mean; width 0 copies', () => {
    const y = [0, 3, 6, 3, 0];
    expect(Array.from(smooth(y, undefined, { kind: 'boxcar', width: 3 }))).toEqual([1.5, 3, 4, 3, 1.5]);
    expect(Array.from(smooth(y, undefined, { kind: 'boxcar', width: 0 }))).toEqual(y);
  });

  it('weights by inverse variance: a pixel with ivar 0 or NaN flux counts for nothing, and a gap with no neighbour stays NaN', () => {
    const y = [1, 100, 1, Number.NaN, 5, 5, 5, 5, 5];
    const w = [1, 0, 1, 1, 1, 1, 1, 0, 0];
    const s = smooth(y, w, { kind: 'boxcar', width: 3 });
    expect(s[1]).toBe(1);
    expect(s[2]).toBe(1);
    expect(s[3]).toBe(3);
    expect(Number.isNaN(smooth([1, 2, 3], [0, 0, 0], { kind: 'boxcar', width: 3 })[1])).toBe(true);
    // a low-ivar outlier is pulled in less than a well-measured neighbour
    const noisy = smooth([0, 10, 0], [1, 0.01, 1], { kind: 'boxcar', width: 3 });
    expect(noisy[1]).toBeCloseTo(0.1 / 2.01, 6);
  });

  it('the key cycles off → 3 → 5 → 9 → 15 → off, keeping the kind', () => {
    let s = { kind: 'gaussian' as const, width: 0 };
    const seen: number[] = [];
    for (let i = 0; i < SMOOTHING_WIDTHS.length + 1; i++) {
      seen.push(s.width);
      s = nextSmoothing(s) as typeof s;
      expect(s.kind).toBe('gaussian');
    }
    expect(seen).toEqual([0, 3, 5, 9, 15, 0]);
    expect(smoothingLabel({ kind: 'gaussian', width: 5 })).toBe('Gaussian FWHM 5 px');
    expect(smoothingLabel({ kind: 'boxcar', width: 0 })).toBe('off');
  });

  it('on a real SDSS spectrum, smoothing cuts the pixel-to-pixel scatter and keeps the mean level', async () => {
    const { detail } = await analyseFixture('spec-1733-53047-0351.fits');
    const { flux, ivar } = detail.spectrum;
    const scatter = (a: ArrayLike<number>) => {
      let s = 0;
      let n = 0;
      for (let k = 1; k < a.length; k++) if (ivar[k] > 0 && ivar[k - 1] > 0 && Number.isFinite(a[k]) && Number.isFinite(a[k - 1])) { s += (a[k] - a[k - 1]) ** 2; n++; }
      return Math.sqrt(s / n);
    };
    const mean = (a: ArrayLike<number>) => {
      let s = 0;
      let n = 0;
      for (let k = 0; k < a.length; k++) if (ivar[k] > 0 && Number.isFinite(a[k])) { s += a[k]; n++; }
      return s / n;
    };
    const sm = smooth(flux, ivar, { kind: 'gaussian', width: 9 });
    expect(scatter(sm)).toBeLessThan(scatter(flux) / 3);
    expect(mean(sm)).toBeCloseTo(mean(flux), 0);
    expect(flux.length).toBe(sm.length);
  });
});
