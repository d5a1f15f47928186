/**
 * Pixels an instrument leaves unreliable, taken out before the continuum fit
 * and the χ²: residuals of the brightest night-sky lines, the atmosphere's
 * telluric bands where the reduction did not correct them, and the ragged
 * ends of a spectrum. Each is a mask on the model grid (observed frame,
 * vacuum Å), applied as "no data" so that it moves neither the continuum nor
 * the RMS normalisation (docs/instruments.md measures what each buys).
 */
import { INPUT_LOGLAM0, LOGLAM_STEP_DEX, N_INPUT } from '../grid/modelGrid.ts';
import type { GriddedSpectrum } from '../types.ts';

/** What to take out for one spectrum (instrumentProfile.ts decides it from the file). */
export interface InstrumentMasks {
  /** Mask ± this many Å around the brightest sky lines (0 = off). */
  skyLineHalfWidthA?: number;
  /** Mask the telluric A and B bands and the strongest water band. */
  tellurics?: boolean;
  /** Mask this many covered model pixels at each end of the coverage. */
  edgePixels?: number;
}

/**
 * Brightest night-sky emission lines in the optical, vacuum Å: [O I] 5577.34, Na D 5889.95 and
 * 5895.92, [O I] 6300.30 and 6363.78 (air values, e.g. Osterbrock et al. 1996, converted to vacuum).
 * Their sky-subtraction residuals exceed the quoted noise in fibre spectra of every survey here.
 */
export const SKY_LINES_VAC: readonly number[] = [5578.89, 5891.58, 5897.56, 6302.05, 6365.54];

/** Telluric absorption (vacuum Å): O₂ B band, H₂O 7160–7340, O₂ A band (e.g. Stevenson 1994). */
export const TELLURIC_BANDS_VAC: readonly (readonly [number, number])[] = [
  [6866, 6960],
  [7160, 7340],
  [7590, 7705],
];

const LAMBDA = Float64Array.from({ length: N_INPUT }, (_, k) => 10 ** (INPUT_LOGLAM0 + LOGLAM_STEP_DEX * k));

/** Model pixels inside [lo, hi] Å. */
function pixelRange(lo: number, hi: number): [number, number] {
  const a = Math.max(0, Math.ceil((Math.log10(lo) - INPUT_LOGLAM0) / LOGLAM_STEP_DEX));
  const b = Math.min(N_INPUT - 1, Math.floor((Math.log10(hi) - INPUT_LOGLAM0) / LOGLAM_STEP_DEX));
  return [a, b];
}

/**
 * A copy of `g` with the masked pixels turned into "no data" (ivar 0, noData 1); `g` is unchanged.
 * With `into`, the copy's ivar and noData are written there (the caller's reused work arrays, [N_INPUT]).
 */
export function applyInstrumentMasks(
  g: GriddedSpectrum,
  m: InstrumentMasks,
  into?: { ivar: Float32Array; noData: Uint8Array },
): GriddedSpectrum & { nMasked: number } {
  const ivar = into ? into.ivar : new Float32Array(N_INPUT);
  ivar.set(g.ivar);
  const noData = into ? into.noData : new Uint8Array(N_INPUT);
  if (g.noData) noData.set(g.noData);
  else noData.fill(0);
  let nMasked = 0;
  const kill = (k: number) => {
    if (ivar[k] > 0) nMasked++;
    ivar[k] = 0;
    noData[k] = 1;
  };
  if (m.skyLineHalfWidthA && m.skyLineHalfWidthA > 0) {
    for (const l of SKY_LINES_VAC) {
      const [a, b] = pixelRange(l - m.skyLineHalfWidthA, l + m.skyLineHalfWidthA);
      for (let k = a; k <= b; k++) kill(k);
    }
  }
  if (m.tellurics) {
    for (const [lo, hi] of TELLURIC_BANDS_VAC) {
      const [a, b] = pixelRange(lo, hi);
      for (let k = a; k <= b; k++) kill(k);
    }
  }
  if (m.edgePixels && m.edgePixels > 0) {
    let first = 0;
    while (first < N_INPUT && !(g.ivar[first] > 0)) first++;
    let last = N_INPUT - 1;
    while (last >= 0 && !(g.ivar[last] > 0)) last--;
    for (let k = first; k < Math.min(first + m.edgePixels, N_INPUT); k++) kill(k);
    for (let k = last; k > Math.max(last - m.edgePixels, -1); k--) kill(k);
  }
  return { flux: g.flux, ivar, noData, nMasked };
}

/** Wavelength (vacuum Å) of model pixel k, for tests and plots. */
export const modelPixelWavelength = (k: number): number => LAMBDA[k];
