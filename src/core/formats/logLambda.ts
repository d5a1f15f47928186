/**
 * λ = 10^loglam for table columns of log10 wavelength (SDSS COADD loglam).
 * Survey files share one log-linear lattice, so the same float32 loglam
 * values recur file after file: each slot of a small table remembers the
 * last value seen near one lattice point and its power of ten, and a repeat
 * is a lookup instead of an exp. The answer is the same double either way
 * (the cached value was computed from the identical input).
 */

/** Lattice of the memo: log10 λ from LOG_MIN in steps of 1e-4 dex (SDSS's pixel), 2500 Å … 25 000 Å. */
const LOG_MIN = 3.39;
const STEP_INV = 1e4;
const SLOTS = 10_100;
const keys = new Float64Array(SLOTS).fill(Number.NaN);
const values = new Float64Array(SLOTS);

/** 10^x for each element, as Math.exp(ln 10 · x) (pow is several times slower). */
export function tenToThe(logLam: ArrayLike<number>): Float64Array {
  const out = new Float64Array(logLam.length);
  for (let k = 0; k < logLam.length; k++) {
    const x = logLam[k];
    const slot = Math.round((x - LOG_MIN) * STEP_INV);
    if (slot >= 0 && slot < SLOTS) {
      if (keys[slot] !== x) {
        keys[slot] = x;
        values[slot] = Math.exp(Math.LN10 * x);
      }
      out[k] = values[slot];
    } else {
      out[k] = Math.exp(Math.LN10 * x);
    }
  }
  return out;
}
