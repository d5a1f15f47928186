/**
 * Liverpool Telescope FRODOSpec spectra as GAMA distributes them (specutils
 * `gama` loader, GAMA-LT): the primary HDU is the 1-D spectrum, its linear
 * axis written as CRVAL / CDELT / CRPIX without the axis number. Recognised
 * by that and a header naming Liverpool (ORIGIN 'Liverpool JMU', TELESCOP)
 * or FRODOSpec. The files carry no uncertainty.
 *
 * The files do not say air or vacuum, nor whether a velocity correction
 * was applied: air and topocentric are assumed (arc-lamp calibration, as
 * for the other ground-based reductions), and marked as assumptions.
 */
import type { FitsFile, FitsHeader, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { observedAirFrame } from './frame.ts';
import { length1d } from './imageSet.ts';
import { dropUndefined, headerValue, ident, ids, redshift, str, truthOf } from './meta.ts';
import { angleDeg, headerObservation } from './observation.ts';
import type { FormatAdapter } from './types.ts';
import { wcsWavelength } from './wcs.ts';

/** Axis-1 WCS keywords and the unnumbered names FRODOSpec writes instead. */
const ALIASES: Record<string, string> = { CRVAL1: 'CRVAL', CDELT1: 'CDELT', CRPIX1: 'CRPIX', CTYPE1: 'CTYPE', CUNIT1: 'CUNIT' };

/** The header seen with CRVAL1/CDELT1/… answered from CRVAL/CDELT/… when only those exist. */
function numbered(h: FitsHeader): FitsHeader {
  const key = (k: string) => {
    const alias = ALIASES[k.toUpperCase()];
    return alias !== undefined && !h.has(k) ? alias : k;
  };
  return {
    get: (k) => h.get(key(k)),
    getString: (k) => h.getString(key(k)),
    getNumber: (k) => h.getNumber(key(k)),
    getBoolean: (k) => h.getBoolean(key(k)),
    has: (k) => h.has(key(k)),
    keywords: () => h.keywords(),
    cards: () => h.cards(),
  };
}

const saysLiverpool = (h: FitsHeader): boolean =>
  ['ORIGIN', 'TELESCOP', 'INSTRUME'].some((k) => /liverpool|frodo/i.test(h.getString(k) ?? ''));

function dataHdu(file: FitsFile): Hdu | undefined {
  const p = file.hdus[0];
  const h = p.header;
  return length1d(p) >= 16 && !h.has('CRVAL1') && h.getNumber('CRVAL') !== undefined && h.getNumber('CDELT') !== undefined && saysLiverpool(h)
    ? p
    : undefined;
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  if (index !== 0) throw new RangeError(`FRODOSpec files hold one spectrum; index ${index} asked`);
  const p = dataHdu(file);
  if (!p) throw new TypeError('FRODOSpec read() on a file it does not match');
  const h = p.header;
  const img = await file.readImage(p);
  if (!img.ok) return img;
  const wcs = wcsWavelength(numbered(h), img.value.data.length);
  if (!wcs.ok) return fail({ ...wcs.error, hdu: 0 });
  const ra = angleDeg(h, 'RA', { hours: true });
  const dec = angleDeg(h, 'DEC');
  const name = str(headerValue(h, ['OBJECT', 'GAMANAME', 'SPECID']));
  return buildSpectrum({
    id: str(h.getString('SPECID')) ?? name ?? 'frodospec',
    meta: dropUndefined({
      format: 'frodospec',
      survey: str(h.getString('SURVEY')) ?? 'Liverpool Telescope',
      objectName: name,
      ra,
      dec,
      ids: ids({ SPECID: str(h.getString('SPECID')), CATAID: ident(headerValue(h, ['CATAID'])) }),
      truth: truthOf({ z: redshift(headerValue(h, ['Z'])), quality: headerValue(h, ['NQ']) }),
      fluxUnit: str(h.getString('BUNIT')),
    }),
    wavelength: wcs.value.wavelength,
    frame: observedAirFrame([h], 'FRODOSpec', headerObservation(h, { ra, dec }, 'LT'), { source: 'default' }),
    flux: img.value.data,
    issues: wcs.value.issues,
    hdu: 0,
  });
}

export const frodospec: FormatAdapter = {
  id: 'frodospec',
  description: 'Liverpool Telescope FRODOSpec 1-D spectra (CRVAL/CDELT/CRPIX without axis number)',
  match: (file) => dataHdu(file) !== undefined,
  count: () => 1,
  read,
};
