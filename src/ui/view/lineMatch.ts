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

/** The major lines the feature at λ could be: those whose z lies in some class's range, by rest wavelength. */
export function lineChoices(observedA: number, ranges: ZRanges): LineChoice[] {
  const lo = Math.min(...CLASSES.map((c) => ranges[c][0]));
  const hi = Math.max(...CLASSES.map((c) => ranges[c][1]));
  return allLines({ majorOnly: true })
    .map((line) => ({ line, z: zForLine(observedA, line.restA) }))
    .filter((c) => c.z >= lo && c.z <= hi);
}

/** The class to show a matched z in: the shown one when its models cover z, else the first that does (galaxies, then quasars, then stars). */
export function classForZ(shown: SpectralClass, z: number, ranges: ZRanges): SpectralClass {
  const covers = (c: SpectralClass) => z >= ranges[c][0] && z <= ranges[c][1];
  if (covers(shown)) return shown;
  return (['GALAXY', 'QSO', 'STAR'] as const).find(covers) ?? shown;
}
