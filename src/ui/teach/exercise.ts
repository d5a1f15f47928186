/**
 * The "find the redshift yourself" exercise: where to start, and what to
 * tell the user about the z they are at.
 */
import type { OutputGridSpec } from '../../core/scan/redshift.ts';
import { shiftOfZ } from '../../core/scan/redshift.ts';
import type { ClassScan } from '../../core/scan/types.ts';
import { chi2AtZ } from '../view/chi2AtZ.ts';

/** Within this many pixels of the best minimum counts as found. */
export const SOLVED_PIXELS = 1;

/**
 * Where the slider starts, given the scanned redshifts [zLo, zHi]: z = 0 (or
 * the nearest scanned z) for classes that start there; a class whose range
 * straddles 0 (STAR) starts at its top end, since its answer is near 0.
 */
export function exerciseStartZ(zLo: number, zHi: number): number {
  if (zLo < 0 && zHi > 0) return zHi;
  return Math.min(Math.max(0, zLo), zHi);
}

/** The scanned redshift range [lowest, highest] of a class scan. */
export function scanZRange(scan: Pick<ClassScan, 'z'>): [number, number] {
  const n = scan.z.length;
  if (n === 0) throw new RangeError('empty scan');
  return [scan.z[n - 1], scan.z[0]];
}

export type ExerciseState = 'solved' | 'other-minimum' | 'close' | 'searching';

export interface ExerciseFeedback {
  state: ExerciseState;
  /** Reduced χ² at z (undefined outside the scanned range). */
  chi2: number | undefined;
  /** Distance from the best minimum in pixels (0.0001 dex). */
  pixelsFromBest: number;
  /** Compared with the previous χ²: lower is 'better'. */
  trend: 'better' | 'worse' | 'same' | undefined;
  message: string;
}

export function exerciseFeedback(scan: Pick<ClassScan, 'chi2' | 'z' | 'minima'>, grid: OutputGridSpec, z: number, previousChi2?: number): ExerciseFeedback {
  const chi2 = chi2AtZ(scan, z);
  const s = shiftOfZ(grid, z);
  const best = scan.minima[0];
  const pixelsFromBest = best ? Math.abs(s - best.shift) : Number.POSITIVE_INFINITY;
  let trend: ExerciseFeedback['trend'];
  if (chi2 !== undefined && previousChi2 !== undefined) {
    const d = chi2 - previousChi2;
    trend = Math.abs(d) <= 1e-9 * Math.max(1, previousChi2) ? 'same' : d < 0 ? 'better' : 'worse';
  }
  const onOther = scan.minima.slice(1).some((m) => Math.abs(m.shift - s) <= SOLVED_PIXELS);
  let state: ExerciseState;
  let message: string;
  if (pixelsFromBest <= SOLVED_PIXELS) {
    state = 'solved';
    message = `Found it: z = ${best!.z.toFixed(5)} is the deepest χ² dip (${pixelsFromBest.toFixed(1)} px from it).`;
  } else if (onOther) {
    state = 'other-minimum';
    message = 'This is a dip, but not the deepest one: another redshift fits better. Keep looking.';
  } else if (pixelsFromBest <= 10) {
    state = 'close';
    message = 'Very close: fine-tune with the arrow keys on the slider.';
  } else {
    state = 'searching';
    message = trend === 'better' ? 'χ² went down: warmer.' : trend === 'worse' ? 'χ² went up: colder.' : 'Move the slider and watch χ².';
  }
  return { state, chi2, pixelsFromBest, trend, message };
}
