/**
 * SDSS spec / spec-lite (DR8–DR17, lower-case COADD columns) and SDSS-V spec
 * (DR19+, upper-case): HDU1 COADD with one row per pixel (flux, loglam, ivar,
 * and_mask, model), HDU2 SPECOBJ/SPALL with the pipeline's answer
 * (FORMATS.md §1–2). Wavelengths are vacuum, 10^loglam. and_mask ≠ 0 → bad.
 * (The 85 files in shared/data/sdss carry all-zero placeholder masks; their
 * bad pixels are marked by ivar = 0 only.)
 */
import type { FitsFile, Hdu } from '../fits/types.ts';
import type { Result, Spectrum, SpectrumMeta } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { sdssFrame } from './frame.ts';
import { tenToThe } from './logLambda.ts';
import { type CellValue, findColumn, readNumeric, readRowValues } from './columns.ts';
import { dropUndefined, headerValue, ident, ids, nanomaggyMags, num, pad, str, truthOf } from './meta.ts';
import type { FormatAdapter } from './types.ts';

const META_COLUMNS = [
  'PLATE', 'MJD', 'FIBERID', 'FIELD', 'CATALOGID', 'CLASS', 'SUBCLASS', 'Z', 'Z_ERR', 'ZWARNING',
  'PLUG_RA', 'PLUG_DEC', 'RA', 'DEC', 'OBJID', 'OBJTYPE',
];

/** The five SDSS bands of SPECTROFLUX (nanomaggies synthesised from the spectrum). */
const UGRIZ = ['u', 'g', 'r', 'i', 'z'] as const;

/**
 * Magnitudes synthesised from the spectrum (SPECOBJ's SPECTROFLUX, 5 nanomaggy values), keyed
 * 'spectro u' … 'spectro z'; undefined when the column is absent or not 5 numbers. Metadata only:
 * a column that cannot be read leaves the magnitudes out, the spectrum still opens.
 */
async function spectroMags(file: FitsFile, mh: Hdu): Promise<Record<string, number> | undefined> {
  const col = findColumn(file, mh, ['SPECTROFLUX']);
  if (!col || col.repeat !== UGRIZ.length) return undefined;
  const r = await readNumeric(file, mh, [col.name], { start: 0, count: 1 });
  if (!r.ok) return undefined;
  const a = r.value[col.name];
  return nanomaggyMags(Object.fromEntries(UGRIZ.map((b, i) => [`spectro ${b}`, a[i]])));
}

function coaddHdu(file: FitsFile): Hdu | undefined {
  const byName = file.byName('COADD');
  if (byName?.kind === 'bintable') return byName;
  const h1 = file.hdus[1];
  return h1?.kind === 'bintable' ? h1 : undefined;
}

function metaHdu(file: FitsFile): Hdu | undefined {
  const named = file.byName('SPECOBJ') ?? file.byName('SPALL');
  if (named?.kind === 'bintable') return named;
  const h2 = file.hdus[2];
  return h2?.kind === 'bintable' && findColumn(file, h2, ['CLASS', 'Z']) ? h2 : undefined;
}

function match(file: FitsFile): boolean {
  const coadd = coaddHdu(file);
  if (!coadd) return false;
  const loglam = findColumn(file, coadd, ['loglam']);
  return loglam !== undefined && loglam.repeat === 1 && findColumn(file, coadd, ['flux']) !== undefined &&
    findColumn(file, coadd, ['ivar']) !== undefined;
}

/** 'spec-PPPP-MMMMM-FFFF' (plates), 'spec-FFFFFF-MMMMM-CATALOGID' (SDSS-V fields), else 'spec'. */
function specId(m: Record<string, CellValue | undefined>): string {
  const plate = ident(m.PLATE);
  const mjd = ident(m.MJD);
  const fiber = ident(m.FIBERID);
  if (plate !== undefined && mjd !== undefined && fiber !== undefined) {
    return `spec-${pad(plate, 4)}-${pad(mjd, 5)}-${pad(fiber, 4)}`;
  }
  const field = ident(m.FIELD);
  const catalog = ident(m.CATALOGID);
  if (field !== undefined && mjd !== undefined && catalog !== undefined) {
    return `spec-${pad(field, 6)}-${pad(mjd, 5)}-${catalog}`;
  }
  return 'spec';
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  if (index !== 0) throw new RangeError(`sdss-spec files hold one spectrum; index ${index} asked`);
  const coadd = coaddHdu(file);
  if (!coadd) throw new TypeError('sdss-spec read() on a file it does not match');
  const want = {
    flux: findColumn(file, coadd, ['flux'])!.name,
    loglam: findColumn(file, coadd, ['loglam'])!.name,
    ivar: findColumn(file, coadd, ['ivar'])!.name,
    mask: findColumn(file, coadd, ['and_mask'])?.name,
    model: findColumn(file, coadd, ['model'])?.name,
    sky: findColumn(file, coadd, ['sky'])?.name,
  };
  const names = Object.values(want).filter((n): n is string => n !== undefined);
  const cols = await readNumeric(file, coadd, names);
  if (!cols.ok) return cols;
  const c = cols.value;
  const wavelength = tenToThe(c[want.loglam]);

  const primary = file.hdus[0].header;
  const m: Record<string, CellValue | undefined> = {};
  const mh = metaHdu(file);
  let mags: Record<string, number> | undefined;
  if (mh) {
    const row = await readRowValues(file, mh, META_COLUMNS, 0);
    if (!row.ok) return row;
    Object.assign(m, row.value);
    mags = await spectroMags(file, mh);
  }
  m.PLATE ??= headerValue(primary, ['PLATEID', 'PLATE']);
  m.MJD ??= headerValue(primary, ['MJD']);
  m.FIBERID ??= headerValue(primary, ['FIBERID']);
  m.FIELD ??= headerValue(primary, ['FIELD', 'FIELDID']);
  m.CATALOGID ??= headerValue(primary, ['CATALOGID']);
  const unit = file.columns(coadd).find((col) => col.name === want.flux)?.unit ?? primary.getString('BUNIT');
  const meta: SpectrumMeta = {
    format: 'sdss-spec',
    survey: 'SDSS',
    ra: num(m.PLUG_RA) ?? num(m.RA) ?? num(headerValue(primary, ['PLUG_RA', 'RA'])),
    dec: num(m.PLUG_DEC) ?? num(m.DEC) ?? num(headerValue(primary, ['PLUG_DEC', 'DEC'])),
    ids: ids({
      PLATE: ident(m.PLATE),
      MJD: ident(m.MJD),
      FIBERID: ident(m.FIBERID),
      FIELD: ident(m.FIELD),
      CATALOGID: ident(m.CATALOGID),
    }),
    truth: truthOf({ class: m.CLASS, subclass: m.SUBCLASS, z: m.Z, zErr: m.Z_ERR, zWarning: m.ZWARNING }),
    targetType: str(m.OBJTYPE) ?? str(headerValue(primary, ['OBJTYPE'])),
    magnitudes: mags,
    fluxUnit: str(unit),
  };
  return buildSpectrum({
    id: specId(m),
    meta: dropUndefined(meta),
    wavelength,
    frame: sdssFrame(undefined),
    flux: c[want.flux],
    ivar: c[want.ivar],
    mask: want.mask ? c[want.mask] : undefined,
    model: want.model ? c[want.model] : undefined,
    sky: want.sky ? c[want.sky] : undefined,
    hdu: coadd.index,
    owned: true,
  });
}

export const sdssSpec: FormatAdapter = {
  id: 'sdss-spec',
  description: 'SDSS spec / spec-lite (DR8–DR17) and SDSS-V spec files: COADD table with flux, loglam, ivar',
  match,
  count: () => 1,
  read,
};
