/**
 * SDSS-I/II spSpec (DR1–DR7, `spSpec-MJD-PLATE-FIBER.fit`): the primary HDU is
 * a float image of 4 or 5 rows × NPIX — row 0 flux, 1 continuum-subtracted
 * flux, 2 σ, 3 mask (bits), [4 sky] — on a log-linear vacuum grid
 * λ = 10^(COEFF0 + COEFF1·i) (FORMATS.md §3). σ ≤ 0 or mask ≠ 0 → bad.
 * The pipeline's class comes from SPEC_CLN.
 */
import type { FitsFile, FitsHeader } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { sdssFrame } from './frame.ts';
import { dropUndefined, headerValue, ident, ids, num, pad, str, truthOf } from './meta.ts';
import type { FormatAdapter } from './types.ts';
import { wcsWavelength } from './wcs.ts';

/** SPEC_CLN codes of the DR7 spectro pipeline: [class, subclass]. */
const SPEC_CLN: Record<number, [string, string | undefined]> = {
  0: ['UNKNOWN', undefined],
  1: ['STAR', undefined],
  2: ['GALAXY', undefined],
  3: ['QSO', undefined],
  4: ['QSO', 'HIZ_QSO'],
  5: ['SKY', undefined],
  6: ['STAR', 'STAR_LATE'],
  7: ['GALAXY', 'GAL_EM'],
};

const ROW_FLUX = 0;
const ROW_SIGMA = 2;
const ROW_MASK = 3;

function isSdssHeader(h: FitsHeader): boolean {
  return /SDSS/i.test(h.getString('TELESCOP') ?? '') || h.has('SPEC_CLN');
}

function match(file: FitsFile): boolean {
  const p = file.hdus[0];
  if (p.kind !== 'primary' || p.axes.length !== 2 || (p.axes[1] !== 4 && p.axes[1] !== 5)) return false;
  const h = p.header;
  return isSdssHeader(h) && h.getNumber('COEFF0') !== undefined && h.getNumber('COEFF1') !== undefined;
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  if (index !== 0) throw new RangeError(`spSpec files hold one spectrum; index ${index} asked`);
  const p = file.hdus[0];
  const h = p.header;
  const npix = p.axes[0];
  const img = await file.readImage(p);
  if (!img.ok) return img;
  const row = (r: number) => img.value.data.subarray(r * npix, (r + 1) * npix);
  const wcs = wcsWavelength(h, npix);
  if (!wcs.ok) return fail({ ...wcs.error, hdu: 0 });
  const cln = num(h.get('SPEC_CLN'));
  const [cls, sub] = cln !== undefined ? (SPEC_CLN[cln] ?? [undefined, undefined]) : [undefined, undefined];
  const plate = ident(headerValue(h, ['PLATEID', 'PLATE']));
  const mjd = ident(h.get('MJD') ?? undefined);
  const fiber = ident(h.get('FIBERID') ?? undefined);
  const id = plate !== undefined && mjd !== undefined && fiber !== undefined
    ? `spSpec-${pad(mjd, 5)}-${pad(plate, 4)}-${pad(fiber, 3)}`
    : 'spSpec';
  return buildSpectrum({
    id,
    meta: dropUndefined({
      format: 'sdss-spspec',
      survey: 'SDSS',
      objectName: str(h.getString('NAME')),
      ra: num(headerValue(h, ['RAOBJ', 'RA'])),
      dec: num(headerValue(h, ['DECOBJ', 'DEC'])),
      ids: ids({ PLATE: plate, MJD: mjd, FIBERID: fiber }),
      truth: truthOf({
        class: cls === 'UNKNOWN' ? undefined : cls,
        subclass: sub,
        z: h.get('Z') ?? undefined,
        zErr: h.get('Z_ERR') ?? undefined,
        zWarning: headerValue(h, ['Z_WARNIN', 'ZWARNING']),
      }),
      fluxUnit: str(h.getString('BUNIT')),
    }),
    wavelength: wcs.value.wavelength,
    frame: sdssFrame(wcs.value.airHint),
    flux: row(ROW_FLUX),
    sigma: row(ROW_SIGMA),
    mask: row(ROW_MASK),
    issues: wcs.value.issues,
    hdu: 0,
  });
}

export const sdssSpSpec: FormatAdapter = {
  id: 'sdss-spspec',
  description: 'SDSS-I/II spSpec (DR1–DR7): primary image rows flux, continuum-subtracted, σ, mask',
  match,
  count: () => 1,
  read,
};
