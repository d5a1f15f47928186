/**
 * One class's χ² curve turned into what people read: reduced χ² per shift,
 * the redshift of each shift, separated minima and the robustness R.
 */
import type { SpectralClass } from '../types.ts';
import { refineMinimum, separatedMinima } from './minima.ts';
import { zOfShift, type OutputGridSpec } from './redshift.ts';
import { robustness } from './robustness.ts';
import type { ClassScan } from './types.ts';

/** 0.01 dex between kept minima (METHOD.md §5). */
export const MINIMA_SEPARATION_PIXELS = 100;
/** Free parameters: 10 coefficients + 6 polynomial terms, as in the paper. */
export const FIT_PARAMETERS = 16;
/** Degrees of freedom: reduced χ² × dofOf(nGood) is the unreduced Σ w (F − R)². */
export const dofOf = (nGood: number): number => Math.max(nGood - FIT_PARAMETERS, 1);
/** Minima kept per class (the lowest two give R; the rest are there to be cycled through). */
export const MAX_MINIMA = 5;
/** Minima polished with exact sums: the two that give R. */
const POLISHED_MINIMA = 2;
/** Steps a minimum may move downhill when polished with exact values. */
const MAX_POLISH_STEPS = 8;

/**
 * `S`: [nShift] raw χ² sums (chi2Fft.ts), turned into reduced χ² in place; `nGood`: pixels with w > 0;
 * `exact`: the float64 sum at one shift, used to polish each minimum and its
 * neighbours (the FFT curve is float32).
 */
export function classScan(
  cls: SpectralClass,
  S: Float64Array,
  nGood: number,
  grid: OutputGridSpec,
  edgePixels: number,
  exact?: (shift: number) => number,
): ClassScan {
  const dof = dofOf(nGood);
  const nShift = S.length;
  // S becomes the reduced χ² in place: it is a fresh array per scan, and the curves are large.
  const chi2 = divideInPlace(S, dof);
  const z = redshiftsOfShifts(grid, nShift);
  let raw = separatedMinima(chi2, MINIMA_SEPARATION_PIXELS, MAX_MINIMA);
  if (exact) {
    const polished = new Set<number>();
    const at = (s: number) => {
      if (s >= 0 && s < nShift && !polished.has(s)) {
        chi2[s] = exact(s) / dof;
        polished.add(s);
      }
    };
    // Only the minima that decide z and R are polished (the FFT curve is float32).
    raw = raw.map((m0, rank) => {
      if (rank >= POLISHED_MINIMA) return m0;
      let i = m0.index;
      for (let step = 0; step <= MAX_POLISH_STEPS; step++) {
        at(i - 1);
        at(i);
        at(i + 1);
        if (i > 0 && chi2[i - 1] < chi2[i] && (i === nShift - 1 || chi2[i - 1] <= chi2[i + 1])) i--;
        else if (i < nShift - 1 && chi2[i + 1] < chi2[i]) i++;
        else break;
      }
      const r = refineMinimum(chi2, i);
      return { index: i, position: r.position, value: r.value };
    });
    raw.sort((a, b) => a.value - b.value);
  }
  const minima = raw.map((m) => ({ shift: m.position, z: zOfShift(grid, m.position), chi2: m.value }));
  const best = raw[0];
  const atEdge = best === undefined || best.index < edgePixels || best.index > nShift - 1 - edgePixels;
  return { cls, chi2, z, minima, robustness: robustness(minima.map((m) => m.chi2)), atEdge };
}

const zCache = new Map<string, Float64Array>();

/**
 * [nShift] redshift of every shift of a grid: the same for every spectrum, so made once and
 * shared (read-only). z(s) = 10^(x0 − step·s) − 1 is geometric in 1+z: multiplied rather than
 * 10⁴ calls to pow, restarting from the exact value every 256 steps to bound the drift.
 */
export function redshiftsOfShifts(grid: OutputGridSpec, nShift: number): Float64Array {
  const key = `${grid.start}/${grid.step}/${nShift}`;
  let z = zCache.get(key);
  if (!z) {
    z = new Float64Array(nShift);
    const ratio = 10 ** -grid.step;
    let onePlusZ = 1;
    for (let s = 0; s < nShift; s++) {
      onePlusZ = (s & 255) === 0 ? 1 + zOfShift(grid, s) : onePlusZ * ratio;
      z[s] = onePlusZ - 1;
    }
    zCache.set(key, z);
  }
  return z;
}

/**
 * x / d in place. A leaf function: the same loop inside classScan was compiled on the stack and
 * thrown away at the code after it, scan after scan, in Chromium's workers (secondRedshift.ts).
 */
function divideInPlace(x: Float64Array, d: number): Float64Array {
  for (let s = 0; s < x.length; s++) x[s] /= d;
  return x;
}
