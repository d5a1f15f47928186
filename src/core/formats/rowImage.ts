/**
 * 2dfdr-style images that hold one spectrum as rows of a small 2-D image
 * (2dFGRS, MGC, 6dFGS, GAMA): which row is the spectrum, which the noise
 * (σ or variance) and which the wavelengths, and reading them. The wavelength
 * row, when a layout has one, is used only if it really holds increasing Å;
 * otherwise the header's linear WCS gives the axis.
 */
import type { FitsFile, FitsHeader, Hdu } from '../fits/types.ts';
import type { Result } from '../types.ts';
import { fail, ok } from '../types.ts';
import { wcsWavelength } from './wcs.ts';

/** Values at or below this are a pipeline's "no data" marker, not flux or variance. */
const MISSING = -1e29;

export interface RowLayout {
  flux: number;
  noise?: { row: number; kind: 'sigma' | 'variance' };
  wavelength?: number;
  /** The sky the reduction subtracted (display only). */
  sky?: number;
}

export interface RowArrays {
  wavelength: ArrayLike<number>;
  flux: ArrayLike<number>;
  sigma?: ArrayLike<number>;
  variance?: ArrayLike<number>;
  sky?: ArrayLike<number>;
  issues: string[];
}

/**
 * Row roles from ROWn labels ('Spectrum', 'Sigma', 'Variance', 'Sky', 'Wavelength'), as MGC
 * files write them; undefined when the header has no such labels or no spectrum row.
 */
export function layoutFromLabels(h: FitsHeader, nRows: number): RowLayout | undefined {
  let flux: number | undefined;
  let noise: RowLayout['noise'];
  let wavelength: number | undefined;
  let sky: number | undefined;
  for (let r = 0; r < nRows; r++) {
    const label = h.getString(`ROW${r + 1}`)?.trim().toLowerCase();
    if (label === undefined) continue;
    if (/^(spectrum|flux|object)/.test(label)) flux ??= r;
    else if (/^(sigma|error|stddev)/.test(label)) noise ??= { row: r, kind: 'sigma' };
    else if (/^var/.test(label)) noise ??= { row: r, kind: 'variance' };
    else if (/^wave/.test(label)) wavelength ??= r;
    else if (/^sky/.test(label)) sky ??= r;
  }
  return flux === undefined ? undefined : { flux, noise, wavelength, sky };
}

/** Read the rows of `hdu` that `layout` names; wavelengths from the wavelength row or the WCS. */
export async function readRows(file: FitsFile, hdu: Hdu, layout: RowLayout): Promise<Result<RowArrays>> {
  const [npix, nRows] = hdu.axes;
  const rows = [layout.flux, layout.noise?.row, layout.wavelength, layout.sky].filter((r): r is number => r !== undefined);
  if (rows.some((r) => r >= nRows)) {
    return fail({ code: 'no-spectrum', message: `HDU ${hdu.index} has ${nRows} rows; this layout needs row ${Math.max(...rows) + 1}. The file is not the layout it looks like.`, hdu: hdu.index });
  }
  const img = await file.readImage(hdu);
  if (!img.ok) return img;
  const data = img.value.data;
  // 2dFGRS writes −2.5e30 into spectrum and variance where a pixel has no data: make it NaN (no data).
  for (let i = 0; i < data.length; i++) if (data[i] <= MISSING) data[i] = NaN;
  const row = (r: number) => data.subarray(r * npix, (r + 1) * npix);
  const issues: string[] = [];
  let wavelength: ArrayLike<number> | undefined;
  if (layout.wavelength !== undefined && increasingAngstroms(row(layout.wavelength))) {
    wavelength = row(layout.wavelength);
  } else {
    const wcs = wcsWavelength(hdu.header, npix);
    if (!wcs.ok) return fail({ ...wcs.error, hdu: hdu.index });
    wavelength = wcs.value.wavelength;
    issues.push(...wcs.value.issues);
  }
  const noise = layout.noise ? row(layout.noise.row) : undefined;
  return ok({
    wavelength,
    flux: row(layout.flux),
    sigma: layout.noise?.kind === 'sigma' ? noise : undefined,
    variance: layout.noise?.kind === 'variance' ? noise : undefined,
    sky: layout.sky !== undefined ? row(layout.sky) : undefined,
    issues,
  });
}

function increasingAngstroms(w: ArrayLike<number>): boolean {
  if (w.length < 2 || !(w[0] > 1000 && w[0] < 30000)) return false;
  for (let i = 1; i < w.length; i++) if (!(w[i] > w[i - 1])) return false;
  return true;
}
