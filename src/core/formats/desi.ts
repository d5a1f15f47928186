/**
 * DESI coadd-*.fits and spectra-*.fits (FORMATS.md §5): per camera X (B, R, Z,
 * or a merged BRZ) the images X_WAVELENGTH [NPIX] (vacuum Å), X_FLUX and
 * X_IVAR [NSPEC × NPIX], optional X_MASK (uint32 via BZERO); FIBERMAP with
 * one row per spectrum (TARGETID int64, TARGET_RA/DEC). HDUs are found by
 * EXTNAME, never by position. Cameras are merged where they overlap by
 * inverse-variance weighting (mergeArms.ts); a missing camera is fine.
 * Coadds carry INFIL000 in the primary header (or COADD_* fibre-map
 * columns); spectra files hold one row per exposure, so their ids add EXPID.
 */
import type { FitsFile, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { frame } from './frame.ts';
import { findColumn, readRowValues, tableRows } from './columns.ts';
import { type Arm, mergeArms } from './mergeArms.ts';
import { dropUndefined, ident, ids, num, str } from './meta.ts';
import type { FormatAdapter } from './types.ts';

interface Camera {
  name: string;
  wavelength: Hdu;
  flux: Hdu;
  ivar: Hdu;
  mask?: Hdu;
}

const isImage = (h: Hdu | undefined): h is Hdu => h !== undefined && (h.kind === 'image' || h.kind === 'primary');
const nSpectra = (h: Hdu): number => (h.axes.length === 1 ? 1 : h.axes[h.axes.length - 1]);

function cameras(file: FitsFile): Camera[] {
  const out: Camera[] = [];
  for (const h of file.hdus) {
    const m = /^(.+)_WAVELENGTH$/.exec(h.extname);
    if (!m || !isImage(h) || h.axes.length !== 1) continue;
    const flux = file.byName(`${m[1]}_FLUX`);
    const ivar = file.byName(`${m[1]}_IVAR`);
    if (!isImage(flux) || !isImage(ivar)) continue;
    const mask = file.byName(`${m[1]}_MASK`);
    out.push({ name: m[1], wavelength: h, flux, ivar, mask: isImage(mask) ? mask : undefined });
  }
  return out;
}

function fibermap(file: FitsFile): Hdu | undefined {
  const h = file.byName('FIBERMAP');
  return h?.kind === 'bintable' && findColumn(file, h, ['TARGETID']) ? h : undefined;
}

function isDesi(file: FitsFile): boolean {
  const fm = fibermap(file);
  const cams = cameras(file);
  if (!fm || cams.length === 0) return false;
  const n = tableRows(fm);
  return cams.every((c) =>
    c.flux.axes[0] === c.wavelength.axes[0] && c.ivar.axes[0] === c.wavelength.axes[0] &&
    nSpectra(c.flux) === n && nSpectra(c.ivar) === n);
}

function isCoadd(file: FitsFile): boolean {
  const fm = fibermap(file);
  return file.hdus[0].header.has('INFIL000') ||
    (fm !== undefined && findColumn(file, fm, ['COADD_FIBERSTATUS', 'COADD_NUMEXP']) !== undefined);
}

const wavelengthCache = new WeakMap<FitsFile, Map<string, Float64Array>>();

async function cameraWavelength(file: FitsFile, cam: Camera): Promise<Result<Float64Array>> {
  let perFile = wavelengthCache.get(file);
  if (!perFile) wavelengthCache.set(file, (perFile = new Map()));
  const hit = perFile.get(cam.name);
  if (hit) return { ok: true, value: hit };
  const img = await file.readImage(cam.wavelength);
  if (!img.ok) return img;
  const w = Float64Array.from(img.value.data);
  perFile.set(cam.name, w);
  return { ok: true, value: w };
}

async function readCamera(file: FitsFile, cam: Camera, index: number): Promise<Result<Arm>> {
  const rows = cam.flux.axes.length === 1 ? undefined : { start: index, count: 1 };
  const [w, flux, ivar, mask] = await Promise.all([
    cameraWavelength(file, cam),
    file.readImage(cam.flux, rows),
    file.readImage(cam.ivar, rows),
    cam.mask ? file.readImage(cam.mask, cam.mask.axes.length === 1 ? undefined : rows) : undefined,
  ]);
  if (!w.ok) return w;
  if (!flux.ok) return flux;
  if (!ivar.ok) return ivar;
  if (mask && !mask.ok) return mask;
  const maskData = mask?.value.data;
  if (maskData && maskData.length !== w.value.length) {
    return fail({
      code: 'no-spectrum',
      message: `${cam.name}_MASK has ${maskData.length} pixels per spectrum but ${cam.name}_WAVELENGTH has ${w.value.length}.`,
      hdu: cam.mask?.index,
    });
  }
  return { ok: true, value: { name: cam.name, wavelength: w.value, flux: flux.value.data, ivar: ivar.value.data, mask: maskData } };
}

function makeRead(coadd: boolean) {
  return async (file: FitsFile, index: number): Promise<Result<Spectrum>> => {
    const fm = fibermap(file);
    if (!fm) throw new TypeError('DESI read() on a file it does not match');
    const n = tableRows(fm);
    if (!(index >= 0 && index < n)) throw new RangeError(`spectrum index ${index} outside 0..${n - 1}`);
    const arms: Arm[] = [];
    for (const cam of cameras(file)) {
      const arm = await readCamera(file, cam, index);
      if (!arm.ok) return arm;
      arms.push(arm.value);
    }
    const merged = mergeArms(arms);
    const row = await readRowValues(file, fm, ['TARGETID', 'TARGET_RA', 'TARGET_DEC', 'EXPID', 'OBJTYPE'], index);
    if (!row.ok) return row;
    const r = row.value;
    const targetId = r.TARGETID === undefined ? undefined : String(r.TARGETID);
    const expId = ident(r.EXPID);
    const base = targetId ?? `row-${index}`;
    const id = coadd ? base : `${base}-${expId ?? index}`;
    const h0 = file.hdus[0].header;
    const unit = cameras(file)[0]?.flux.header.getString('BUNIT');
    return buildSpectrum({
      id,
      meta: dropUndefined({
        format: coadd ? 'desi-coadd' : 'desi-spectra',
        survey: 'DESI',
        ra: num(r.TARGET_RA),
        dec: num(r.TARGET_DEC),
        ids: ids({
          TARGETID: targetId,
          EXPID: coadd ? undefined : expId,
          SURVEY: str(h0.getString('SURVEY')),
          PROGRAM: str(h0.getString('PROGRAM')),
        }),
        fluxUnit: str(unit),
      }),
      wavelength: merged.wavelength,
      frame: frame('vacuum', 'instrument', 'barycentric', 'instrument', { instrument: 'DESI' }),
      flux: merged.flux,
      ivar: merged.ivar,
      mask: merged.mask,
      issues: merged.issues,
      owned: true,
    });
  };
}

export const desiCoadd: FormatAdapter = {
  id: 'desi-coadd',
  description: 'DESI coadd files: B/R/Z camera images and FIBERMAP, one spectrum per target',
  match: (file) => isDesi(file) && isCoadd(file),
  count: (file) => tableRows(fibermap(file)!),
  read: makeRead(true),
};

export const desiSpectra: FormatAdapter = {
  id: 'desi-spectra',
  description: 'DESI spectra files: B/R/Z camera images and FIBERMAP, one spectrum per exposure row',
  match: (file) => isDesi(file) && !isCoadd(file),
  count: (file) => tableRows(fibermap(file)!),
  read: makeRead(false),
};
