/** Reading a class's χ² scan at an arbitrary redshift. */
import type { ClassScan } from '../../core/scan/types.ts';

/**
 * Reduced χ² of `scan` at redshift z, linearly interpolated between the two
 * scanned shifts around it (the scan's z decreases with the shift).
 * undefined outside the scanned range.
 */
export function chi2AtZ(scan: Pick<ClassScan, 'chi2' | 'z'>, z: number): number | undefined {
  const { chi2, z: zs } = scan;
  const n = zs.length;
  if (n === 0 || !Number.isFinite(z)) return undefined;
  // zs[0] is the largest redshift, zs[n − 1] the smallest. Up to one step
  // beyond either end (the class's nominal z range is a hair wider than the
  // scanned shifts) reads the end value.
  if (n === 1) return Math.abs(z - zs[0]) <= 1e-12 ? chi2[0] : undefined;
  if (z > zs[0]) return z - zs[0] <= zs[0] - zs[1] ? chi2[0] : undefined;
  if (z < zs[n - 1]) return zs[n - 1] - z <= zs[n - 2] - zs[n - 1] ? chi2[n - 1] : undefined;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (zs[mid] >= z) lo = mid;
    else hi = mid;
  }
  if (zs[lo] === z) return chi2[lo];
  const t = (zs[lo] - z) / (zs[lo] - zs[hi]);
  return chi2[lo] * (1 - t) + chi2[hi] * t;
}
