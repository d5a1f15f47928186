/**
 * Display smoothing of a spectrum (Marz, Prospect): a boxcar or a Gaussian of a chosen width in
 * pixels, weighted by the inverse variance where the spectrum has one, so a noisy or masked pixel
 * pulls the smoothed value less (or not at all). Only what is drawn is smoothed; the analysis never
 * sees it. Written here because it is a dozen lines of convolution with weights and NaN gaps, which
 * no maintained plotting or array library offers in this form.
 */

export type SmoothingKind = 'boxcar' | 'gaussian';

export interface Smoothing {
  kind: SmoothingKind;
  /** Pixels: the boxcar's length, or the Gaussian's FWHM. 0 or 1 = no smoothing. */
  width: number;
}

/** Widths the control offers and the key cycles through (0 = off). */
export const SMOOTHING_WIDTHS: readonly number[] = [0, 3, 5, 9, 15];

export const NO_SMOOTHING: Smoothing = { kind: 'boxcar', width: 0 };

/** The next width in SMOOTHING_WIDTHS (after the last comes off), keeping the kind. */
export function nextSmoothing(s: Smoothing): Smoothing {
  const i = SMOOTHING_WIDTHS.indexOf(s.width);
  return { ...s, width: SMOOTHING_WIDTHS[(i + 1) % SMOOTHING_WIDTHS.length] };
}

export const isSmoothing = (s: Smoothing | undefined): s is Smoothing => s !== undefined && s.width > 1;

/** 'boxcar 5 px', 'Gaussian FWHM 5 px' or 'off'. */
export function smoothingLabel(s: Smoothing): string {
  if (!isSmoothing(s)) return 'off';
  return s.kind === 'boxcar' ? `boxcar ${s.width} px` : `Gaussian FWHM ${s.width} px`;
}

/** Kernel weights, centre at index `half`, summing to 1. A boxcar of even width is made odd (one more pixel) so it stays centred. */
export function kernel(s: Smoothing): Float64Array {
  if (!isSmoothing(s)) return Float64Array.of(1);
  let k: Float64Array;
  if (s.kind === 'boxcar') {
    const n = s.width % 2 === 1 ? s.width : s.width + 1;
    k = new Float64Array(n).fill(1);
  } else {
    const sigma = s.width / (2 * Math.sqrt(2 * Math.LN2));
    const half = Math.ceil(3 * sigma);
    k = new Float64Array(2 * half + 1);
    for (let i = -half; i <= half; i++) k[i + half] = Math.exp((-0.5 * i * i) / (sigma * sigma));
  }
  const sum = k.reduce((a, b) => a + b, 0);
  return k.map((v) => v / sum);
}

/**
 * y smoothed with the kernel: Σ k·w·y / Σ k·w over the pixels in reach, where w is the inverse
 * variance (1 when `weights` is undefined) and pixels with w ≤ 0 or a non-finite y count for nothing.
 * A pixel with no usable neighbour (nor itself) is NaN, so gaps stay gaps.
 */
export function smooth(y: ArrayLike<number>, weights: ArrayLike<number> | undefined, s: Smoothing): Float32Array {
  const n = y.length;
  const out = new Float32Array(n);
  if (!isSmoothing(s)) {
    for (let i = 0; i < n; i++) out[i] = y[i];
    return out;
  }
  const k = kernel(s);
  const half = (k.length - 1) / 2;
  for (let i = 0; i < n; i++) {
    let num = 0;
    let den = 0;
    const lo = Math.max(0, i - half);
    const hi = Math.min(n - 1, i + half);
    for (let j = lo; j <= hi; j++) {
      const v = y[j];
      const w = weights === undefined ? 1 : weights[j];
      if (!(w > 0) || !Number.isFinite(v)) continue;
      const kw = k[j - i + half] * w;
      num += kw * v;
      den += kw;
    }
    out[i] = den > 0 ? num / den : Number.NaN;
  }
  return out;
}
