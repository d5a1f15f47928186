/**
 * Complex FFTs of power-of-two sizes on interleaved [re, im, …] Float64Arrays,
 * via fft.js (radix-4). Instances hold twiddle and bit-reversal tables
 * (≈ 0.5 MB at 16384 points), so one is kept per size.
 */
import FFT from 'fft.js';

const cache = new Map<number, FFT>();

export function fftOfSize(size: number): FFT {
  let f = cache.get(size);
  if (!f) {
    if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
      throw new RangeError(`FFT size must be a power of two ≥ 4, got ${size}`);
    }
    f = new FFT(size);
    cache.set(size, f);
  }
  return f;
}

/** Smallest power of two ≥ n. */
export function nextPow2(n: number): number {
  let p = 4;
  while (p < n) p *= 2;
  return p;
}
