/** Small robust statistics for the measurement tools. */
import { median } from '../../src/core/evaluate/metrics.ts';

export { median };

/** 1.4826 × median |x − median x|: the σ of a Gaussian, robust to outliers. */
export function nmad(xs: readonly number[]): number {
  const m = median(xs);
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)));
}

/** Fraction of xs with |x| ≤ limit. */
export function fractionWithin(xs: readonly number[], limit: number): number {
  return xs.length ? xs.filter((x) => Math.abs(x) <= limit).length / xs.length : Number.NaN;
}

/** Value rounded to `digits` significant digits (JSON results stay readable). */
export const sig = (x: number, digits = 4): number => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);
