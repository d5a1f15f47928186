/**
 * SDSS/BOSS spPlate: HDU0 flux [NFIBER × NPIX], HDU1 ivar, HDU2 and-mask,
 * HDU5 plug-map table (one row per fibre); λ = 10^(COEFF0 + COEFF1·i), vacuum
 * (FORMATS.md §4). One spectrum per fibre, read one row at a time so a
 * 640- or 1000-fibre plate never sits in memory whole.
 */
import type { FitsFile, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { sdssFrame } from './frame.ts';
import { readRowValues } from './columns.ts';
import { dropUndefined, headerValue, ident, ids, num, pad, str } from './meta.ts';
import type { FormatAdapter } from './types.ts';
import { wcsWavelength } from './wcs.ts';

const HDU_IVAR = 1;
const HDU_ANDMASK = 2;
const HDU_PLUGMAP = 5;

const sameShape = (a: Hdu | undefined, b: Hdu): boolean =>
  a !== undefined && (a.kind === 'image' || a.kind === 'primary') && a.axes.length === 2 &&
  a.axes[0] === b.axes[0] && a.axes[1] === b.axes[1];

function match(file: FitsFile): boolean {
  const p = file.hdus[0];
  if (p.kind !== 'primary' || p.axes.length !== 2) return false;
  const h = p.header;
  if (/LAMOST/i.test(h.getString('TELESCOP') ?? '')) return false;
  if (h.getNumber('COEFF0') === undefined || h.getNumber('COEFF1') === undefined) return false;
  const plug = file.hdus[HDU_PLUGMAP];
  return sameShape(file.hdus[HDU_IVAR], p) && sameShape(file.hdus[HDU_ANDMASK], p) && plug?.kind === 'bintable';
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  const p = file.hdus[0];
  const [npix, nfib] = p.axes;
  if (!(index >= 0 && index < nfib)) throw new RangeError(`fibre index ${index} outside 0..${nfib - 1}`);
  const rows = { start: index, count: 1 };
  const [flux, ivar, mask] = await Promise.all([
    file.readImage(p, rows),
    file.readImage(file.hdus[HDU_IVAR], rows),
    file.readImage(file.hdus[HDU_ANDMASK], rows),
  ]);
  if (!flux.ok) return flux;
  if (!ivar.ok) return ivar;
  if (!mask.ok) return mask;
  const wcs = wcsWavelength(p.header, npix);
  if (!wcs.ok) return fail({ ...wcs.error, hdu: 0 });
  const plug = await readRowValues(file, file.hdus[HDU_PLUGMAP], ['FIBERID', 'RA', 'DEC', 'OBJTYPE'], index);
  if (!plug.ok) return plug;
  const h = p.header;
  const plate = ident(headerValue(h, ['PLATEID', 'PLATE']));
  const mjd = ident(h.get('MJD') ?? undefined);
  const fiber = ident(plug.value.FIBERID) ?? index + 1;
  const id = plate !== undefined && mjd !== undefined ? `spec-${pad(plate, 4)}-${pad(mjd, 5)}-${pad(fiber, 4)}` : `fiber-${fiber}`;
  return buildSpectrum({
    id,
    meta: dropUndefined({
      format: 'sdss-spplate',
      survey: 'SDSS',
      ra: num(plug.value.RA),
      dec: num(plug.value.DEC),
      ids: ids({ PLATE: plate, MJD: mjd, FIBERID: fiber, OBJTYPE: str(plug.value.OBJTYPE) }),
      fluxUnit: str(h.getString('BUNIT')),
    }),
    wavelength: wcs.value.wavelength,
    frame: sdssFrame(wcs.value.airHint),
    flux: flux.value.data,
    ivar: ivar.value.data,
    mask: mask.value.data,
    issues: wcs.value.issues,
    hdu: 0,
    owned: true,
  });
}

export const sdssSpPlate: FormatAdapter = {
  id: 'sdss-spplate',
  description: 'SDSS/BOSS spPlate: one spectrum per fibre (flux, ivar, and-mask images, plug map)',
  match,
  count: (file) => file.hdus[0].axes[1],
  read,
};
