/**
 * Oddities planted into real spectra, for measuring what the coefficient-space outlier score finds
 * (tools/anomalies.ts, docs/anomalies.md). Each takes a real spectrum as read from its file and
 * returns an altered copy; the noise stays the file's (ivar unchanged unless said).
 */
import type { Spectrum } from '../../src/core/types.ts';
import { injectGalaxyLines } from './injectLines.ts';
import type { Random } from './random.ts';

export type OddityKind = 'second-object' | 'broken-arm' | 'sky-fibre' | 'wrong-class';
export const ODDITY_KINDS: readonly OddityKind[] = ['second-object', 'broken-arm', 'sky-fibre', 'wrong-class'];

/** Sky emission lines (air Å, within the SDSS range): [O I] 5577, Na D, [O I] 6300/6364 and strong OH bands. */
const SKY_LINES_A: readonly number[] = [
  5577.34, 5889.95, 5895.92, 6300.3, 6363.78, 6863.96, 6923.19, 7276.41, 7316.28, 7340.89, 7369.25, 7750.64, 7794.11, 7821.5, 7913.71, 7993.33, 8344.6, 8399.17, 8430.17, 8465.36, 8493.39, 8827.1, 8885.85, 8919.63, 8943.4, 9001.4,
];

/** Median of the finite, positive-ivar noise σ = 1/√ivar. */
function typicalSigma(s: Spectrum): number {
  const sig = Array.from(s.ivar).filter((v) => v > 0).map((v) => 1 / Math.sqrt(v)).sort((a, b) => a - b);
  return sig[sig.length >> 1] ?? 1;
}

/**
 * second-object: a star-forming galaxy's emission lines at z₂ (uniform 0.05–0.6, ≥ 0.05 from the
 * spectrum's own z) at optimal S/N 40, as a second object in the fibre.
 */
function secondObject(s: Spectrum, rng: Random, z: number): Spectrum {
  let z2: number;
  do z2 = 0.05 + 0.55 * rng.uniform();
  while (Math.abs(z2 - z) < 0.05);
  return injectGalaxyLines(s, z2, 40) ?? s;
}

/**
 * broken-arm: one spectrograph arm (blue < 6000 Å or red ≥ 6000 Å, chosen at random) ruined while its
 * inverse variance still claims good data: half the time zeroed, half the time replaced by garbage
 * (white noise 5× the typical σ around the arm's median).
 */
function brokenArm(s: Spectrum, rng: Random): Spectrum {
  const blue = rng.uniform() < 0.5;
  const garbage = rng.uniform() < 0.5;
  const inArm = (w: number) => (blue ? w < 6000 : w >= 6000);
  const sigma = typicalSigma(s);
  const armFlux = Array.from(s.flux).filter((_f, k) => inArm(s.wavelength[k])).sort((a, b) => a - b);
  const level = armFlux[armFlux.length >> 1] ?? 0;
  const flux = Float32Array.from(s.flux, (f, k) => (inArm(s.wavelength[k]) ? (garbage ? level + 5 * sigma * rng.normal() : 0) : f));
  return { ...s, flux };
}

/**
 * sky-fibre: a fibre on blank sky with poor sky subtraction: 2 % of the object left, the file's noise,
 * and sky-line residuals of ±(10–40)σ at the night-sky lines (Gaussian, 1.5 Å σ).
 */
function skyFibre(s: Spectrum, rng: Random): Spectrum {
  const sigma = typicalSigma(s);
  const air = s.frame.medium === 'air';
  const flux = Float32Array.from(s.flux, (f, k) => {
    const v = s.ivar[k] > 0 ? 1 / Math.sqrt(s.ivar[k]) : sigma;
    return 0.02 * f + v * rng.normal();
  });
  for (const a0 of SKY_LINES_A) {
    const centre = air ? a0 : a0 * 1.000277; // vacuum files (SDSS): the lines' vacuum wavelengths
    const amp = (rng.uniform() < 0.7 ? 1 : -1) * (10 + 30 * rng.uniform()) * sigma;
    for (let k = 0; k < flux.length; k++) {
      const d = (s.wavelength[k] - centre) / 1.5;
      if (d > -6 && d < 6) flux[k] += amp * Math.exp(-0.5 * d * d);
    }
  }
  return { ...s, flux };
}

/**
 * wrong-class: a star's spectrum moved to a galaxy's redshift (z 0.15–0.5): a template of one class
 * where only another class's redshifts are possible.
 */
function wrongClass(s: Spectrum, rng: Random): Spectrum {
  const z = 0.15 + 0.35 * rng.uniform();
  return { ...s, wavelength: Float64Array.from(s.wavelength, (w) => w * (1 + z)) };
}

/** The spectrum `s` (survey redshift `z`) with an oddity of `kind` planted. */
export function plantOddity(kind: OddityKind, s: Spectrum, rng: Random, z: number): Spectrum {
  switch (kind) {
    case 'second-object':
      return secondObject(s, rng, z);
    case 'broken-arm':
      return brokenArm(s, rng);
    case 'sky-fibre':
      return skyFibre(s, rng);
    case 'wrong-class':
      return wrongClass(s, rng);
  }
}
