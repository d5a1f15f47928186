/** Reading a class's χ² scan at an arbitrary redshift. */
import { parabolaAt } from '../../core/scan/minima.ts';
import type { ClassScan } from '../../core/scan/types.ts';

/**
 * Reduced χ² of `scan` at redshift z, between the scanned shifts by the
 * parabola through the nearest shift and its two neighbours — the same
 * parabola the pipeline refines its minima with, so at a minimum's z this
 * returns that minimum's χ². undefined outside the scanned range (up to one
 * step beyond either end reads the end value: the class's nominal z range is
 * a hair wider than the scanned shifts).
 */
export function chi2AtZ(scan: Pick<ClassScan, 'chi2' | 'z'>, z: number): number | undefined {
  const u = fractionalIndex(scan.z, z);
  if (u === undefined) return undefined;
  const { chi2 } = scan;
  const n = chi2.length;
  if (n < 3) return chi2[Math.round(u)];
  const i = Math.min(n - 2, Math.max(1, Math.round(u)));
  return Math.max(0, parabolaAt(chi2[i - 1], chi2[i], chi2[i + 1], u - i));
}

/** Fractional scan index of z (the scan's z decreases with the index), clamped to the ends within one step. */
function fractionalIndex(zs: ArrayLike<number>, z: number): number | undefined {
  const n = zs.length;
  if (n === 0 || !Number.isFinite(z)) return undefined;
  if (n === 1) return Math.abs(z - zs[0]) <= 1e-12 ? 0 : undefined;
  if (z >= zs[0]) return z - zs[0] <= zs[0] - zs[1] ? 0 : undefined;
  if (z <= zs[n - 1]) return zs[n - 1] - z <= zs[n - 2] - zs[n - 1] ? n - 1 : undefined;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (zs[mid] >= z) lo = mid;
    else hi = mid;
  }
  return lo + (zs[lo] - z) / (zs[lo] - zs[hi]);
}
