/**
 * Stepping through a class's kept χ² minima with the keyboard ('n'/']' next,
 * 'p'/'[' previous). Minima are ranked lowest χ² first; "next" goes to the
 * next-worse minimum and wraps around.
 */
import type { Minimum } from '../../core/scan/types.ts';
import type { OutputGridSpec } from '../../core/scan/redshift.ts';
import { shiftOfZ } from '../../core/scan/redshift.ts';

/** Rank of the minimum within `tolPixels` of z (nearest), or −1 when z sits on none. */
export function minimumAt(minima: readonly Minimum[], grid: OutputGridSpec, z: number, tolPixels = 1): number {
  const s = shiftOfZ(grid, z);
  let best = -1;
  let bestD = Infinity;
  minima.forEach((m, i) => {
    const d = Math.abs(m.shift - s);
    if (d <= tolPixels && d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

/**
 * The minimum to go to from z in direction +1 (next) or −1 (previous). From a
 * z that is on no minimum, "next" goes to the best one and "previous" to the
 * worst. undefined when the class has no minima.
 */
export function stepMinimum(minima: readonly Minimum[], grid: OutputGridSpec, z: number, dir: 1 | -1): Minimum | undefined {
  const n = minima.length;
  if (n === 0) return undefined;
  const at = minimumAt(minima, grid, z);
  if (at < 0) return dir === 1 ? minima[0] : minima[n - 1];
  return minima[(at + dir + n) % n];
}
