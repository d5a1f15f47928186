/**
 * The survey's cut (the paper's Fig. 12): keep the spectra whose robustness R is at least a threshold
 * R_T ("unique", a single minimum, always kept) and measure what is kept: completeness = kept / all,
 * accuracy = kept with the right class / kept, GF = kept with the right class and |Δz|/(1+z) below the
 * GF threshold of the true class (METHOD.md §6) / kept. A failed analysis counts in "all" only.
 */
import { GF_THRESHOLD } from './metrics.ts';
import type { SpectralClass } from '../types.ts';

export interface CutInput {
  trueClass: SpectralClass;
  trueZ: number;
  cls?: SpectralClass;
  z?: number;
  /** undefined = unique (a single minimum): kept at every threshold. */
  robustness: number | undefined;
}

export interface CutPoint {
  rThreshold: number;
  kept: number;
  completeness: number;
  accuracy: number;
  gf: number;
}

/** The thresholds drawn by default: 0 (keep all) to 3, finer near the paper's 0.1. */
export const DEFAULT_R_THRESHOLDS: readonly number[] = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3];

export function rThresholdCurve(rows: readonly CutInput[], thresholds: readonly number[] = DEFAULT_R_THRESHOLDS): CutPoint[] {
  const n = rows.length;
  return thresholds.map((t) => {
    const kept = rows.filter((r) => r.cls !== undefined && r.z !== undefined && (r.robustness === undefined || r.robustness >= t));
    const right = kept.filter((r) => r.cls === r.trueClass);
    const good = right.filter((r) => Math.abs(r.z! - r.trueZ) / (1 + r.trueZ) < GF_THRESHOLD[r.trueClass]);
    const frac = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
    return { rThreshold: t, kept: kept.length, completeness: frac(kept.length, n), accuracy: frac(right.length, kept.length), gf: frac(good.length, kept.length) };
  });
}
