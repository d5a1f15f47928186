/**
 * Shift ↔ redshift (METHOD.md §4): observed pixel 0 sits on output pixel s,
 * so z(s) = 10^(log10 3600 − output_grid[s]) − 1. Fractional shifts are allowed.
 */
import { UPSTREAM_LOGLAM_MIN } from '../grid/modelGrid.ts';

export interface OutputGridSpec {
  /** log10 λ of output pixel 0 (rest frame). */
  start: number;
  /** dex per output pixel. */
  step: number;
}

export function zOfShift(grid: OutputGridSpec, shift: number): number {
  return 10 ** (UPSTREAM_LOGLAM_MIN - (grid.start + grid.step * shift)) - 1;
}

export function shiftOfZ(grid: OutputGridSpec, z: number): number {
  return (UPSTREAM_LOGLAM_MIN - Math.log10(1 + z) - grid.start) / grid.step;
}
