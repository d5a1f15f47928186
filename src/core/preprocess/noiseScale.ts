/**
 * The noise measured in the data itself, on the file's own pixels (before
 * resampling correlates them): the scatter of each pixel about the mean of
 * its two neighbours, d_i = f_i − (f_{i−1} + f_{i+1})/2, whose variance is
 * σ_i² + (σ_{i−1}² + σ_{i+1}²)/4 for independent pixels. Lines and
 * continuum hardly enter d, and a robust spread (1.4826 × MAD) ignores the
 * few pixels they do.
 *
 * Two uses: files whose errors are not absolute (LAMOST's ivar is relative)
 * get their inverse variance scaled so that the errors match the scatter;
 * files with no errors at all get a local noise estimate instead of equal
 * weights (with equal weights, wild pixels at the ends decide the fit).
 */
import type { Spectrum } from '../types.ts';

/** Half-width (pixels) of the window of the local noise estimate. */
const LOCAL_HALF_WIDTH = 25;
/** Fewest usable triplets for a global scale. */
const MIN_TRIPLETS = 50;

const MAD_TO_SIGMA = 1.4826;

function median(values: Float64Array | number[]): number {
  const s = new Float64Array(values).sort();
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? s[n >> 1] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

function robustSigma(values: Float64Array | number[]): number {
  const m = median(values);
  const dev = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) dev[k] = Math.abs(values[k] - m);
  return MAD_TO_SIGMA * median(dev);
}

/**
 * (measured scatter / quoted error)² over the spectrum: 1 when the file's errors are right,
 * > 1 when they are too small. NaN when fewer than 50 usable pixels.
 */
export function noiseScale(s: Pick<Spectrum, 'flux' | 'ivar' | 'mask'>): number {
  const { flux, ivar, mask } = s;
  const r: number[] = [];
  for (let i = 1; i < flux.length - 1; i++) {
    if (!(ivar[i - 1] > 0 && ivar[i] > 0 && ivar[i + 1] > 0)) continue;
    if (mask && (mask[i - 1] || mask[i] || mask[i + 1])) continue;
    const d = flux[i] - 0.5 * (flux[i - 1] + flux[i + 1]);
    const v = 1 / ivar[i] + 0.25 / ivar[i - 1] + 0.25 / ivar[i + 1];
    if (Number.isFinite(d) && v > 0) r.push(d / Math.sqrt(v));
  }
  if (r.length < MIN_TRIPLETS) return Number.NaN;
  const sigma = robustSigma(r);
  return sigma * sigma;
}

/** Per-pixel σ from the local scatter (window ±25 pixels); NaN where too few neighbours are usable. */
export function localNoise(s: Pick<Spectrum, 'flux' | 'mask'>): Float64Array {
  const { flux, mask } = s;
  const n = flux.length;
  const d = new Float64Array(n).fill(Number.NaN);
  for (let i = 1; i < n - 1; i++) {
    if (mask && (mask[i - 1] || mask[i] || mask[i + 1])) continue;
    // For equal σ, var(d) = 1.5 σ².
    const v = (flux[i] - 0.5 * (flux[i - 1] + flux[i + 1])) / Math.sqrt(1.5);
    if (Number.isFinite(v)) d[i] = v;
  }
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const win: number[] = [];
    for (let j = Math.max(0, i - LOCAL_HALF_WIDTH); j <= Math.min(n - 1, i + LOCAL_HALF_WIDTH); j++) if (!Number.isNaN(d[j])) win.push(d[j]);
    if (win.length >= LOCAL_HALF_WIDTH) out[i] = robustSigma(win);
  }
  return out;
}

/** What was done to the errors, for the spectrum's issues and docs. */
export interface NoiseRescale {
  /** Factor the variance was multiplied by (1 = unchanged). */
  varianceFactor: number;
  /** The file had no errors: a local estimate replaced equal weights. */
  estimated: boolean;
}

/**
 * The spectrum with errors that match its scatter: variance × max(1, scale) when the file has
 * errors (never smaller: neighbouring pixels a reduction has resampled scatter less than their
 * errors say), a local estimate when it has none. Returns the input itself when nothing changes.
 */
export function matchNoiseToData<S extends Pick<Spectrum, 'flux' | 'ivar' | 'mask' | 'noErrors'>>(s: S): { spectrum: S; rescale: NoiseRescale } {
  if (s.noErrors) {
    const sigma = localNoise(s);
    const ivar = new Float32Array(sigma.length);
    for (let i = 0; i < sigma.length; i++) {
      const x = sigma[i];
      ivar[i] = x > 0 && Number.isFinite(s.flux[i]) ? 1 / (x * x) : 0;
    }
    return { spectrum: { ...s, ivar }, rescale: { varianceFactor: Number.NaN, estimated: true } };
  }
  const scale = noiseScale(s);
  if (!(scale > 1)) return { spectrum: s, rescale: { varianceFactor: 1, estimated: false } };
  const ivar = new Float32Array(s.ivar.length);
  for (let i = 0; i < ivar.length; i++) ivar[i] = s.ivar[i] / scale;
  return { spectrum: { ...s, ivar }, rescale: { varianceFactor: scale, estimated: false } };
}
