/**
 * Which lines to mark on a spectrum at a given redshift, and the air→vacuum
 * conversion the line lists were made with.
 */
import type { SpectralClass } from '../types.ts';
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
  /** Keep only the lines that belong on a spectrum of this class (lineSuitsClass); all when undefined. */
  cls?: SpectralClass;
}

/**
 * Bluest stellar absorption line kept for STAR (the H10/CN/H&K region). The absorption list's
 * UV lines (Lyβ, Si II, Fe II 2600, Mg II 2800, …) are interstellar / intervening-absorber lines seen
 * in quasar and galaxy spectra, not in stars at z ≈ 0.
 */
const STELLAR_MIN_A = 3500;

/** The broad emission lines of quasars (names as in EMISSION_LINES); narrow forbidden lines are left out. */
const QSO_BROAD_LINES: ReadonlySet<string> = new Set([
  'OVI',
  'Lyα',
  'N V 1240',
  'SiIV',
  'C IV 1549',
  'He II 1640',
  'AlIII',
  'CIII]+SiIII]',
  'C III] 1908',
  'Mg II 2799',
  'Hε',
  'Hδ',
  'Hγ',
  'Hβ',
  'Hα',
]);

/**
 * Whether a line is marked on a spectrum of this class: STAR, stellar absorption lines only (no
 * galaxy emission lines such as [O II], [S II], [Ar III] on a star); GALAXY, emission and absorption;
 * QSO, the broad emission lines.
 */
export function lineSuitsClass(line: SpectralLine, cls: SpectralClass): boolean {
  if (cls === 'STAR') return line.kind === 'absorption' && line.restA >= STELLAR_MIN_A;
  if (cls === 'QSO') return line.kind === 'emission' && QSO_BROAD_LINES.has(line.name);
  return true;
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
  const { cls } = options;
  return out.filter((l) => (!options.majorOnly || l.major) && (cls === undefined || lineSuitsClass(l, cls))).sort((a, b) => a.restA - b.restA);
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
