/**
 * 2dF / AAOmega multi-fibre files as written by 2dfdr and read by Marz
 * (FORMATS.md §8): flux per fibre in the primary image (or an INTENSITY
 * extension), VARIANCE (or IVAR) image of the same shape, optional
 * WAVELENGTH image (shared or per fibre), FIBRES table with NAME, TYPE,
 * RA/DEC in radians. Wavelengths from the WCS (linear CRVAL1/CDELT1/CRPIX1,
 * LOGSCALE = T for log10) are in air unless VACUUM = T (Marz's rule), and are
 * converted to vacuum. Only program fibres (TYPE 'P') are offered; sky (S),
 * unallocated (U), fiducial (F) and broken (N) fibres are skipped.
 */
import type { FitsFile, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail, ok } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { frame } from './frame.ts';
import { findColumn, readRowValues, tableRows } from './columns.ts';
import { dropUndefined, ids, num, str } from './meta.ts';
import type { FormatAdapter } from './types.ts';
import { wcsWavelength } from './wcs.ts';

const RAD_TO_DEG = 180 / Math.PI;

const isImage = (h: Hdu | undefined): h is Hdu => h !== undefined && (h.kind === 'image' || h.kind === 'primary');

function dataHdu(file: FitsFile): Hdu | undefined {
  const named = file.byName('INTENSITY');
  if (isImage(named) && named.axes.length === 2) return named;
  const p = file.hdus[0];
  return p.axes.length === 2 ? p : undefined;
}

function fibres(file: FitsFile): Hdu | undefined {
  const h = file.byName('FIBRES');
  return h?.kind === 'bintable' && findColumn(file, h, ['TYPE']) ? h : undefined;
}

function match(file: FitsFile): boolean {
  const data = dataHdu(file);
  const fib = fibres(file);
  return data !== undefined && fib !== undefined && data.axes[1] === tableRows(fib);
}

function sameShapeImage(file: FitsFile, name: string, data: Hdu): Hdu | undefined {
  const h = file.byName(name);
  return isImage(h) && h.axes[0] === data.axes[0] && h.axes[1] === data.axes[1] ? h : undefined;
}

async function wavelengths(file: FitsFile, data: Hdu, index: number): Promise<Result<{ w: ArrayLike<number>; issues: string[]; air: boolean }>> {
  const primary = file.hdus[0].header;
  const vacuum = primary.get('VACUUM') === true || data.header.get('VACUUM') === true;
  const logScale = primary.get('LOGSCALE') === true || data.header.get('LOGSCALE') === true;
  const wimg = file.byName('WAVELENGTH');
  if (isImage(wimg) && wimg.axes[0] === data.axes[0]) {
    const perFibre = wimg.axes.length === 2 && wimg.axes[1] === data.axes[1] && data.axes[1] > 1;
    const img = await file.readImage(wimg, perFibre ? { start: index, count: 1 } : undefined);
    if (!img.ok) return img;
    const raw = img.value.data.subarray(0, data.axes[0]);
    const w = logScale ? Float64Array.from(raw, (x) => 10 ** x) : raw;
    return ok({ w, issues: [], air: !vacuum });
  }
  const wcs = wcsWavelength(data.header, data.axes[0]);
  if (!wcs.ok) return fail({ ...wcs.error, hdu: data.index });
  return ok({ w: wcs.value.wavelength, issues: wcs.value.issues, air: wcs.value.airHint ?? !vacuum });
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  const data = dataHdu(file);
  const fib = fibres(file);
  if (!data || !fib) throw new TypeError('2dF read() on a file it does not match');
  const nfib = data.axes[1];
  if (!(index >= 0 && index < nfib)) throw new RangeError(`fibre index ${index} outside 0..${nfib - 1}`);
  const rows = { start: index, count: 1 };
  const varHdu = sameShapeImage(file, 'VARIANCE', data);
  const ivarHdu = varHdu ? undefined : sameShapeImage(file, 'IVAR', data);
  const [flux, noise, wave, info] = await Promise.all([
    file.readImage(data, rows),
    varHdu ? file.readImage(varHdu, rows) : ivarHdu ? file.readImage(ivarHdu, rows) : undefined,
    wavelengths(file, data, index),
    readRowValues(file, fib, ['NAME', 'TYPE', 'RA', 'DEC', 'MAGNITUDE'], index),
  ]);
  if (!flux.ok) return flux;
  if (noise && !noise.ok) return noise;
  if (!wave.ok) return wave;
  if (!info.ok) return info;
  const ra = num(info.value.RA);
  const dec = num(info.value.DEC);
  const type = str(info.value.TYPE);
  const issues = [...wave.value.issues];
  if (type !== undefined && type.toUpperCase() !== 'P') issues.push(`Fibre ${index + 1} is not a program fibre (TYPE '${type}').`);
  return buildSpectrum({
    id: `fiber-${index + 1}`,
    meta: dropUndefined({
      format: '2df',
      survey: str(file.hdus[0].header.getString('INSTRUME')) ?? '2dF',
      objectName: str(info.value.NAME),
      ra: ra === undefined ? undefined : ra * RAD_TO_DEG,
      dec: dec === undefined ? undefined : dec * RAD_TO_DEG,
      ids: ids({ FIBRE: index + 1, TYPE: type }),
      fluxUnit: str(data.header.getString('BUNIT')) ?? 'counts',
    }),
    wavelength: wave.value.w,
    frame: twodfFrame(file, wave.value.air),
    flux: flux.value.data,
    variance: varHdu && noise?.ok ? noise.value.data : undefined,
    ivar: ivarHdu && noise?.ok ? noise.value.data : undefined,
    issues,
    hdu: data.index,
  });
}

async function selectRows(file: FitsFile): Promise<Result<number[]>> {
  const fib = fibres(file);
  if (!fib) throw new TypeError('2dF selectRows() on a file it does not match');
  const col = findColumn(file, fib, ['TYPE'])!;
  const read = await file.readColumns(fib, [col.name]);
  if (!read.ok) return read;
  const c = read.value[col.name];
  if (c.kind !== 'string') {
    return fail({ code: 'no-spectrum', message: 'The FIBRES table TYPE column is not text; cannot tell program fibres from sky fibres.', hdu: fib.index, keyword: 'TYPE' });
  }
  const out: number[] = [];
  c.data.forEach((t, i) => {
    if (t.trim().toUpperCase() === 'P') out.push(i);
  });
  return ok(out);
}

const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** 2dfdr writes air wavelengths as observed (topocentric) unless VACUUM = T or the header says it corrected them. */
function twodfFrame(file: FitsFile, air: boolean) {
  const h = file.hdus[0].header;
  const said = h.get('VACUUM') !== undefined && h.get('VACUUM') !== null;
  return frame(air ? 'air' : 'vacuum', said ? 'keyword' : 'instrument', 'topocentric', 'instrument', {
    instrument: h.getString('INSTRUME')?.trim() || '2dF',
    wants: { helio: bool(h.get('DO_HELIO')), cmb: bool(h.get('DO_CMB')) },
  });
}

export const twodf: FormatAdapter = {
  id: '2df',
  description: '2dF/AAOmega multi-fibre files (2dfdr, Marz): flux per fibre, VARIANCE, FIBRES table',
  match,
  count: (file) => dataHdu(file)!.axes[1],
  read,
  selectRows,
};
