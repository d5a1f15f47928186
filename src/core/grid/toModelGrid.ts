/**
 * From a Spectrum as an adapter read it to the 4076-pixel model input grid:
 * convert air wavelengths to vacuum (the frame says which), fold every kind
 * of bad pixel into one mask, refuse spectra the networks cannot use (with a
 * message that says what to do), then resample.
 */
import { airToVacuum } from './airToVacuum.ts';
import { fail, ok } from '../types.ts';
import type { GriddedSpectrum, InputError, Result, Spectrum } from '../types.ts';
import { countGoodPixels } from './goodPixels.ts';
import { inputWavelengthAt, N_INPUT } from './modelGrid.ts';
import { resampleClassified } from './resample.ts';

export interface ToModelGridOptions {
  /**
   * Fewest model-grid pixels with ivar > 0 accepted; below it the spectrum is
   * refused ('too-few-pixels').
   * @default 500
   */
  minGoodPixels?: number;
}

export const DEFAULT_MIN_GOOD_PIXELS = 500;

/** A spectrum on the model grid, with what happened on the way. */
export interface ModelGridSpectrum extends GriddedSpectrum {
  /** [N_INPUT] 1 where the pixel had no flux value (outside coverage, NaN/Inf). */
  noData: Uint8Array;
  /** Number of model pixels with ivar > 0. */
  nGood: number;
  /** True when the input was already on the grid and copied pixel for pixel. */
  copied: boolean;
}

/** Wavelength (Å) of the outer edges of the model grid: ≈ 3599.6 … 9201.3. */
const GRID_MIN_A = inputWavelengthAt(-0.5);
const GRID_MAX_A = inputWavelengthAt(N_INPUT - 0.5);
const RANGE_TEXT = '3600–9200 Å (vacuum, observed frame)';

const err = (code: InputError['code'], message: string): { ok: false; error: InputError } =>
  fail({ code, message });

const fmtA = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : String(x));

function badWavelength(wavelength: ArrayLike<number>, i: number): { ok: false; error: InputError } {
  const w = wavelength[i];
  const what = !Number.isFinite(w) || w <= 0 ? `is ${w}` : `(${w}) is not above pixel ${i - 1} (${wavelength[i - 1]})`;
  return err(
    'bad-wavelengths',
    `Wavelengths must be finite, positive and strictly increasing, but pixel ${i} ${what}. ` +
      'Check the wavelength column or WCS keywords of the file (sort the pixels if they are stored in decreasing order).',
  );
}

const COUNTS = new Float64Array(2);

/**
 * One pass that checks the wavelengths and classifies every pixel for the checks and the resampling:
 * hasValue / good set, [good, good within the grid's range] counted into `counts`. Returns the first
 * pixel whose wavelength is not finite, positive and increasing, or −1. A leaf function: its loop,
 * compiled on the stack inside toModelGrid, was thrown away at the code after it in Chromium's workers.
 */
function classifyPixels(
  wavelength: ArrayLike<number>,
  flux: ArrayLike<number>,
  ivar: ArrayLike<number>,
  mask: ArrayLike<number> | undefined,
  hasValue: Uint8Array,
  good: Uint8Array,
  counts: Float64Array,
): number {
  let nGood = 0;
  let nGoodInRange = 0;
  let previous = 0;
  for (let i = 0; i < wavelength.length; i++) {
    const w = wavelength[i];
    if (!(w > previous) || w === Infinity) return i;
    previous = w;
    const f = flux[i];
    const finiteFlux = Number.isFinite(f);
    hasValue[i] = finiteFlux ? 1 : 0;
    const v = ivar[i];
    const isBad = !finiteFlux || !(v > 0) || !Number.isFinite(v) || (mask !== undefined && mask[i] !== 0);
    if (!isBad) {
      good[i] = 1;
      nGood++;
      if (w >= GRID_MIN_A && w <= GRID_MAX_A) nGoodInRange++;
    }
  }
  counts[0] = nGood;
  counts[1] = nGoodInRange;
  return -1;
}

/** Resample `s` onto the model grid, or say why it cannot be used. */
export function toModelGrid(
  s: Pick<Spectrum, 'wavelength' | 'flux' | 'ivar' | 'mask'> & { frame?: Pick<Spectrum['frame'], 'medium'> },
  options: ToModelGridOptions = {},
): Result<ModelGridSpectrum> {
  const minGood = options.minGoodPixels ?? DEFAULT_MIN_GOOD_PIXELS;
  const { flux, ivar, mask } = s;
  const wavelength = s.frame?.medium === 'air' ? airToVacuum(s.wavelength) : s.wavelength;
  const n = wavelength.length;
  if (flux.length !== n || ivar.length !== n || (mask && mask.length !== n)) {
    throw new RangeError(
      `Spectrum arrays differ in length: wavelength ${n}, flux ${flux.length}, ivar ${ivar.length}, mask ${mask?.length}`,
    );
  }
  if (n < 2) {
    return err('bad-wavelengths', `The spectrum has ${n} pixel(s); at least 2 are needed. Check that the file holds a spectrum.`);
  }
  const hasValue = new Uint8Array(n);
  const good = new Uint8Array(n);
  const badAt = classifyPixels(wavelength, flux, ivar, mask, hasValue, good, COUNTS);
  if (badAt >= 0) return badWavelength(wavelength, badAt);
  const [nGoodIn, nGoodInRange] = COUNTS;
  const lo = wavelength[0];
  const hi = wavelength[n - 1];
  const covers = `This spectrum covers ${fmtA(lo)}–${fmtA(hi)} Å`;
  if (nGoodIn === 0) {
    return err(
      'all-masked',
      `Every pixel of this spectrum is masked or has no usable inverse variance (${n} pixels). ` +
        'There is nothing to fit: check the file’s mask and error columns, or choose another spectrum.',
    );
  }
  if (hi < GRID_MIN_A || lo > GRID_MAX_A) {
    return err(
      'out-of-range',
      `${covers}, entirely outside the ${RANGE_TEXT} the GaSNet-III networks read. ` +
        'Check that the wavelengths are in Å (not nm or µm) and that this is an optical spectrum.',
    );
  }

  const r = resampleClassified(wavelength, flux, ivar, hasValue, good);
  const nGood = countGoodPixels(r);
  if (nGood === 0 && nGoodInRange === 0) {
    return err(
      'all-masked',
      `${covers}, but every pixel inside ${RANGE_TEXT} is masked or has no usable inverse variance. ` +
        'Check the file’s mask and error columns, or choose another spectrum.',
    );
  }
  if (nGood < minGood) {
    return err(
      'too-few-pixels',
      `Only ${nGood} of ${N_INPUT} model pixels (${RANGE_TEXT}) have usable data; at least ${minGood} are needed. ` +
        `${covers} with ${nGoodInRange} good pixels in that range. ` +
        'Use a spectrum with wider coverage or fewer masked pixels, or lower the minimum (minGoodPixels) if you accept a less reliable fit.',
    );
  }
  return ok({ flux: r.flux, ivar: r.ivar, noData: r.noData, nGood, copied: r.copied });
}
