/**
 * Wavelengths from a 1-D spectral WCS (FITS paper III) and the survey
 * variants of it:
 *  - linear: λ = CRVAL1 + CDELT1·(p − CRPIX1), p = 1-based pixel (CD1_1 used when present);
 *  - CTYPE1 '…-LOG' (paper III): λ = CRVAL1·exp(CDELT1·(p − CRPIX1)/CRVAL1);
 *  - COEFF0/COEFF1 (SDSS, LAMOST; they win when present): λ = 10^(COEFF0 + COEFF1·i), i 0-based;
 *  - log10 axes flagged by DC-FLAG = 1 or WFITTYPE = 'LOG-LINEAR' (SDSS, LAMOST, IRAF) or LOGSCALE = T (Marz):
 *    λ = 10^(linear value); a linear axis whose values all lie in 2.5–5 is taken as log10 too
 *    (with an issue): such values cannot be Å, nm or µm of an optical spectrum;
 *  - CUNIT1 nm/µm/m/cm/mm converted to Å.
 * Air or vacuum: CTYPE1 'AWAV…', AIRORVAC = 'air' or VACUUM = F mean air; 'WAVE…',
 * AIRORVAC = 'vac' or VACUUM = T mean vacuum; otherwise `airHint` is undefined and the
 * caller applies its layout's convention.
 */
import type { FitsHeader } from '../fits/types.ts';
import type { Result } from '../types.ts';
import { fail, ok } from '../types.ts';

export interface WcsWavelength {
  /** [n] Å, as written (air or vacuum, see airHint). */
  wavelength: Float64Array;
  /** true = the header says air, false = vacuum, undefined = not stated. */
  airHint: boolean | undefined;
  issues: string[];
}

/** Å per unit of CUNIT1 (lower-case keys). */
const UNIT_TO_A: Record<string, number> = {
  angstrom: 1,
  angstroms: 1,
  a: 1,
  aa: 1,
  '0.1 nm': 1,
  nm: 10,
  um: 1e4,
  micron: 1e4,
  microns: 1e4,
  mm: 1e7,
  cm: 1e8,
  m: 1e10,
};

/** Linear CTYPE1 values that say nothing about air/vacuum. */
const NEUTRAL_CTYPES = new Set(['', 'LINEAR', 'LAMBDA', 'WAVELENGTH', 'WAVELEN', 'PIXEL', 'WAVE-WAV']);

/** True when the header carries a 1-D spectral axis this module can evaluate. */
export function hasSpectralWcs(h: FitsHeader): boolean {
  if (num(h, 'COEFF0') !== undefined && num(h, 'COEFF1') !== undefined) return true;
  if (num(h, 'CRVAL1') === undefined || step(h) === undefined) return false;
  const ctype = (h.getString('CTYPE1') ?? '').trim().toUpperCase();
  return NEUTRAL_CTYPES.has(ctype) || /^(WAVE|AWAV)(-LOG)?$/.test(ctype);
}

/**
 * Axes already evaluated, per header and length. Every fibre of a plate (spPlate, LAMOST, 2dF) has
 * the same axis: 4600 powers of ten per fibre stood out in a browser worker's profile on a plate
 * (CDP profile); a copy of the cached axis costs a memcpy. Weak, so an axis goes with its file.
 */
const evaluated = new WeakMap<FitsHeader, Map<number, WcsWavelength | 'once'>>();

/** [n] wavelengths (Å) from the header, or a 'bad-wavelengths' error naming the keyword. Each call returns its own arrays. */
export function wcsWavelength(h: FitsHeader, n: number): Result<WcsWavelength> {
  let byLength = evaluated.get(h);
  const known = byLength?.get(n);
  if (known !== undefined && known !== 'once') {
    return ok({ wavelength: known.wavelength.slice(), airHint: known.airHint, issues: [...known.issues] });
  }
  const r = evaluateWcs(h, n);
  if (r.ok) {
    if (byLength === undefined) evaluated.set(h, (byLength = new Map()));
    // Kept from the second spectrum on: a file of one spectrum keeps no copy.
    byLength.set(n, known === 'once' ? { wavelength: r.value.wavelength.slice(), airHint: r.value.airHint, issues: [...r.value.issues] } : 'once');
  }
  return r;
}

function evaluateWcs(h: FitsHeader, n: number): Result<WcsWavelength> {
  const issues: string[] = [];
  const ctype = (h.getString('CTYPE1') ?? '').trim().toUpperCase();
  const unit = unitFactor(h, issues);
  const wavelength = new Float64Array(n);
  const crval = num(h, 'CRVAL1');
  const delta = step(h);
  const coeff0 = num(h, 'COEFF0');
  const coeff1 = num(h, 'COEFF1');
  if (coeff0 !== undefined && coeff1 !== undefined) {
    // SDSS/LAMOST keywords: unambiguous (always log10, 0-based), so they win over CRVAL1/CD1_1.
    for (let i = 0; i < n; i++) wavelength[i] = 10 ** (coeff0 + coeff1 * i);
    return ok({ wavelength, airHint: airHint(h, ctype), issues });
  }
  if (crval === undefined || delta === undefined) {
    return fail({
      code: 'bad-wavelengths',
      message: 'The header has no usable wavelength axis (CRVAL1 with CDELT1 or CD1_1, or COEFF0/COEFF1). Check that this HDU holds a spectrum.',
      keyword: crval === undefined ? 'CRVAL1' : 'CDELT1',
    });
  }
  const crpix = num(h, 'CRPIX1') ?? 1;
  if (ctype.endsWith('-LOG')) {
    if (!(crval > 0)) return badKeyword('CRVAL1', `CRVAL1 = ${crval} cannot start a logarithmic axis`);
    for (let i = 0; i < n; i++) wavelength[i] = unit * crval * Math.exp((delta * (i + 1 - crpix)) / crval);
    return ok({ wavelength, airHint: airHint(h, ctype), issues });
  }
  for (let i = 0; i < n; i++) wavelength[i] = crval + delta * (i + 1 - crpix);
  const first = Math.min(wavelength[0], wavelength[n - 1]);
  const last = Math.max(wavelength[0], wavelength[n - 1]);
  // Marz's LOGSCALE describes its WAVELENGTH image; on an axis already in Å it cannot mean log10.
  const logScale = isTrue(h.get('LOGSCALE')) && onlyLog10(first, last);
  const flagged = h.getNumber('DC-FLAG') === 1 || /LOG-LINEAR/i.test(h.getString('WFITTYPE') ?? '') || logScale;
  const looksLog = !flagged && unit === 1 && onlyLog10(first, last);
  if (looksLog) issues.push(`The wavelength axis runs ${first.toPrecision(5)}–${last.toPrecision(5)}: read as log10 Å.`);
  if (flagged || looksLog) {
    for (let i = 0; i < n; i++) wavelength[i] = 10 ** wavelength[i];
  }
  if (unit !== 1) for (let i = 0; i < n; i++) wavelength[i] *= unit;
  return ok({ wavelength, airHint: airHint(h, ctype), issues });
}

/** Axis values all within 2.5–5 cannot be Å, nm or µm of an optical spectrum: they are log10 Å. */
export function onlyLog10(min: number, max: number): boolean {
  return min > 2.5 && max < 5;
}

function num(h: FitsHeader, key: string): number | undefined {
  const v = h.getNumber(key);
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

function step(h: FitsHeader): number | undefined {
  const cd = num(h, 'CD1_1');
  if (cd !== undefined && cd !== 0) return cd;
  const cdelt = num(h, 'CDELT1');
  return cdelt !== undefined && cdelt !== 0 ? cdelt : undefined;
}

function isTrue(v: unknown): boolean {
  return v === true || v === 1 || (typeof v === 'string' && /^(T|TRUE|1)$/i.test(v.trim()));
}

function unitFactor(h: FitsHeader, issues: string[]): number {
  const raw = h.getString('CUNIT1')?.trim();
  if (raw === undefined || raw === '') return 1;
  const factor = UNIT_TO_A[raw.toLowerCase()];
  if (factor !== undefined) return factor;
  issues.push(`Unknown wavelength unit CUNIT1 = '${raw}': read as Å.`);
  return 1;
}

function airHint(h: FitsHeader, ctype: string): boolean | undefined {
  // 'WAVE-WAV' (2QZ, 2dF) is a label, not the paper-III vacuum type: it says nothing.
  if (/^AWAV(-|$)/.test(ctype)) return true;
  if (/^WAVE(-|$)/.test(ctype) && !NEUTRAL_CTYPES.has(ctype)) return false;
  const airorvac = h.getString('AIRORVAC')?.trim().toLowerCase();
  if (airorvac?.startsWith('air')) return true;
  if (airorvac?.startsWith('vac')) return false;
  const vacuum = h.get('VACUUM');
  if (vacuum === true || vacuum === 1) return false;
  if (vacuum === false || vacuum === 0) return true;
  return undefined;
}

function badKeyword(keyword: string, what: string): { ok: false; error: { code: 'bad-wavelengths'; message: string; keyword: string } } {
  return fail({ code: 'bad-wavelengths', message: `${what}; check the file's WCS keywords.`, keyword });
}
