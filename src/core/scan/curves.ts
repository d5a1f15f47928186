/**
 * A result's three χ² curves as a survey would store them (docs/METHOD-extensions.md §3): the
 * redshift of every shift, the unreduced χ² Σ w (F − R)² and the reduced χ² the app plots.
 */
import { CLASSES, type SpectralClass } from '../types.ts';
import { dofOf } from './classScan.ts';
import type { AnalysisResult } from './types.ts';

export interface Chi2Curve {
  /** [nShift] redshift of each shift (decreasing). */
  z: Float64Array;
  /** [nShift] unreduced χ². */
  chi2: Float64Array;
  /** [nShift] reduced χ² (chi2 / dof). */
  chi2Reduced: Float64Array;
  dof: number;
}

export function chi2Curves(r: Pick<AnalysisResult, 'scans' | 'nGood'>): Record<SpectralClass, Chi2Curve> {
  const dof = dofOf(r.nGood);
  const out = {} as Record<SpectralClass, Chi2Curve>;
  for (const c of CLASSES) {
    const reduced = r.scans[c].chi2;
    out[c] = { z: r.scans[c].z, chi2: reduced.map((x) => x * dof), chi2Reduced: reduced, dof };
  }
  return out;
}
