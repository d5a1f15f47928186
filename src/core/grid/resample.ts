/**
 * Flux-conserving resampling of a spectrum onto the model input grid
 * (log10 λ = INPUT_LOGLAM0 + LOGLAM_STEP_DEX·k, k = 0..N_INPUT−1; vacuum Å).
 *
 * Units: wavelengths in Å (pixel centres), flux as a flux density per Å (any
 * consistent unit), ivar in 1/flux².
 *
 * Method. Input pixel edges are the midpoints between centres (the outer
 * edges mirror the neighbouring half-width; a spacing more than GAP_FACTOR
 * times both neighbouring spacings is a gap, not a wide pixel). Output pixel k
 * spans log10 λ ± step/2. With a_i the overlap in Å of input pixel i with
 * output pixel k:
 *   flux_k = Σ a_i f_i / Σ a_i                (overlap-weighted mean density)
 *   var_k  = Σ a_i² var_i / (Σ a_i)²,  ivar_k = 1/var_k
 * so a constant density stays constant and ∫ f dλ is conserved wherever the
 * output is fully covered.
 *
 * Bad pixels. An output pixel gets ivar 0 when any input pixel it touches is
 * bad (masked, ivar ≤ 0 or no flux value) or when the input covers only part
 * of it. Reason: the χ² scan treats every pixel with ivar > 0 as an unbiased
 * measurement of the mean density over the whole pixel; an average over the
 * good part only is biased next to a masked cosmic ray, sky line or chip gap,
 * and the cost (the mask grows by at most one model pixel on each side) is
 * negligible for a 4076-pixel fit. The flux of such a pixel is still the mean
 * over its good inputs (or, if none is good, over its inputs that have a
 * value), so plots stay continuous; ivar 0 keeps it out of the fit.
 * Output pixels with no input value at all get flux 0, ivar 0, noData 1.
 *
 * Fast path. If every input pixel sits within FAST_PATH_TOL_DEX of a grid
 * point INPUT_LOGLAM0 + LOGLAM_STEP_DEX·k with consecutive k (SDSS, LAMOST),
 * pixel k is copied to model pixel k with no smoothing (METHOD.md §1).
 */
import { INPUT_LOGLAM0, inputPixelEdges, inputWavelengthAt, LOGLAM_STEP_DEX, N_INPUT } from './modelGrid.ts';

/** Max |log10 λ − grid point| (dex) for the exact-copy fast path (a tenth of a pixel). */
export const FAST_PATH_TOL_DEX = 1e-5;
/** A spacing larger than this factor times both neighbouring spacings is treated as a gap. */
export const GAP_FACTOR = 3;
/** Relative tolerance on overlaps and coverage (ignores rounding slivers). */
const REL_TOL = 1e-9;

export interface ResampleInput {
  /** [n] vacuum wavelengths (Å) of pixel centres, strictly increasing. */
  wavelength: ArrayLike<number>;
  /** [n] flux density. */
  flux: ArrayLike<number>;
  /** [n] inverse variance; ≤ 0 or non-finite = no information. */
  ivar: ArrayLike<number>;
  /** [n] nonzero = bad pixel (its flux may be used for display, never in the fit). */
  bad?: ArrayLike<number>;
  /** [n] nonzero = the pixel has no flux value (NaN/Inf); it never contributes flux. */
  noData?: ArrayLike<number>;
}

export interface Resampled {
  /** [N_INPUT] flux density on the model grid (0 where noData). */
  flux: Float32Array;
  /** [N_INPUT] inverse variance (0 where bad, partly covered or not covered). */
  ivar: Float32Array;
  /** [N_INPUT] 1 where no input value reached the pixel. */
  noData: Uint8Array;
  /** True when the fast path (exact copy of on-grid pixels) was used. */
  copied: boolean;
}

let outputEdgesCache: Float64Array | undefined;

/** [N_INPUT + 1] wavelength (Å) edges of the model-grid pixels. */
export function modelGridEdges(): Float64Array {
  if (!outputEdgesCache) {
    outputEdgesCache = inputPixelEdges();
  }
  return outputEdgesCache;
}

/**
 * Model-grid index of input pixel 0 when every input pixel lies on the model
 * grid's log-linear lattice with consecutive indices, else undefined. The index
 * may be negative or beyond the grid (the lattice extends both ways).
 */
export function gridOffset(wavelength: ArrayLike<number>): number | undefined {
  const n = wavelength.length;
  if (n === 0 || !(wavelength[0] > 0)) return undefined;
  const k0 = Math.round((Math.log10(wavelength[0]) - INPUT_LOGLAM0) / LOGLAM_STEP_DEX) + 0; // + 0: no −0
  // |log10(λ/λ_k)| ≤ tol  ⇔  |λ/λ_k − 1| ≲ tol·ln 10 (to 1e-10): compare ratios, no log per pixel.
  const tol = FAST_PATH_TOL_DEX * Math.LN10;
  const ratio = 10 ** LOGLAM_STEP_DEX;
  let expected = inputWavelengthAt(k0);
  for (let i = 0; i < n; i++) {
    if (i % 512 === 0) expected = inputWavelengthAt(k0 + i); // no drift
    if (!(Math.abs(wavelength[i] / expected - 1) <= tol)) return undefined;
    expected *= ratio;
  }
  return k0;
}

/** [n + 1] input pixel edges (Å): midpoints between centres, gaps respected. */
export function pixelEdges(wavelength: ArrayLike<number>): { lo: Float64Array; hi: Float64Array } {
  const n = wavelength.length;
  if (n < 2) throw new RangeError(`pixelEdges needs at least 2 pixels, got ${n}`);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const d = new Float64Array(n - 1); // d[i]: spacing from pixel i to i + 1
  for (let i = 0; i < n - 1; i++) d[i] = wavelength[i + 1] - wavelength[i];
  lo[0] = wavelength[0] - d[0] / 2;
  hi[n - 1] = wavelength[n - 1] + d[n - 2] / 2;
  for (let i = 0; i < n - 1; i++) {
    const left = i > 0 ? d[i - 1] : Infinity;
    const right = i < n - 2 ? d[i + 1] : Infinity;
    const ref = left < right ? left : right;
    if (ref !== Infinity && d[i] > GAP_FACTOR * ref) {
      // a gap: each side keeps the half-width of its own neighbour
      hi[i] = wavelength[i] + (i > 0 ? d[i - 1] : d[i]) / 2;
      lo[i + 1] = wavelength[i + 1] - (i < n - 2 ? d[i + 1] : d[i]) / 2;
    } else {
      const mid = (wavelength[i] + wavelength[i + 1]) / 2;
      hi[i] = mid;
      lo[i + 1] = mid;
    }
  }
  return { lo, hi };
}

/** Resample onto the model input grid (see the module comment for the rules). */
export function resampleToModelGrid(input: ResampleInput): Resampled {
  const { wavelength, flux, ivar } = input;
  const n = wavelength.length;
  if (flux.length !== n || ivar.length !== n) {
    throw new RangeError(`length mismatch: wavelength ${n}, flux ${flux.length}, ivar ${ivar.length}`);
  }
  if (input.bad && input.bad.length !== n) throw new RangeError(`bad has length ${input.bad.length}, expected ${n}`);
  if (input.noData && input.noData.length !== n) {
    throw new RangeError(`noData has length ${input.noData.length}, expected ${n}`);
  }
  for (let i = 1; i < n; i++) {
    if (!(wavelength[i] > wavelength[i - 1])) throw new RangeError(`wavelength not strictly increasing at ${i}`);
  }
  const hasValue = new Uint8Array(n);
  const good = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = !(input.noData && input.noData[i]) && Number.isFinite(flux[i]);
    hasValue[i] = v ? 1 : 0;
    good[i] = v && !(input.bad && input.bad[i]) && ivar[i] > 0 && Number.isFinite(ivar[i]) ? 1 : 0;
  }
  return resampleClassified(wavelength, flux, ivar, hasValue, good);
}

/**
 * The resampling itself, for a caller that has already checked the input
 * (strictly increasing wavelengths, equal lengths) and classified each pixel:
 * hasValue[i] = finite flux with a value, good[i] = usable in the fit.
 */
export function resampleClassified(
  wavelength: ArrayLike<number>,
  flux: ArrayLike<number>,
  ivar: ArrayLike<number>,
  hasValue: Uint8Array,
  good: Uint8Array,
): Resampled {
  const n = wavelength.length;
  const k0 = n > 0 ? gridOffset(wavelength) : undefined;
  if (k0 !== undefined) return copyOnGrid(k0, flux, ivar, hasValue, good);
  if (n < 2) throw new RangeError(`resampling needs at least 2 pixels, got ${n}`);
  return rebin(wavelength, flux, ivar, hasValue, good);
}

function copyOnGrid(
  k0: number,
  flux: ArrayLike<number>,
  ivar: ArrayLike<number>,
  hasValue: Uint8Array,
  good: Uint8Array,
): Resampled {
  const out = emptyOutput(true);
  // Only the input pixels that land on the grid.
  const iEnd = Math.min(hasValue.length, N_INPUT - k0);
  for (let i = Math.max(0, -k0); i < iEnd; i++) {
    const k = k0 + i;
    if (hasValue[i]) {
      out.flux[k] = flux[i];
      out.noData[k] = 0;
      out.ivar[k] = good[i] ? ivar[i] : 0;
    }
  }
  return out;
}

function emptyOutput(copied: boolean): Resampled {
  return {
    flux: new Float32Array(N_INPUT),
    ivar: new Float32Array(N_INPUT),
    noData: new Uint8Array(N_INPUT).fill(1),
    copied,
  };
}

// The loop below is written plainly with explicit counters (as Redrock's
// _trapz_rebin_1d): one sweep over output pixels with a moving start index
// into the input, O(n + N_INPUT).
function rebin(
  wavelength: ArrayLike<number>,
  flux: ArrayLike<number>,
  ivar: ArrayLike<number>,
  hasValue: Uint8Array,
  good: Uint8Array,
): Resampled {
  const n = wavelength.length;
  const { lo, hi } = pixelEdges(wavelength);
  const edges = modelGridEdges();
  const out = emptyOutput(false);
  let start = 0;
  for (let k = 0; k < N_INPUT; k++) {
    const a0 = edges[k];
    const a1 = edges[k + 1];
    const width = a1 - a0;
    const sliver = REL_TOL * width;
    while (start < n && hi[start] <= a0) start++;
    let wAll = 0;
    let wVal = 0;
    let fVal = 0;
    let wGood = 0;
    let fGood = 0;
    let varGood = 0;
    let anyBad = false;
    for (let i = start; i < n && lo[i] < a1; i++) {
      const a = Math.min(a1, hi[i]) - Math.max(a0, lo[i]);
      if (a <= sliver) continue;
      wAll += a;
      if (!hasValue[i]) {
        anyBad = true;
        continue;
      }
      wVal += a;
      fVal += a * flux[i];
      if (good[i]) {
        wGood += a;
        fGood += a * flux[i];
        varGood += (a * a) / ivar[i];
      } else {
        anyBad = true;
      }
    }
    if (wVal <= 0) continue; // not covered, or only by pixels without a value
    out.noData[k] = 0;
    out.flux[k] = wGood > 0 ? fGood / wGood : fVal / wVal;
    const fullyCovered = wAll >= width * (1 - 1e-6);
    if (!anyBad && fullyCovered && varGood > 0) out.ivar[k] = (wGood * wGood) / varGood;
  }
  return out;
}
