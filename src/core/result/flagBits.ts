/**
 * The anomaly flags as one integer per spectrum, like SDSS's ZWARNING: bit n set means the flag
 * named here is raised. Bits are fixed for good (catalogs written today must read the same
 * tomorrow): add a flag with the next free bit, never renumber. docs/catalog.md lists them.
 */
import type { AnomalyFlag } from '../scan/types.ts';

/** Every anomaly flag's bit (a new AnomalyFlag does not compile until it gets one). */
export const FLAG_BITS: Readonly<Record<AnomalyFlag, number>> = {
  'high-chi2': 0,
  'low-robustness': 1,
  'edge-of-range': 2,
  'few-pixels': 3,
  'close-classes': 4,
  'small-deltachi2': 5,
  'second-redshift': 6,
  'coefficient-outlier': 7,
};
/** The spectrum could not be analysed (the row's error says why). */
export const FAILED_BIT = 30;
/** A flag this version does not know (rows restored from another version). */
export const UNKNOWN_FLAG_BIT = 29;

/** The bit mask of a row's flags, with FAILED_BIT when it carries an error. */
export function flagMask(flags: readonly string[], failed: boolean): number {
  let mask = failed ? 1 << FAILED_BIT : 0;
  for (const f of flags) {
    const bit = (FLAG_BITS as Readonly<Record<string, number>>)[f];
    mask |= 1 << (bit ?? UNKNOWN_FLAG_BIT);
  }
  return mask;
}
