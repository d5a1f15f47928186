/**
 * 2dF / AAOmega fibre files as written by 2dfdr and read by Marz
 * (FORMATS.md §8): flux per fibre in the primary image (or an INTENSITY
 * extension) — one row per fibre, or a 1-D image for a single fibre —,
 * VARIANCE (or IVAR) image of the same shape, optional WAVELENGTH image
 * (shared or per fibre, in Å or log10 Å), FIBRES table with NAME, TYPE,
 * RA/DEC in radians, MAGNITUDE and the target class in COMMENT.
 * Wavelengths from the WCS (linear CRVAL1/CDELT1/CRPIX1) or the WAVELENGTH
 * image are log10 Å when LOGSCALE = T or when their values can only be
 * logarithms (all within 2.5–5). They are air unless VACUUM = T (Marz's
 * rule) and as observed; DO_HELIO / DO_CMB say which corrections the file
 * asks for. Only program fibres (TYPE 'P') are offered; sky (S),
 * unallocated (U), fiducial (F) and broken (N) fibres are skipped.
 */
import type { FitsFile, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail, ok } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { observedAirFrame } from './frame.ts';
import { findColumn, readRowValues, tableRows } from './columns.ts';
import { dropUndefined, ids, num, str } from './meta.ts';
import { headerObservation } from './observation.ts';
import type { FormatAdapter } from './types.ts';
import { onlyLog10, wcsWavelength } from './wcs.ts';

const RAD_TO_DEG = 180 / Math.PI;

const isImage = (h: Hdu | undefined): h is Hdu => h !== undefined && (h.kind === 'image' || h.kind === 'primary');

function dataHdu(file: FitsFile): Hdu | undefined {
  const named = file.byName('INTENSITY');
  if (isImage(named) && (named.axes.length === 2 || named.axes.length === 1)) return named;
  const p = file.hdus[0];
  return p.axes.length === 2 || p.axes.length === 1 ? p : undefined;
}

/** Fibres in the data image: its rows, or one for a 1-D image. */
const nFibres = (data: Hdu): number => (data.axes.length === 1 ? 1 : data.axes[1]);

/** Rows to read for one fibre (a 1-D image is read whole). */
const fibreRows = (h: Hdu, index: number) => (h.axes.length === 1 ? undefined : { start: index, count: 1 });

function fibres(file: FitsFile): Hdu | undefined {
  const h = file.byName('FIBRES');
  return h?.kind === 'bintable' && findColumn(file, h, ['TYPE']) ? h : undefined;
}

function match(file: FitsFile): boolean {
  const data = dataHdu(file);
  const fib = fibres(file);
  return data !== undefined && fib !== undefined && nFibres(data) === tableRows(fib);
}

function sameShapeImage(file: FitsFile, name: string, data: Hdu): Hdu | undefined {
  const h = file.byName(name);
  return isImage(h) && h.axes.length === data.axes.length && h.axes.every((n, i) => n === data.axes[i]) ? h : undefined;
}

/** 2dfdr's SKY image: one sky for all fibres [NPIX], or one per fibre (the data image's shape). */
function skyImage(file: FitsFile, data: Hdu): Hdu | undefined {
  const h = file.byName('SKY');
  if (!isImage(h) || h.axes[0] !== data.axes[0]) return undefined;
  return h.axes.length === 1 || sameShapeImage(file, 'SKY', data) ? h : undefined;
}

async function wavelengths(file: FitsFile, data: Hdu, index: number): Promise<Result<{ w: ArrayLike<number>; issues: string[] }>> {
  const primary = file.hdus[0].header;
  const logScale = primary.get('LOGSCALE') === true || data.header.get('LOGSCALE') === true;
  const wimg = file.byName('WAVELENGTH');
  if (isImage(wimg) && wimg.axes[0] === data.axes[0]) {
    const perFibre = wimg.axes.length === 2 && wimg.axes[1] === nFibres(data) && nFibres(data) > 1;
    const img = await file.readImage(wimg, perFibre ? { start: index, count: 1 } : undefined);
    if (!img.ok) return img;
    const raw = img.value.data.subarray(0, data.axes[0]);
    let min = Infinity;
    let max = -Infinity;
    for (const x of raw) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const looksLog = !logScale && onlyLog10(min, max);
    const issues = looksLog ? [`The WAVELENGTH image runs ${min.toPrecision(5)}–${max.toPrecision(5)} without LOGSCALE = T: read as log10 Å.`] : [];
    const w = logScale || looksLog ? Float64Array.from(raw, (x) => 10 ** x) : raw;
    return ok({ w, issues });
  }
  const wcs = wcsWavelength(data.header, data.axes[0]);
  if (!wcs.ok) return fail({ ...wcs.error, hdu: data.index });
  return ok({ w: wcs.value.wavelength, issues: wcs.value.issues });
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  const data = dataHdu(file);
  const fib = fibres(file);
  if (!data || !fib) throw new TypeError('2dF read() on a file it does not match');
  const nfib = nFibres(data);
  if (!(index >= 0 && index < nfib)) throw new RangeError(`fibre index ${index} outside 0..${nfib - 1}`);
  const rows = fibreRows(data, index);
  const varHdu = sameShapeImage(file, 'VARIANCE', data);
  const ivarHdu = varHdu ? undefined : sameShapeImage(file, 'IVAR', data);
  const skyHdu = skyImage(file, data);
  const [flux, noise, wave, info, sky] = await Promise.all([
    file.readImage(data, rows),
    varHdu ? file.readImage(varHdu, rows) : ivarHdu ? file.readImage(ivarHdu, rows) : undefined,
    wavelengths(file, data, index),
    readRowValues(file, fib, ['NAME', 'TYPE', 'RA', 'DEC', 'MAGNITUDE', 'COMMENT'], index),
    skyHdu ? file.readImage(skyHdu, skyHdu.axes.length === 2 ? rows : undefined) : undefined,
  ]);
  if (!flux.ok) return flux;
  if (noise && !noise.ok) return noise;
  if (!wave.ok) return wave;
  if (!info.ok) return info;
  const raRad = num(info.value.RA);
  const decRad = num(info.value.DEC);
  const ra = raRad === undefined ? undefined : raRad * RAD_TO_DEG;
  const dec = decRad === undefined ? undefined : decRad * RAD_TO_DEG;
  const type = str(info.value.TYPE);
  const magnitude = num(info.value.MAGNITUDE);
  const issues = [...wave.value.issues];
  if (type !== undefined && type.toUpperCase() !== 'P') issues.push(`Fibre ${index + 1} is not a program fibre (TYPE '${type}').`);
  return buildSpectrum({
    id: `fiber-${index + 1}`,
    meta: dropUndefined({
      format: '2df',
      survey: str(file.hdus[0].header.getString('INSTRUME')) ?? '2dF',
      objectName: str(info.value.NAME),
      ra,
      dec,
      ids: ids({ FIBRE: index + 1, TYPE: type }),
      magnitudes: magnitude !== undefined ? { MAGNITUDE: magnitude } : undefined,
      // configure's COMMENT column: the target class the survey gave the fibre (e.g. OzDES 'AGN_reverberation')
      targetType: str(info.value.COMMENT),
      fluxUnit: str(data.header.getString('BUNIT')) ?? 'counts',
    }),
    wavelength: wave.value.w,
    frame: observedAirFrame([file.hdus[0].header, data.header], str(file.hdus[0].header.getString('INSTRUME')) ?? '2dF',
      headerObservation(file.hdus[0].header, { ra, dec }, 'AAT')),
    flux: flux.value.data,
    variance: varHdu && noise?.ok ? noise.value.data : undefined,
    ivar: ivarHdu && noise?.ok ? noise.value.data : undefined,
    // the sky is only shown: a SKY image that cannot be read is left out, the spectrum still opens
    sky: sky?.ok ? sky.value.data.subarray(0, data.axes[0]) : undefined,
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

export const twodf: FormatAdapter = {
  id: '2df',
  description: '2dF/AAOmega fibre files (2dfdr, Marz): flux per fibre, VARIANCE, FIBRES table',
  match,
  count: (file) => nFibres(dataHdu(file)!),
  read,
  selectRows,
};
