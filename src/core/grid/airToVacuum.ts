/**
 * Air → vacuum wavelength conversion (FORMATS.md §10).
 *
 * Formula: Ciddor (1996) dispersion of standard air, as in the IDL
 * astrolib `airtovac.pro` (also used by desihub/specex):
 *
 *   σ² = (10⁴ / λ_vac)²                        [µm⁻²]
 *   n  = 1 + 5.792105e-2 / (238.0185 − σ²) + 1.67917e-3 / (57.362 − σ²)
 *   λ_vac = n · λ_air
 *
 * n depends on the vacuum wavelength, so, like airtovac.pro, we start from
 * σ computed with λ_air and iterate (two passes change λ by < 1e-6 Å after the
 * second; we do three). Wavelengths below 2000 Å are returned unchanged (the
 * formula is for the optical/near-IR; airtovac does the same).
 * Accuracy against the published pairs (Hβ 4861.363 → 4862.721 …): ≤ 0.005 Å.
 */

/** Below this (Å) air and vacuum are treated as the same (as airtovac.pro does). */
export const AIR_VACUUM_MIN_WAVELENGTH_A = 2000;

const ITERATIONS = 3;

/** Refractive index of standard air (Ciddor 1996) at vacuum wavelength `lambdaVacA` (Å). */
export function airRefractiveIndex(lambdaVacA: number): number {
  const sigma2 = (1e4 / lambdaVacA) ** 2;
  return 1 + 5.792105e-2 / (238.0185 - sigma2) + 1.67917e-3 / (57.362 - sigma2);
}

/** One air wavelength (Å) to vacuum (Å). */
export function airToVacuumA(lambdaAirA: number): number {
  if (!(lambdaAirA >= AIR_VACUUM_MIN_WAVELENGTH_A)) return lambdaAirA;
  let vac = lambdaAirA;
  for (let it = 0; it < ITERATIONS; it++) vac = lambdaAirA * airRefractiveIndex(vac);
  return vac;
}

/** [n] air wavelengths (Å) to a new [n] array of vacuum wavelengths (Å). */
export function airToVacuum(lambdaAirA: ArrayLike<number>): Float64Array {
  const out = new Float64Array(lambdaAirA.length);
  for (let i = 0; i < out.length; i++) out[i] = airToVacuumA(lambdaAirA[i]);
  return out;
}
