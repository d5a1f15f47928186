/**
 * LAMOST low-resolution spectra (FORMATS.md §7), both layouts:
 *  - old (DR1–DR7): primary image 5 × NPIX — rows flux, ivar, wavelength, andmask, ormask;
 *  - new (DR8+): NAXIS = 0 primary (whose stale NAXIS1/NAXIS2 cards are ignored) and a
 *    COADD table with one row of vector columns FLUX, IVAR, WAVELENGTH, ANDMASK, ORMASK.
 * Recognised by TELESCOP or DATA_V naming LAMOST. Wavelengths are vacuum
 * (VACUUM = F would mean air); andmask ≠ 0 → bad. The header's CLASS,
 * SUBCLASS, Z, Z_ERR are the pipeline's answer (−9999 = none).
 */
import type { FitsFile, FitsHeader, Hdu } from '../fits/types.ts';
import type { Result, Spectrum, SpectrumMeta } from '../types.ts';
import { fail, ok } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { frame, mediumFrom } from './frame.ts';
import { findColumn, readNumeric, tableRows } from './columns.ts';
import { dropUndefined, headerValue, ident, ids, magnitudes, num, str, truthOf } from './meta.ts';
import type { FormatAdapter } from './types.ts';
import { wcsWavelength } from './wcs.ts';

const ROW = { flux: 0, ivar: 1, wavelength: 2, andMask: 3 } as const;

function isLamost(h: FitsHeader): boolean {
  return /LAMOST/i.test(h.getString('TELESCOP') ?? '') || /LAMOST/i.test(h.getString('DATA_V') ?? '');
}

function imageLayout(file: FitsFile): Hdu | undefined {
  const p = file.hdus[0];
  return p.kind === 'primary' && p.axes.length === 2 && p.axes[1] >= 3 && p.axes[1] <= 8 ? p : undefined;
}

function tableLayout(file: FitsFile): Hdu | undefined {
  const named = file.byName('COADD');
  const h = named?.kind === 'bintable' ? named : file.hdus.find((x) => x.kind === 'bintable');
  return h && tableRows(h) >= 1 && findColumn(file, h, ['FLUX']) && findColumn(file, h, ['IVAR']) &&
    findColumn(file, h, ['WAVELENGTH'])
    ? h
    : undefined;
}

function match(file: FitsFile): boolean {
  return isLamost(file.hdus[0].header) && (imageLayout(file) !== undefined || tableLayout(file) !== undefined);
}

interface Arrays {
  flux: ArrayLike<number>;
  ivar: ArrayLike<number>;
  wavelength: ArrayLike<number>;
  andMask?: ArrayLike<number>;
  issues: string[];
  hdu: number;
}

async function readImageLayout(file: FitsFile, p: Hdu): Promise<Result<Arrays>> {
  const [npix, nrows] = p.axes;
  const img = await file.readImage(p);
  if (!img.ok) return img;
  const row = (r: number) => img.value.data.subarray(r * npix, (r + 1) * npix);
  const issues: string[] = [];
  let wavelength: ArrayLike<number> = row(ROW.wavelength);
  if (!looksLikeWavelengths(wavelength)) {
    // Pilot-survey files kept a continuum-subtracted row here: use the header's log-linear axis.
    const wcs = wcsWavelength(p.header, npix);
    if (!wcs.ok) return fail({ ...wcs.error, hdu: 0 });
    wavelength = wcs.value.wavelength;
    issues.push('Image row 2 (0-based) is not a wavelength array; wavelengths taken from the header (COEFF0/COEFF1).');
  }
  return ok({
    flux: row(ROW.flux),
    ivar: row(ROW.ivar),
    wavelength,
    andMask: nrows > ROW.andMask ? row(ROW.andMask) : undefined,
    issues,
    hdu: 0,
  });
}

function looksLikeWavelengths(w: ArrayLike<number>): boolean {
  if (w.length < 2 || !(w[0] > 1000)) return false;
  for (let i = 1; i < w.length; i++) if (!(w[i] > w[i - 1])) return false;
  return true;
}

async function readTableLayout(file: FitsFile, t: Hdu): Promise<Result<Arrays>> {
  const names = ['FLUX', 'IVAR', 'WAVELENGTH', 'ANDMASK'].map((n) => findColumn(file, t, [n])?.name);
  const present = names.filter((n): n is string => n !== undefined);
  const cols = await readNumeric(file, t, present, { start: 0, count: 1 });
  if (!cols.ok) return cols;
  const [flux, ivar, wavelength, andMask] = names.map((n) => (n === undefined ? undefined : cols.value[n]));
  return ok({ flux: flux!, ivar: ivar!, wavelength: wavelength!, andMask, issues: [], hdu: t.index });
}

/**
 * MAG1…MAG7 named by MAGTYPE: one letter per card ('ugrizjh'), or one band for MAG1 ('Kp' for Kepler
 * targets); 99 means none (left out by magnitudes()).
 */
function lamostMags(h: FitsHeader): Record<string, number> | undefined {
  const type = str(h.getString('MAGTYPE'));
  const cards = ['MAG1', 'MAG2', 'MAG3', 'MAG4', 'MAG5', 'MAG6', 'MAG7'];
  const raw = magnitudes(h, cards);
  if (!raw || !type) return raw;
  const bands = type.length === cards.length ? [...type] : [type];
  const out: Record<string, number> = {};
  for (const [card, m] of Object.entries(raw)) out[bands[cards.indexOf(card)] ?? card] = m;
  return out;
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  if (index !== 0) throw new RangeError(`LAMOST files hold one spectrum; index ${index} asked`);
  const image = imageLayout(file);
  const table = image ? undefined : tableLayout(file);
  const arrays = image ? await readImageLayout(file, image) : await readTableLayout(file, table!);
  if (!arrays.ok) return arrays;
  const a = arrays.value;
  const h = file.hdus[0].header;
  const obsid = ident(headerValue(h, ['OBSID']));
  const desig = str(h.getString('DESIG'));
  const meta: SpectrumMeta = {
    format: 'lamost-lrs',
    survey: 'LAMOST',
    objectName: desig,
    ra: num(h.get('RA') ?? undefined),
    dec: num(h.get('DEC') ?? undefined),
    ids: ids({
      OBSID: obsid,
      PLANID: str(h.getString('PLANID')),
      LMJD: ident(headerValue(h, ['LMJD'])),
      FIBERID: ident(headerValue(h, ['FIBERID'])),
    }),
    truth: truthOf({
      class: h.get('CLASS') ?? undefined,
      subclass: h.get('SUBCLASS') ?? undefined,
      z: h.get('Z') ?? undefined,
      zErr: h.get('Z_ERR') ?? undefined,
    }),
    targetType: str(h.getString('OBJTYPE')),
    magnitudes: lamostMags(h),
    fluxUnit: str(h.getString('BUNIT')),
  };
  return buildSpectrum({
    id: obsid !== undefined ? `lamost-${obsid}` : (desig ?? 'lamost'),
    meta: dropUndefined(meta),
    wavelength: a.wavelength,
    flux: a.flux,
    ivar: a.ivar,
    mask: a.andMask,
    frame: lamostFrame(h.get('VACUUM'), h.get('HELIO')),
    issues: a.issues,
    hdu: a.hdu,
  });
}

/** LAMOST: vacuum and heliocentric unless the header's VACUUM / HELIO say otherwise. */
function lamostFrame(vacuum: unknown, helio: unknown) {
  const m = mediumFrom(vacuum === false ? true : vacuum === true ? false : undefined, 'vacuum');
  const v = helio === false ? 'topocentric' : 'heliocentric';
  return frame(m.medium, m.mediumFrom, v, typeof helio === 'boolean' ? 'keyword' : 'instrument', { instrument: 'LAMOST' });
}

export const lamost: FormatAdapter = {
  id: 'lamost-lrs',
  description: 'LAMOST low-resolution spectra: 5-row image (DR1–DR7) or COADD vector table (DR8+)',
  match,
  count: () => 1,
  read,
};
