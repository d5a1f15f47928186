/**
 * Which lines to mark on a spectrum at a given redshift, and the air→vacuum
 * conversion the line lists were made with.
 */
import { ABSORPTION_LINES, EMISSION_LINES } from './lineLists.ts';
import type { LineKind, SpectralLine } from './types.ts';

export interface LineMarker {
  line: SpectralLine;
  /** Observed wavelength λ_rest·(1+z), vacuum Å. */
  observedA: number;
}

export interface MarkerOptions {
  /** @default ['emission', 'absorption'] */
  kinds?: readonly LineKind[];
  /** Keep only lines flagged `major`. @default false */
  majorOnly?: boolean;
}

/**
 * Vacuum wavelength (Å) of an air wavelength (Å), with the refractive index of
 * Piskunov et al. (VALD, after Ciddor 1996), as used by SDSS and astropy's
 * specutils: n = 1 + 8.3366e-5 + 2.4089e-2/(130.107 − s²) + 1.5997e-4/(38.926 − s²),
 * s = 10⁴/λ_air (µm⁻¹). Valid above ~2000 Å.
 */
export function airToVacuum(airA: number): number {
  const s2 = (1e4 / airA) ** 2;
  const n = 1 + 8.336624212083e-5 + 2.408926869968e-2 / (130.1065924522 - s2) + 1.599740894897e-4 / (38.92568793293 - s2);
  return airA * n;
}

/** All lines of the given kinds, sorted by rest wavelength. */
export function allLines(options: MarkerOptions = {}): SpectralLine[] {
  const kinds = options.kinds ?? ['emission', 'absorption'];
  const out: SpectralLine[] = [];
  if (kinds.includes('emission')) out.push(...EMISSION_LINES);
  if (kinds.includes('absorption')) out.push(...ABSORPTION_LINES);
  return out.filter((l) => !options.majorOnly || l.major).sort((a, b) => a.restA - b.restA);
}

/**
 * Lines whose observed wavelength λ_rest·(1+z) lies in [minA, maxA] (inclusive),
 * sorted by wavelength. Throws RangeError for a non-finite z or z ≤ −1.
 */
export function linesInRange(z: number, minA: number, maxA: number, options: MarkerOptions = {}): LineMarker[] {
  if (!Number.isFinite(z) || z <= -1) throw new RangeError(`redshift must be finite and > −1, got ${z}`);
  const f = 1 + z;
  const out: LineMarker[] = [];
  for (const line of allLines(options)) {
    const observedA = line.restA * f;
    if (observedA >= minA && observedA <= maxA) out.push({ line, observedA });
  }
  return out;
}
