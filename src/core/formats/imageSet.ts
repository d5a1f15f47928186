/**
 * A 1-D spectrum stored as separate image HDUs of the same length — flux,
 * variance, bad-pixel mask (2QZ/2SLAQ, OzDES coadds and epochs) — read
 * together, wavelengths from the flux HDU's linear WCS.
 */
import type { FitsFile, Hdu } from '../fits/types.ts';
import type { Result } from '../types.ts';
import { fail, ok } from '../types.ts';
import { wcsWavelength } from './wcs.ts';

export interface ImageSet {
  flux: Hdu;
  variance?: Hdu;
  /** Nonzero = bad (2dfdr BADPIX: good = 0). */
  mask?: Hdu;
}

/** Pixels of a 1-D or N × 1 image, else 0. */
export function length1d(h: Hdu | undefined): number {
  if (h === undefined || (h.kind !== 'primary' && h.kind !== 'image')) return 0;
  if (h.axes.length === 0 || h.axes.slice(1).some((n) => n !== 1)) return 0;
  return h.axes[0];
}

/** The HDU named `name` when it is a 1-D image of `n` pixels. */
export function sameLength(file: FitsFile, name: string, n: number): Hdu | undefined {
  const h = file.byName(name);
  return length1d(h) === n ? h : undefined;
}

export async function readImageSet(file: FitsFile, set: ImageSet): Promise<Result<{
  wavelength: Float64Array;
  flux: ArrayLike<number>;
  variance?: ArrayLike<number>;
  mask?: ArrayLike<number>;
  issues: string[];
}>> {
  const [flux, variance, mask] = await Promise.all([
    file.readImage(set.flux),
    set.variance ? file.readImage(set.variance) : undefined,
    set.mask ? file.readImage(set.mask) : undefined,
  ]);
  if (!flux.ok) return flux;
  if (variance && !variance.ok) return variance;
  if (mask && !mask.ok) return mask;
  const wcs = wcsWavelength(set.flux.header, flux.value.data.length);
  if (!wcs.ok) return fail({ ...wcs.error, hdu: set.flux.index });
  return ok({
    wavelength: wcs.value.wavelength,
    flux: flux.value.data,
    variance: variance?.value.data,
    mask: mask?.value.data,
    issues: wcs.value.issues,
  });
}
