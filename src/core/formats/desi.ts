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
import type { Result, Spectrum, SpectrumArm } from '../types.ts';
import { fail } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { frame } from './frame.ts';
import { type CellValue, findColumn, readRowValues, tableRows } from './columns.ts';
import { type Arm, mergeArms } from './mergeArms.ts';
import { dropUndefined, ident, ids, nanomaggyMags, num, str } from './meta.ts';
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
  const w = new Float64Array(img.value.data);
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

/** Target-bit columns of the fibre map: main survey, then SV1–SV3. */
const TARGET_MASKS = ['DESI_TARGET', 'SV1_DESI_TARGET', 'SV2_DESI_TARGET', 'SV3_DESI_TARGET'] as const;

/**
 * The target classes of desitarget's desi_mask bits that are the same in the main survey and SV1–3
 * (targetmask.yaml): the dark-time classes, the bright/MW/secondary "any" bits and the calibration
 * fibres. Other bits are sub-classes that differ between surveys; the raw value is shown as well.
 */
const DESI_BITS: readonly [number, string][] = [
  [0, 'LRG'], [1, 'ELG'], [2, 'QSO'], [32, 'SKY'], [33, 'STD_FAINT'], [34, 'STD_WD'], [35, 'STD_BRIGHT'],
  [60, 'BGS_ANY'], [61, 'MWS_ANY'], [62, 'SCND_ANY'],
];

/** 'ELG QSO (DESI_TARGET 6)' from the first non-zero target-bit column; OBJTYPE (TGT, SKY …) when there is none. */
function targetType(r: Record<string, CellValue>): string | undefined {
  for (const col of TARGET_MASKS) {
    const v = r[col];
    if (v === undefined || typeof v === 'string' || typeof v === 'boolean') continue;
    const bits = BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));
    if (bits === 0n) continue;
    const names = DESI_BITS.filter(([b]) => (bits >> BigInt(b)) & 1n).map(([, n]) => n);
    return `${names.join(' ')}${names.length > 0 ? ' ' : ''}(${col} ${bits})`;
  }
  return str(r.OBJTYPE);
}

/** Each camera's wavelength coverage, bluest first, named in lower case as DESI writes its arms (b, r, z). */
function armRanges(arms: readonly Arm[]): SpectrumArm[] {
  return arms
    .filter((a) => a.wavelength.length > 0)
    .map((a) => ({ name: a.name.toLowerCase(), minA: a.wavelength[0], maxA: a.wavelength[a.wavelength.length - 1] }))
    .sort((a, b) => a.minA - b.minA);
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
    const row = await readRowValues(file, fm, ['TARGETID', 'TARGET_RA', 'TARGET_DEC', 'EXPID', 'OBJTYPE', ...TARGET_MASKS, 'FLUX_G', 'FLUX_R', 'FLUX_Z'], index);
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
        targetType: targetType(r),
        magnitudes: nanomaggyMags({ g: r.FLUX_G, r: r.FLUX_R, z: r.FLUX_Z }),
        fluxUnit: str(unit),
      }),
      arms: armRanges(arms),
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
