import { describe, expect, it } from 'vitest';
import { upstreamInputGrid } from '../../../src/core/grid/modelGrid.ts';
import { polyfitEvaluate } from '../../../src/core/preprocess/polyfit.ts';

describe('polyfitEvaluate', () => {
  const x = upstreamInputGrid(); // log10 λ ≈ 3.556 … 3.964: badly conditioned for monomials

  it('reproduces a degree-5 polynomial in log10 λ exactly', () => {
    const p = (t: number) => 3 - 2 * (t - 3.7) + 40 * (t - 3.7) ** 2 - 300 * (t - 3.7) ** 3 + 900 * (t - 3.7) ** 4 + 5000 * (t - 3.7) ** 5;
    const y = Float64Array.from(x, p);
    const use = new Uint8Array(x.length).fill(1);
    const fit = polyfitEvaluate(x, y, use, 5);
    for (let k = 0; k < x.length; k += 50) expect(fit[k]).toBeCloseTo(y[k], 8);
  });

  it('ignores unused pixels and extrapolates the fit over them', () => {
    const y = Float64Array.from(x, (t) => 1 + 2 * t);
    const use = new Uint8Array(x.length).fill(1);
    for (let k = 1000; k < 2000; k++) {
      use[k] = 0;
      y[k] = 1e6; // garbage where masked
    }
    const fit = polyfitEvaluate(x, y, use, 5);
    expect(fit[1500]).toBeCloseTo(1 + 2 * x[1500], 6);
  });

  it('matches the least-squares solution of a noisy line (degree 1)', () => {
    const y = Float64Array.from(x, (t, k) => 2 * t + (k % 2 ? 0.5 : -0.5));
    const fit = polyfitEvaluate(x, y, new Uint8Array(x.length).fill(1), 1);
    // Alternating ±0.5 noise on an even count averages out: the fit is the line itself.
    expect(fit[0]).toBeCloseTo(2 * x[0], 3);
    expect(fit[4075]).toBeCloseTo(2 * x[4075], 3);
  });

  it('returns NaN when there are fewer used pixels than coefficients', () => {
    const use = new Uint8Array(x.length);
    use[3] = use[9] = 1;
    expect(Number.isNaN(polyfitEvaluate(x, new Float64Array(x.length), use, 5)[0])).toBe(true);
  });
});
