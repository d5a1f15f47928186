/**
 * IRAF `apall` / `onedspec` output (equispec and multispec formats): the
 * primary image is NPIX × NAPERTURES × NBANDS, the bands named by BANDIDn —
 * 'spectrum' (optimally extracted), 'raw', 'background' (sky), 'sigma'
 * (IRAF "onedspec" help, specwcs). Each aperture is one spectrum.
 *
 * Wavelengths: equispec files use the linear WCS CRVAL1/CD1_1/CRPIX1
 * (DC-FLAG = 1: log10); multispec files describe each aperture in the
 * WAT2_nnn cards, concatenated in 68-character pieces:
 * specN = "ap beam dtype w1 dw nw z aplow aphigh …", dtype 0 linear, 1 log10
 * linear, λ = w / (1 + z); dtype 2 (non-linear dispersion functions) is
 * not evaluated and is reported as such. Pixels are physical, mapped from
 * the image's own by LTV1/LTM1_1.
 *
 * IRAF dispersion solutions use air-wavelength arc line lists and do not
 * change the velocity frame: air and topocentric unless the header says.
 */
import type { FitsFile, FitsHeader, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail, ok } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { observedAirFrame } from './frame.ts';
import { dropUndefined, headerValue, ids, str } from './meta.ts';
import { angleDeg, headerObservation } from './observation.ts';
import type { FormatAdapter } from './types.ts';
import { hasSpectralWcs, wcsWavelength } from './wcs.ts';

/** IRAF splits long WAT values into cards of this many characters (trailing blanks included). */
const WAT_CARD_CHARS = 68;

const system = (h: FitsHeader): string | undefined => /system\s*=\s*(\w+)/i.exec(h.getString('WAT0_001') ?? '')?.[1]?.toLowerCase();

/** NPIX, apertures, bands of the primary image (missing axes count 1). */
function shape(p: Hdu): { npix: number; nap: number; nband: number } {
  return { npix: p.axes[0] ?? 0, nap: p.axes[1] ?? 1, nband: p.axes[2] ?? 1 };
}

function match(file: FitsFile): boolean {
  const p = file.hdus[0];
  if (p.kind !== 'primary' || p.axes.length < 1 || p.axes.length > 3 || p.axes[0] < 16) return false;
  const sys = system(p.header);
  if (sys === 'multispec') return true;
  return (sys === 'equispec' || p.header.has('BANDID1')) && hasSpectralWcs(p.header);
}

/** Band indices (0-based) of the optimal spectrum and of σ, from BANDIDn. */
function bands(h: FitsHeader, nband: number): { flux: number; sigma?: number } {
  let flux: number | undefined;
  let sigma: number | undefined;
  for (let b = 0; b < nband; b++) {
    const id = h.getString(`BANDID${b + 1}`)?.trim().toLowerCase() ?? '';
    if (/^spectrum/.test(id)) flux ??= b;
    else if (/^sigma/.test(id)) sigma ??= b;
  }
  return { flux: flux ?? 0, sigma };
}

/** The WAT2 attribute string, pieces padded back to their 68 characters. */
function wat2(h: FitsHeader): string {
  const keys = h.keywords().filter((k) => /^WAT2_\d+$/.test(k)).sort();
  return keys.map((k) => (h.getString(k) ?? '').padEnd(WAT_CARD_CHARS, ' ')).join('');
}

/** Wavelengths of aperture line `line` (1-based) from the multispec WAT2 specN attribute. */
function multispecWavelength(h: FitsHeader, line: number, npix: number): Result<Float64Array> {
  const spec = new RegExp(`spec${line}\\s*=\\s*"([^"]*)"`).exec(wat2(h))?.[1];
  if (spec === undefined) {
    return fail({ code: 'bad-wavelengths', message: `The multispec WCS (WAT2_nnn cards) has no spec${line} entry for aperture line ${line}; the file's wavelength calibration is incomplete.`, keyword: 'WAT2_001' });
  }
  const f = spec.trim().split(/\s+/).map(Number);
  const [, , dtype, w1, dw, , z = 0] = f;
  if (dtype !== 0 && dtype !== 1) {
    const what = dtype === 2 ? 'a non-linear dispersion function' : `dispersion type ${dtype}`;
    return fail({
      code: 'bad-wavelengths',
      message: `Aperture line ${line} has ${what} (multispec dtype ${dtype}), which is not evaluated here. Resample it to a linear grid in IRAF (dispcor linearize=yes) or save it as a table with wavelength and flux columns.`,
      keyword: 'WAT2_001',
    });
  }
  if (![w1, dw, z].every(Number.isFinite) || dw === 0 || z <= -1) {
    return fail({ code: 'bad-wavelengths', message: `spec${line} = "${spec.slice(0, 80)}" has no usable start and step.`, keyword: 'WAT2_001' });
  }
  // logical pixel l = LTM·p + LTV → physical p = (l − LTV)/LTM
  const ltv = h.getNumber('LTV1') ?? 0;
  const ltm = h.getNumber('LTM1_1') || 1;
  const out = new Float64Array(npix);
  for (let i = 0; i < npix; i++) {
    const w = w1 + dw * ((i + 1 - ltv) / ltm - 1);
    out[i] = (dtype === 1 ? 10 ** w : w) / (1 + z);
  }
  return ok(out);
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  const p = file.hdus[0];
  const h = p.header;
  const { npix, nap, nband } = shape(p);
  if (!(index >= 0 && index < nap)) throw new RangeError(`aperture index ${index} outside 0..${nap - 1}`);
  let wavelength: Float64Array;
  const issues: string[] = [];
  if (system(h) === 'multispec') {
    const w = multispecWavelength(h, index + 1, npix);
    if (!w.ok) return fail({ ...w.error, hdu: 0 });
    wavelength = w.value;
  } else {
    const w = wcsWavelength(h, npix);
    if (!w.ok) return fail({ ...w.error, hdu: 0 });
    wavelength = w.value.wavelength;
    issues.push(...w.value.issues);
  }
  const img = await file.readImage(p);
  if (!img.ok) return img;
  const band = bands(h, nband);
  const plane = (b: number) => img.value.data.subarray((b * nap + index) * npix, (b * nap + index + 1) * npix);
  const ra = angleDeg(h, 'RA', { hours: true });
  const dec = angleDeg(h, 'DEC');
  const name = str(headerValue(h, ['OBJECT', 'OBJNAME']));
  const apnum = str(h.getString(`APNUM${index + 1}`))?.split(/\s+/)[0];
  return buildSpectrum({
    id: nap > 1 ? `${name ?? 'iraf'}-ap${apnum ?? index + 1}` : (name ?? 'iraf'),
    meta: dropUndefined({
      format: 'iraf',
      survey: str(headerValue(h, ['TELESCOP', 'OBSERVAT'])),
      objectName: name,
      ra,
      dec,
      ids: ids({ APERTURE: apnum, INSTRUME: str(h.getString('INSTRUME')) }),
      fluxUnit: str(h.getString('BUNIT')),
    }),
    wavelength,
    frame: observedAirFrame([h], str(h.getString('INSTRUME')) ?? 'IRAF', headerObservation(h, { ra, dec })),
    flux: plane(band.flux),
    sigma: band.sigma !== undefined ? plane(band.sigma) : undefined,
    issues,
    hdu: 0,
  });
}

export const iraf: FormatAdapter = {
  id: 'iraf',
  description: 'IRAF equispec/multispec spectra: NPIX × apertures × bands (BANDIDn: spectrum, raw, sky, sigma)',
  match,
  count: (file) => shape(file.hdus[0]).nap,
  read,
};
