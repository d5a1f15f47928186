/**
 * The last step of every adapter: arrays as the file stores them → a Spectrum
 * (Å in the file's own frame, increasing wavelength, ivar, 0/1 mask). Lengths
 * are checked here so each adapter reports a short or mismatched array the same
 * way. Air→vacuum is not done here but in grid/, so a user can override the frame.
 */
import type { Result, Spectrum, SpectrumArm, SpectrumMeta, WavelengthFrame } from '../types.ts';
import { fail, ok } from '../types.ts';

export interface SpectrumParts {
  id: string;
  meta: SpectrumMeta;
  /** [n] wavelengths in Å, in the medium `frame` says. */
  wavelength: ArrayLike<number>;
  flux: ArrayLike<number>;
  /** Exactly one of ivar / sigma / variance is normally given; none means equal weights (with an issue). */
  ivar?: ArrayLike<number>;
  sigma?: ArrayLike<number>;
  variance?: ArrayLike<number>;
  /** [n] nonzero (or NaN) = bad. */
  mask?: ArrayLike<number>;
  model?: ArrayLike<number>;
  /** [n] the sky the reduction subtracted, when the file has one (display only). */
  sky?: ArrayLike<number>;
  /** Arms the spectrum was merged from (display only). */
  arms?: readonly SpectrumArm[];
  /** Air/vacuum and velocity frame of `wavelength`, with where each fact came from. */
  frame: WavelengthFrame;
  issues?: string[];
  /** HDU the arrays came from, for error messages. */
  hdu?: number;
  /**
   * The arrays were decoded for this spectrum alone (not views of a shared
   * buffer): those already of the Spectrum's types are kept and fixed in
   * place instead of copied.
   */
  owned?: boolean;
}

/**
 * Reductions mark missing pixels with huge numbers rather than NaN (2dfdr writes −2.5e30 in flux
 * and variance). No real flux density in any unit in use comes near this.
 */
export const BLANK_MAGNITUDE = 1e29;

/** Build a Spectrum, or a 'no-spectrum' error when the arrays do not fit together. */
export function buildSpectrum(p: SpectrumParts): Result<Spectrum> {
  const n = p.wavelength.length;
  const issues = [...(p.issues ?? [])];
  const arrays: [string, ArrayLike<number> | undefined][] = [
    ['flux', p.flux],
    ['ivar', p.ivar],
    ['error', p.sigma],
    ['variance', p.variance],
    ['mask', p.mask],
    ['model', p.model],
    ['sky', p.sky],
  ];
  for (const [name, a] of arrays) {
    if (a !== undefined && a.length !== n) {
      return fail({
        code: 'no-spectrum',
        message: `The ${name} array has ${a.length} pixels but the wavelength array has ${n}; the file is inconsistent and cannot be read as one spectrum.`,
        hdu: p.hdu,
      });
    }
  }
  if (n === 0) {
    return fail({ code: 'no-spectrum', message: 'The spectrum has no pixels.', hdu: p.hdu });
  }
  const own = p.owned === true;
  // `new TypedArray(source)` converts natively; TypedArray.from goes element by element through the iterator.
  const flux = own && p.flux instanceof Float32Array ? p.flux : new Float32Array(p.flux);
  const ivar = inverseVariance(p, n, own);
  if (ivar === undefined) {
    issues.push('No error, variance or inverse-variance data: every pixel is weighted equally, so χ² values are only relative.');
  }
  const weights = ivar ?? new Float32Array(n).fill(1);
  // Checked on the source values (a float64 flux may exceed float32), stored as float32.
  const sentinels = blankPixels(p.flux, flux, weights);
  if (sentinels > 0) issues.push(`${sentinels} pixel(s) hold a blank value (|flux| ≥ 1e29, as 2dfdr's −2.5e30): masked.`);
  const mask = p.mask === undefined ? undefined : badPixels(p.mask, n);
  const wavelength = own && p.wavelength instanceof Float64Array ? p.wavelength : new Float64Array(p.wavelength);
  const model = p.model === undefined ? undefined : own && p.model instanceof Float32Array ? p.model : new Float32Array(p.model);
  const spectrum: Spectrum = {
    id: p.id,
    meta: p.meta,
    wavelength,
    frame: p.frame,
    flux,
    ivar: weights,
    ...(mask && { mask }),
    ...(model && { model }),
    ...(p.sky && hasSky(p.sky) && { sky: skyWithBlanks(p.sky) }),
    ...(p.arms && p.arms.length > 0 && { arms: p.arms }),
  };
  if (n > 1 && isStrictlyDecreasing(wavelength)) {
    reverseSpectrum(spectrum);
    issues.push('Wavelengths were stored in decreasing order; pixels reversed.');
  }
  if (ivar === undefined) spectrum.noErrors = true;
  if (issues.length > 0) spectrum.issues = issues;
  return ok(spectrum);
}

/** Float32 inverse variance from whichever of ivar / sigma / variance is given (≤ 0 or non-finite → 0), or undefined. */
function inverseVariance(p: SpectrumParts, n: number, own: boolean): Float32Array | undefined {
  if (p.ivar !== undefined) {
    const src = p.ivar;
    const out = own && src instanceof Float32Array ? src : new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const v = src[i];
      out[i] = v > 0 && Number.isFinite(v) ? v : 0;
    }
    return out;
  }
  const out = new Float32Array(n);
  if (p.sigma !== undefined) {
    for (let i = 0; i < n; i++) out[i] = p.sigma[i] > 0 && Number.isFinite(p.sigma[i]) ? 1 / (p.sigma[i] * p.sigma[i]) : 0;
    return out;
  }
  if (p.variance !== undefined) {
    for (let i = 0; i < n; i++) out[i] = p.variance[i] > 0 && Number.isFinite(p.variance[i]) ? 1 / p.variance[i] : 0;
    return out;
  }
  return undefined;
}

/**
 * One pass over the flux: a pixel with no value or no usable weight gets
 * weight 0, a blank value (|f| ≥ BLANK_MAGNITUDE, judged on the file's own
 * value) becomes NaN with weight 0. Returns how many blanks were found.
 * `flux` may be `source` itself.
 */
function blankPixels(source: ArrayLike<number>, flux: Float32Array, ivar: Float32Array): number {
  let sentinels = 0;
  for (let i = 0; i < flux.length; i++) {
    const f = source[i];
    // No value, no information; and a weight too large for float32 (σ or variance ≈ 1e-20) is not one either.
    if (!Number.isFinite(f) || !Number.isFinite(ivar[i])) ivar[i] = 0;
    else if (Math.abs(f) >= BLANK_MAGNITUDE) {
      ivar[i] = 0;
      sentinels++;
    }
    // a blank value is no value: NaN, so the grid treats it as missing data, not as flux
    if (Math.abs(f) >= BLANK_MAGNITUDE) flux[i] = Number.NaN;
  }
  return sentinels;
}

/** 0/1 bad-pixel mask: nonzero or NaN → 1. */
function badPixels(mask: ArrayLike<number>, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = mask[i] !== 0 ? 1 : 0; // NaN !== 0 → bad
  return out;
}

/** A sky with at least one finite non-zero value: an all-zero column is a placeholder (the SDSS files in shared/data carry one). */
function hasSky(sky: ArrayLike<number>): boolean {
  for (let i = 0; i < sky.length; i++) if (sky[i] !== 0 && Number.isFinite(sky[i]) && Math.abs(sky[i]) < BLANK_MAGNITUDE) return true;
  return false;
}

function isStrictlyDecreasing(w: Float64Array): boolean {
  for (let i = 1; i < w.length; i++) if (!(w[i] < w[i - 1])) return false;
  return true;
}

function reverseSpectrum(s: Spectrum): void {
  s.wavelength.reverse();
  s.flux.reverse();
  s.ivar.reverse();
  s.mask?.reverse();
  s.model?.reverse();
  s.sky?.reverse();
}

/** The sky as float32, blank values (|f| ≥ 1e29) as NaN; a loop (TypedArray.from with a map function is ~30× slower). */
function skyWithBlanks(sky: ArrayLike<number>): Float32Array {
  const out = new Float32Array(sky.length);
  for (let k = 0; k < sky.length; k++) {
    const f = sky[k];
    out[k] = Math.abs(f) >= BLANK_MAGNITUDE ? Number.NaN : f;
  }
  return out;
}
