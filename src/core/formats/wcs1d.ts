/**
 * Any 1-D spectrum stored as an image (NAXIS = 1, or N × 1) with a standard
 * spectral WCS (wcs.ts): CRVAL1 with CDELT1 or CD1_1 (CRPIX1, default 1),
 * CTYPE1 WAVE/AWAV[-LOG], DC-FLAG = 1 for log10. Uncertainties come from an
 * image extension of the same length recognised by EXTNAME (σ, variance or
 * inverse variance); a MASK/QUALITY/DQ extension marks bad pixels (≠ 0).
 * AWAV (or AIRORVAC = 'air') is converted to vacuum; when the header does not
 * say, vacuum is assumed and an issue says so.
 */
import type { FitsFile, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { unknownFrame } from './frame.ts';
import { dropUndefined, headerValue, num, str } from './meta.ts';
import type { FormatAdapter } from './types.ts';
import { hasSpectralWcs, wcsWavelength } from './wcs.ts';

const SIGMA_NAMES = ['ERROR', 'ERR', 'ERRS', 'SIGMA', 'STDDEV', 'STDEV', 'UNCERT', 'UNCERTAINTY', 'NOISE'];
const VARIANCE_NAMES = ['VARIANCE', 'VAR'];
const IVAR_NAMES = ['IVAR', 'INVVAR', 'IVARIANCE', 'INV_VAR', 'WEIGHT'];
const MASK_NAMES = ['MASK', 'QUALITY', 'DQ', 'BADPIX'];
/** Fewer pixels than this is not a spectrum the model could use anyway. */
const MIN_PIXELS = 16;

/** Pixels of a 1-D or N × 1 (× 1 …) image, else 0. */
function length1d(h: Hdu): number {
  if (h.kind !== 'primary' && h.kind !== 'image') return 0;
  if (h.axes.length === 0 || h.axes.slice(1).some((n) => n !== 1)) return 0;
  return h.axes[0];
}

function dataHdu(file: FitsFile): Hdu | undefined {
  return file.hdus.find((h) => length1d(h) >= MIN_PIXELS && hasSpectralWcs(h.header) && !isCompanion(h));
}

function isCompanion(h: Hdu): boolean {
  return [...SIGMA_NAMES, ...VARIANCE_NAMES, ...IVAR_NAMES, ...MASK_NAMES].includes(h.extname);
}

function companion(file: FitsFile, names: readonly string[], n: number): Hdu | undefined {
  return file.hdus.find((h) => names.includes(h.extname) && length1d(h) === n);
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  if (index !== 0) throw new RangeError(`1-D image files hold one spectrum; index ${index} asked`);
  const data = dataHdu(file);
  if (!data) throw new TypeError('wcs1d read() on a file it does not match');
  const n = length1d(data);
  const sigmaHdu = companion(file, SIGMA_NAMES, n);
  const varHdu = sigmaHdu ? undefined : companion(file, VARIANCE_NAMES, n);
  const ivarHdu = sigmaHdu || varHdu ? undefined : companion(file, IVAR_NAMES, n);
  const noiseHdu = sigmaHdu ?? varHdu ?? ivarHdu;
  const maskHdu = companion(file, MASK_NAMES, n);
  const [flux, noise, mask] = await Promise.all([
    file.readImage(data),
    noiseHdu ? file.readImage(noiseHdu) : undefined,
    maskHdu ? file.readImage(maskHdu) : undefined,
  ]);
  if (!flux.ok) return flux;
  if (noise && !noise.ok) return noise;
  if (mask && !mask.ok) return mask;
  const header = data.header;
  const primary = file.hdus[0].header;
  const wcs = wcsWavelength(header, n);
  if (!wcs.ok) return fail({ ...wcs.error, hdu: data.index });
  const issues = [...wcs.value.issues];
  const air = wcs.value.airHint ?? (primary.getString('AIRORVAC')?.trim().toLowerCase().startsWith('air') || undefined);
  if (air === undefined) issues.push('The header does not say air or vacuum (CTYPE1 WAVE/AWAV): vacuum assumed.');
  const noiseData = noise?.ok ? noise.value.data : undefined;
  return buildSpectrum({
    id: str(headerValue(header, ['OBJECT', 'OBJNAME'])) ?? str(headerValue(primary, ['OBJECT', 'OBJNAME'])) ?? 'spectrum',
    meta: dropUndefined({
      format: 'wcs1d',
      objectName: str(headerValue(header, ['OBJECT', 'OBJNAME'])) ?? str(headerValue(primary, ['OBJECT', 'OBJNAME'])),
      ra: num(headerValue(header, ['RA'])) ?? num(headerValue(primary, ['RA'])),
      dec: num(headerValue(header, ['DEC'])) ?? num(headerValue(primary, ['DEC'])),
      survey: str(headerValue(primary, ['TELESCOP', 'INSTRUME'])),
      fluxUnit: str(headerValue(header, ['BUNIT'])),
    }),
    wavelength: wcs.value.wavelength,
    frame: unknownFrame(air),
    flux: flux.value.data,
    sigma: sigmaHdu ? noiseData : undefined,
    variance: varHdu ? noiseData : undefined,
    ivar: ivarHdu ? noiseData : undefined,
    mask: mask?.ok ? mask.value.data : undefined,
    issues,
    hdu: data.index,
  });
}

export const wcs1d: FormatAdapter = {
  id: 'wcs1d',
  description: '1-D image spectra with a standard wavelength WCS (CRVAL1/CDELT1), optional error/variance/ivar extension',
  match: (file) => dataHdu(file) !== undefined,
  count: () => 1,
  read,
};
