/**
 * Each class's best minima as a survey catalogue lists them, and Δχ² between the best answer
 * and the next best distinct one (Redrock's DELTACHI2; docs/METHOD-extensions.md §2).
 */
import { CLASSES, type SpectralClass } from '../types.ts';
import type { OutputGridSpec } from './redshift.ts';
import type { ClassScan, RankedMinimum } from './types.ts';
import { curvatureZErr } from './zErr.ts';

/** Minima listed per class unless asked otherwise (Redrock keeps 3 per template). */
export const DEFAULT_RANKED_MINIMA = 3;
/** Candidates closer than this to the best redshift are the same answer (Redrock's max_velo_diff). */
export const SAME_ANSWER_KMS = 1000;
const C_KMS = 299792.458;

/**
 * The first `count` kept minima of every class with their calibrated σ_z (`scale` per class) and
 * unreduced Δχ² to the lowest minimum of all classes. `dof` turns reduced χ² into unreduced.
 */
export function rankedMinima(
  scans: Record<SpectralClass, ClassScan>,
  grids: Record<SpectralClass, OutputGridSpec>,
  dof: number,
  scale: Readonly<Record<SpectralClass, number>>,
  count: number,
): Record<SpectralClass, RankedMinimum[]> {
  let best = Number.POSITIVE_INFINITY;
  for (const c of CLASSES) best = Math.min(best, scans[c].minima[0]?.chi2 ?? Number.POSITIVE_INFINITY);
  const out = {} as Record<SpectralClass, RankedMinimum[]>;
  for (const c of CLASSES) {
    const scan = scans[c];
    out[c] = scan.minima.slice(0, count).map((m) => ({
      z: m.z,
      chi2: m.chi2,
      zErr: curvatureZErr(scan.chi2, m.shift, m.z, dof, grids[c]) * scale[c],
      deltaChi2: (m.chi2 - best) * dof,
    }));
  }
  return out;
}

/**
 * Unreduced χ² of the next best candidate, over every class's ranked minima, whose redshift
 * differs from the best's by more than SAME_ANSWER_KMS, minus the best's. Undefined when
 * there is no such candidate.
 */
export function deltaChi2ToNext(ranked: Record<SpectralClass, RankedMinimum[]>, bestZ: number): number | undefined {
  let next: number | undefined;
  for (const c of CLASSES) {
    for (const m of ranked[c]) {
      if ((C_KMS * Math.abs(m.z - bestZ)) / (1 + bestZ) <= SAME_ANSWER_KMS) continue;
      if (next === undefined || m.deltaChi2 < next) next = m.deltaChi2;
    }
  }
  return next;
}
