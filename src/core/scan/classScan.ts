/**
 * One class's χ² curve turned into what people read: reduced χ² per shift,
 * the redshift of each shift, separated minima and the robustness R.
 */
import type { SpectralClass } from '../types.ts';
import { separatedMinima } from './minima.ts';
import { zOfShift, type OutputGridSpec } from './redshift.ts';
import { robustness } from './robustness.ts';
import type { ClassScan } from './types.ts';

/** 0.01 dex between kept minima (METHOD.md §5). */
export const MINIMA_SEPARATION_PIXELS = 100;
/** Free parameters: 10 coefficients + 6 polynomial terms, as in the paper. */
export const FIT_PARAMETERS = 16;

/** `S`: [nShift] raw χ² sums (chi2Fft.ts); `nGood`: pixels with w > 0. */
export function classScan(cls: SpectralClass, S: Float64Array, nGood: number, grid: OutputGridSpec, edgePixels: number): ClassScan {
  const dof = Math.max(nGood - FIT_PARAMETERS, 1);
  const nShift = S.length;
  const chi2 = new Float64Array(nShift);
  const z = new Float64Array(nShift);
  for (let s = 0; s < nShift; s++) {
    chi2[s] = S[s] / dof;
    z[s] = zOfShift(grid, s);
  }
  const raw = separatedMinima(chi2, MINIMA_SEPARATION_PIXELS);
  const minima = raw.map((m) => ({ shift: m.position, z: zOfShift(grid, m.position), chi2: m.value }));
  const best = raw[0];
  const atEdge = best === undefined || best.index < edgePixels || best.index > nShift - 1 - edgePixels;
  return { cls, chi2, z, minima, robustness: robustness(minima.map((m) => m.chi2)), atEdge };
}
