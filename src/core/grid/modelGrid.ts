/**
 * The model's fixed grids (METHOD.md §1). The networks take 4076 pixels of
 * log10 λ (vacuum Å) and reconstruct a wider rest-frame range per class.
 */

/** Pixels on the observed (input) grid. */
export const N_INPUT = 4076;
/** log10 of the first input-grid wavelength: SDSS pixel k sits at 3.5563 + 1e-4·k. */
export const INPUT_LOGLAM0 = 3.5563;
/** Input-grid step in dex. */
export const LOGLAM_STEP_DEX = 1e-4;
/** Upstream's own input-grid definition (used for the redshift of a shift): log10 3600 … log10 9200. */
export const UPSTREAM_LOGLAM_MIN = Math.log10(3600);
export const UPSTREAM_LOGLAM_MAX = Math.log10(9200);

/** log10 λ (vacuum Å) at input-grid position k: pixel centres at integer k, edges at k ± 0.5. */
export function inputLogLamAt(k: number): number {
  return INPUT_LOGLAM0 + LOGLAM_STEP_DEX * k;
}

/** Wavelength (Å) at input-grid position k (see inputLogLamAt). */
export function inputWavelengthAt(k: number): number {
  return 10 ** inputLogLamAt(k);
}

/** [4076] vacuum wavelength (Å) of each input-grid pixel centre, 10^(3.5563 + 1e-4·k). */
export function inputWavelengths(): Float64Array {
  const a = new Float64Array(N_INPUT);
  for (let k = 0; k < N_INPUT; k++) a[k] = inputWavelengthAt(k);
  return a;
}

/** [4077] vacuum wavelength (Å) of the input-grid pixel edges, ≈ 3599.6 … 9201.3. */
export function inputPixelEdges(): Float64Array {
  const e = new Float64Array(N_INPUT + 1);
  for (let k = 0; k <= N_INPUT; k++) e[k] = inputWavelengthAt(k - 0.5);
  return e;
}

/** [4076] upstream's linspace(log10 3600, log10 9200, 4076): the x of the continuum fit. */
export function upstreamInputGrid(): Float64Array {
  const g = new Float64Array(N_INPUT);
  const step = (UPSTREAM_LOGLAM_MAX - UPSTREAM_LOGLAM_MIN) / (N_INPUT - 1);
  for (let k = 0; k < N_INPUT; k++) g[k] = UPSTREAM_LOGLAM_MIN + step * k;
  return g;
}

/** N_out for a class's redshift range (METHOD.md §1). */
export function outputLength(zMin: number, zMax: number): number {
  return Math.round(N_INPUT + Math.log10(1 + zMax) / LOGLAM_STEP_DEX - Math.log10(1 + zMin) / LOGLAM_STEP_DEX);
}

/** [N_out] rest-frame log10 λ of a class's reconstruction. */
export function outputGrid(zMin: number, zMax: number): Float64Array {
  const n = outputLength(zMin, zMax);
  const start = UPSTREAM_LOGLAM_MAX - N_INPUT * LOGLAM_STEP_DEX - Math.log10(1 + zMax);
  const stop = UPSTREAM_LOGLAM_MAX - Math.log10(1 + zMin);
  const g = new Float64Array(n);
  const step = (stop - start) / (n - 1);
  for (let i = 0; i < n; i++) g[i] = start + step * i;
  return g;
}
