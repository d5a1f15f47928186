/**
 * Merge spectrograph arms (cameras) into one spectrum. Arms are taken in order
 * of their first wavelength. Where an arm overlaps the spectrum so far and its
 * pixels fall on the same wavelengths (within a hundredth of a pixel, as on
 * DESI's common 0.8 Å grid), each shared pixel is the inverse-variance-weighted
 * mean of the good values (f = Σ ivar·f / Σ ivar, ivar = Σ ivar; "good" =
 * finite flux, ivar > 0, mask 0); if only one side is good it is used alone;
 * if none is, the pixel stays bad. Where the grids differ, the overlap is cut
 * at its midpoint (an issue says so). A missing arm is simply absent.
 */

export interface Arm {
  name: string;
  /** [n] Å, increasing. */
  wavelength: ArrayLike<number>;
  flux: ArrayLike<number>;
  ivar: ArrayLike<number>;
  /** [n] nonzero = bad. */
  mask?: ArrayLike<number>;
}

export interface Merged {
  wavelength: Float64Array;
  flux: Float64Array;
  ivar: Float64Array;
  mask: Uint8Array;
  issues: string[];
}

const MATCH_TOL_PIXELS = 0.01;

interface Pixels {
  w: number[];
  f: number[];
  iv: number[];
  bad: number[];
}

export function mergeArms(arms: readonly Arm[]): Merged {
  const issues: string[] = [];
  const sorted = [...arms].filter((a) => a.wavelength.length > 0).sort((a, b) => a.wavelength[0] - b.wavelength[0]);
  const acc: Pixels = { w: [], f: [], iv: [], bad: [] };
  for (const arm of sorted) {
    const n = arm.wavelength.length;
    const isBad = (i: number): number =>
      (arm.mask && arm.mask[i] !== 0) || !(arm.ivar[i] > 0) || !Number.isFinite(arm.flux[i]) ? 1 : 0;
    const last = acc.w.length > 0 ? acc.w[acc.w.length - 1] : -Infinity;
    let i = 0;
    if (arm.wavelength[0] <= last) {
      const step = n > 1 ? (arm.wavelength[n - 1] - arm.wavelength[0]) / (n - 1) : 1;
      const tol = MATCH_TOL_PIXELS * Math.abs(step);
      const start = acc.w.findIndex((w) => w >= arm.wavelength[0] - tol);
      let nOverlap = 0;
      while (nOverlap < n && arm.wavelength[nOverlap] <= last + tol) nOverlap++;
      const aligned = acc.w.length - start === nOverlap &&
        Array.from({ length: nOverlap }, (_, k) => Math.abs(acc.w[start + k] - arm.wavelength[k]) <= tol).every(Boolean);
      if (aligned) {
        for (let k = 0; k < nOverlap; k++) combine(acc, start + k, arm.flux[k], arm.ivar[k], isBad(k));
        i = nOverlap;
      } else {
        const mid = (arm.wavelength[0] + last) / 2;
        while (acc.w.length > 0 && acc.w[acc.w.length - 1] >= mid) popPixel(acc);
        while (i < n && arm.wavelength[i] < mid) i++;
        issues.push(`Arm ${arm.name} overlaps the previous arm on a different pixel grid: cut at ${mid.toFixed(1)} Å.`);
      }
    }
    for (; i < n; i++) {
      acc.w.push(arm.wavelength[i]);
      acc.f.push(arm.flux[i]);
      acc.iv.push(isBad(i) ? 0 : arm.ivar[i]);
      acc.bad.push(isBad(i));
    }
  }
  return {
    wavelength: Float64Array.from(acc.w),
    flux: Float64Array.from(acc.f),
    ivar: Float64Array.from(acc.iv),
    mask: Uint8Array.from(acc.bad),
    issues,
  };
}

function combine(acc: Pixels, j: number, f: number, iv: number, bad: number): void {
  const aGood = !acc.bad[j];
  const bGood = !bad;
  if (aGood && bGood) {
    const wsum = acc.iv[j] + iv;
    acc.f[j] = (acc.iv[j] * acc.f[j] + iv * f) / wsum;
    acc.iv[j] = wsum;
  } else if (bGood) {
    acc.f[j] = f;
    acc.iv[j] = iv;
    acc.bad[j] = 0;
  } else if (!aGood && !Number.isFinite(acc.f[j]) && Number.isFinite(f)) {
    acc.f[j] = f; // both bad: keep a finite value for display
  }
}

function popPixel(acc: Pixels): void {
  acc.w.pop();
  acc.f.pop();
  acc.iv.pop();
  acc.bad.pop();
}
