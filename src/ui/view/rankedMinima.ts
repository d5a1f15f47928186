/** Reading a result's ranked minima (core/scan/rankedMinima.ts) for the view: where z sits among them. */
import type { RankedMinimum } from '../../core/scan/types.ts';
import { CLASSES, type SpectralClass } from '../../core/types.ts';

/** One model-grid pixel in log10(1 + z) (1e-4 dex): how close z must be to sit on a minimum. */
const PIXEL_DEX = 1e-4;

/** Rank (0-based) of the minimum within one pixel of z (the nearest), or −1. */
export function rankedAt(minima: readonly RankedMinimum[], z: number): number {
  let best = -1;
  let bestD = Infinity;
  minima.forEach((m, i) => {
    const d = Math.abs(Math.log10((1 + m.z) / (1 + z)));
    if (d <= PIXEL_DEX && d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

/** σ_z of the displayed z when it sits on one of the class's ranked minima; undefined otherwise (or NaN there). */
export function zErrAt(minima: readonly RankedMinimum[], z: number): number | undefined {
  const i = rankedAt(minima, z);
  return i < 0 ? undefined : minima[i].zErr;
}

/** The classes in the order the list shows them: the answer's class first, then the others as CLASSES has them. */
export function classesAnswerFirst(best: SpectralClass): SpectralClass[] {
  return [best, ...CLASSES.filter((c) => c !== best)];
}
