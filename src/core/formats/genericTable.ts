/**
 * Any binary (or ASCII) table with recognisable spectrum columns, matched
 * case-insensitively: a wavelength (wave, wavelength, lambda, lam, loglam =
 * log10 Å), a flux, and optionally an uncertainty (error/σ, ivar or
 * variance) and a mask. Either one row per pixel (scalar columns: one
 * spectrum) or vector columns (one spectrum per row). Wavelength units from
 * TUNIT (nm, µm, m → Å); vacuum is assumed (an issue says so).
 */
import type { FitsFile, Hdu, TableColumnInfo } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { unknownFrame } from './frame.ts';
import { findColumn, readNumeric, tableRows } from './columns.ts';
import { dropUndefined, str } from './meta.ts';
import type { FormatAdapter } from './types.ts';

const WAVE = ['wavelength', 'wave', 'lambda', 'lam', 'wl', 'awav'];
const LOGLAM = ['loglam', 'log_lambda', 'loglambda', 'log_wave'];
const FLUX = ['flux', 'flux_density', 'f_lambda', 'flam', 'fluxdensity', 'spec', 'intensity'];
const SIGMA = ['error', 'err', 'sigma', 'flux_err', 'fluxerr', 'err_flux', 'error_flux', 'e_flux', 'flux_error', 'uncertainty', 'noise', 'stddev'];
const IVAR = ['ivar', 'inverse_variance', 'invvar', 'flux_ivar', 'inv_var'];
const VARIANCE = ['variance', 'var', 'flux_var'];
const MASK = ['mask', 'and_mask', 'andmask', 'quality', 'bad'];

const UNIT_TO_A: Record<string, number> = { nm: 10, um: 1e4, micron: 1e4, microns: 1e4, m: 1e10, cm: 1e8, mm: 1e7 };

interface Columns {
  hdu: Hdu;
  wave: TableColumnInfo;
  log: boolean;
  flux: TableColumnInfo;
  sigma?: TableColumnInfo;
  ivar?: TableColumnInfo;
  variance?: TableColumnInfo;
  mask?: TableColumnInfo;
}

function columnsOf(file: FitsFile, hdu: Hdu): Columns | undefined {
  if (hdu.kind !== 'bintable' && hdu.kind !== 'table') return undefined;
  const log = findColumn(file, hdu, LOGLAM);
  const wave = findColumn(file, hdu, WAVE) ?? log;
  const flux = findColumn(file, hdu, FLUX);
  if (!wave || !flux || wave.repeat !== flux.repeat || tableRows(hdu) === 0) return undefined;
  const sameShape = (c: TableColumnInfo | undefined) => (c && c.repeat === flux.repeat ? c : undefined);
  const sigma = sameShape(findColumn(file, hdu, SIGMA));
  const ivar = sigma ? undefined : sameShape(findColumn(file, hdu, IVAR));
  const variance = sigma || ivar ? undefined : sameShape(findColumn(file, hdu, VARIANCE));
  return { hdu, wave, log: wave === log, flux, sigma, ivar, variance, mask: sameShape(findColumn(file, hdu, MASK)) };
}

function table(file: FitsFile): Columns | undefined {
  for (const h of file.hdus) {
    const c = columnsOf(file, h);
    if (c) return c;
  }
  return undefined;
}

/** One spectrum per row when the columns are vectors, else the whole table is one spectrum. */
function count(file: FitsFile): number {
  const c = table(file)!;
  return c.wave.repeat > 1 ? tableRows(c.hdu) : 1;
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  const c = table(file);
  if (!c) throw new TypeError('generic-table read() on a file it does not match');
  const n = count(file);
  if (!(index >= 0 && index < n)) throw new RangeError(`spectrum index ${index} outside 0..${n - 1}`);
  const wanted = [c.wave, c.flux, c.sigma, c.ivar, c.variance, c.mask].filter((x): x is TableColumnInfo => x !== undefined);
  const rows = c.wave.repeat > 1 ? { start: index, count: 1 } : undefined;
  const cols = await readNumeric(file, c.hdu, wanted.map((x) => x.name), rows);
  if (!cols.ok) return cols;
  const get = (x: TableColumnInfo | undefined) => (x ? cols.value[x.name] : undefined);
  const airHint = tableAirHint(file);
  const issues = airHint === undefined ? ['Wavelengths assumed to be in vacuum.'] : [];
  const raw = get(c.wave)!;
  let wavelength: Float64Array;
  if (c.log) {
    wavelength = Float64Array.from(raw, (l) => 10 ** l);
  } else {
    const unit = (c.wave.unit ?? '').trim().toLowerCase();
    const factor = UNIT_TO_A[unit] ?? 1;
    if (factor === 1 && unit !== '' && !/^(a|aa|angstroms?|0\.1 nm)$/.test(unit)) {
      issues.push(`Unknown wavelength unit '${c.wave.unit}': read as Å.`);
    }
    wavelength = Float64Array.from(raw, (w) => w * factor);
  }
  if (wavelength.length === 0) return fail({ code: 'no-spectrum', message: 'The table has no pixels.', hdu: c.hdu.index });
  const primary = file.hdus[0].header;
  return buildSpectrum({
    id: n > 1 ? `row-${index + 1}` : (str(primary.getString('OBJECT')) ?? 'spectrum'),
    meta: dropUndefined({
      format: 'generic-table',
      objectName: str(primary.getString('OBJECT')),
      fluxUnit: str(c.flux.unit),
    }),
    wavelength,
    frame: unknownFrame(airHint),
    flux: get(c.flux)!,
    sigma: get(c.sigma),
    ivar: get(c.ivar),
    variance: get(c.variance),
    mask: get(c.mask),
    issues,
    hdu: c.hdu.index,
  });
}

/** AIRORVAC = 'air' / 'vac' or VACUUM = T/F in any header, else undefined. */
function tableAirHint(file: FitsFile): boolean | undefined {
  for (const h of file.hdus) {
    const a = h.header.getString('AIRORVAC')?.trim().toLowerCase();
    if (a?.startsWith('air')) return true;
    if (a?.startsWith('vac')) return false;
    const v = h.header.get('VACUUM');
    if (typeof v === 'boolean') return !v;
  }
  return undefined;
}

export const genericTable: FormatAdapter = {
  id: 'generic-table',
  description: 'Tables with wavelength (or loglam), flux and error/ivar/variance columns, per pixel or as vectors',
  match: (file) => table(file) !== undefined,
  count,
  read,
};
