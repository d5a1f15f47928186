/**
 * Redshift error from the curvature of the χ² curve at a minimum (docs/METHOD-extensions.md §1).
 *
 * Near a minimum the unreduced χ² is S(s) ≈ S₀ + ½ S''·(s − s₀)², so Δχ² = 1 lies at
 * σ_s = √(2/S'') pixels; with z(s) = 10^(x₀ − step·s) − 1, |dz/ds| = (1+z)·ln10·step.
 * S'' is the second difference through the minimum's pixel and its two neighbours, the
 * same three points the parabola refinement uses (exact float64 sums for polished minima).
 */
import type { ModelFamily, SpectralClass } from '../types.ts';
import type { OutputGridSpec } from './redshift.ts';

/**
 * σ_z (z units) of the minimum at fractional `shift` of a reduced χ² `curve` with `dof`
 * degrees of freedom, before any calibration. NaN when the curve is not convex there
 * (a minimum on the edge or a flat bottom): no curvature, no error.
 */
export function curvatureZErr(curve: ArrayLike<number>, shift: number, z: number, dof: number, grid: OutputGridSpec): number {
  const n = curve.length;
  const i = Math.round(shift);
  if (!(i >= 1 && i <= n - 2)) return Number.NaN;
  const d2 = (curve[i - 1] - 2 * curve[i] + curve[i + 1]) * dof;
  if (!(d2 > 0)) return Number.NaN;
  return (1 + z) * Math.LN10 * grid.step * Math.sqrt(2 / d2);
}

/**
 * Factor the curvature error is multiplied by, per family and class: the robust spread
 * (1.4826·MAD) of (z − z_SDSS)/σ_z over the right answers of the 85 SDSS development spectra
 * (`npm run calibrate-zerr -- --model <family>`, results/zerr-calibration-<family>.json).
 * The raw error holds pixel noise only (checked by re-noising, within ×0.9–1.3 for the
 * encoder); the rest is the reconstruction's own error, which this widens σ_z to cover.
 */
export const Z_ERR_SCALE: Readonly<Record<ModelFamily, Readonly<Record<SpectralClass, number>>>> = {
  encoder: { STAR: 1.4, GALAXY: 1.56, QSO: 3.21 },
  unet: { STAR: 3.46, GALAXY: 2.22, QSO: 3.64 },
};
