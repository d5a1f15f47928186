/**
 * Marz's line matching: the user clicks a feature at λ and says which line it is; z is then
 * λ / λ_rest − 1. λ is vacuum Å on the view's x axis (the file's wavelengths, converted to vacuum,
 * not velocity-corrected), so z is in the view's frame, like the slider and the χ² plot.
 */
import { allLines } from '../../core/lines/index.ts';
import type { SpectralLine } from '../../core/lines/types.ts';
import { CLASSES, type SpectralClass } from '../../core/types.ts';

export interface LineChoice {
  line: SpectralLine;
  /** The redshift that puts the line at the clicked wavelength. */
  z: number;
}

export type ZRanges = Readonly<Record<SpectralClass, readonly [number, number]>>;

/** The redshift at which a line of rest wavelength `restA` (vacuum Å) is seen at `observedA` (vacuum Å). */
export const zForLine = (observedA: number, restA: number): number => observedA / restA - 1;

/**
 * Bluest absorption line offered: the stellar and galaxy absorption features (Ca H&K onwards); the UV
 * absorption list (Si II, O I, C II …) is of intervening absorbers, not what an inspector names by clicking.
 */
const MIN_ABSORPTION_A = 3500;

/**
 * The major lines the feature at λ could be: emission lines and optical absorption lines whose z lies
 * in some class's range. Those the shown class's models cover come first; within each group, lowest z
 * first (the reddest rest wavelength), so a nearby galaxy's Hα is near the top.
 */
export function lineChoices(observedA: number, ranges: ZRanges, shown?: SpectralClass): LineChoice[] {
  const lo = Math.min(...CLASSES.map((c) => ranges[c][0]));
  const hi = Math.max(...CLASSES.map((c) => ranges[c][1]));
  const inShown = (z: number) => (shown === undefined ? 1 : z >= ranges[shown][0] && z <= ranges[shown][1] ? 1 : 0);
  return allLines({ majorOnly: true })
    .filter((line) => line.kind === 'emission' || line.restA >= MIN_ABSORPTION_A)
    .map((line) => ({ line, z: zForLine(observedA, line.restA) }))
    .filter((c) => c.z >= lo && c.z <= hi)
    // a Balmer line is in both lists (emission and absorption): offered once, as emission
    .filter((c, _, all) => c.line.kind === 'emission' || !all.some((d) => d.line.kind === 'emission' && d.line.name === c.line.name && Math.abs(d.line.restA - c.line.restA) < 1))
    .sort((a, b) => inShown(b.z) - inShown(a.z) || a.z - b.z);
}

/** The class to show a matched z in: the shown one when its models cover z, else the first that does (galaxies, then quasars, then stars). */
export function classForZ(shown: SpectralClass, z: number, ranges: ZRanges): SpectralClass {
  const covers = (c: SpectralClass) => z >= ranges[c][0] && z <= ranges[c][1];
  if (covers(shown)) return shown;
  return (['GALAXY', 'QSO', 'STAR'] as const).find(covers) ?? shown;
}
