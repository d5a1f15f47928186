/**
 * Emission lines of a background star-forming galaxy added to a real spectrum on its own pixels,
 * for the second-redshift injection tests (tools/injectSecondZ.ts, test/core/scan).
 */
import { INPUT_LOGLAM0, LOGLAM_STEP_DEX, N_INPUT } from '../../src/core/grid/modelGrid.ts';
import { LINE_SIGMA_PIXELS } from '../../src/core/scan/secondRedshift.ts';
import type { Spectrum } from '../../src/core/types.ts';

/**
 * A typical star-forming galaxy's lines relative to [O II] (vacuum Å): Hα/Hβ = 2.86 (case B),
 * [O III] 4959 = 5007/2.98, [N II] 6548 = 6583/3.
 */
const GALAXY_LINES: readonly { restA: number; strength: number }[] = [
  { restA: 3727.092, strength: 0.45 },
  { restA: 3729.875, strength: 0.55 },
  { restA: 4862.683, strength: 0.5 },
  { restA: 4960.2949, strength: 0.235 },
  { restA: 5008.2397, strength: 0.7 },
  { restA: 6549.859, strength: 0.15 },
  { restA: 6564.614, strength: 1.43 },
  { restA: 6585.2685, strength: 0.45 },
];

/** The galaxy's line profile (flux density per unit amplitude) on the spectrum's pixels; σ as the search assumes. */
function lineProfile(s: Spectrum, z2: number): Float64Array {
  const sigmaDex = LINE_SIGMA_PIXELS * LOGLAM_STEP_DEX;
  const prof = new Float64Array(s.wavelength.length);
  for (const l of GALAXY_LINES) {
    const centre = Math.log10(l.restA * (1 + z2));
    for (let k = 0; k < prof.length; k++) {
      const d = (Math.log10(s.wavelength[k]) - centre) / sigmaDex;
      if (d > -6 && d < 6) prof[k] += l.strength * Math.exp(-0.5 * d * d);
    }
  }
  return prof;
}

/** The model grid's span in log10 Å: only lines the networks see count in the injected S/N. */
const GRID_LOG = [INPUT_LOGLAM0 - LOGLAM_STEP_DEX / 2, INPUT_LOGLAM0 + LOGLAM_STEP_DEX * (N_INPUT - 0.5)];

/** `s` with the galaxy's lines at z₂ added, scaled to optimal S/N `snr` on the model grid's span; undefined when none fall on good pixels. */
export function injectGalaxyLines(s: Spectrum, z2: number, snr: number): Spectrum | undefined {
  const prof = lineProfile(s, z2);
  let sum = 0;
  for (let k = 0; k < prof.length; k++) {
    const x = Math.log10(s.wavelength[k]);
    if (x >= GRID_LOG[0] && x <= GRID_LOG[1] && s.ivar[k] > 0 && !s.mask?.[k]) sum += s.ivar[k] * prof[k] * prof[k];
  }
  if (!(sum > 0)) return undefined;
  const a = snr / Math.sqrt(sum);
  return { ...s, flux: Float32Array.from(s.flux, (f, k) => f + a * prof[k]) };
}

