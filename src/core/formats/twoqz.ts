/**
 * AAT single-object files of the 2dF QSO Redshift Survey (2QZ), the
 * 2dF-SDSS LRG/QSO survey's QSOs (2SLAQ) and WiggleZ (AAOmega): the primary
 * HDU is the 1-D spectrum (float, or int16 scaled by BSCALE/BZERO) on a
 * linear WCS, with image extensions VARIANCE and BADPIX (good = 0) of the
 * same length (specutils GAMA-2QZ / GAMA-2SLAQ-QSO loaders; the WiggleZ
 * loader finds the same roles by EXTNAME). GAMA's WiggleZ copies leave the
 * variance extension unnamed: HDU 1 is the variance there (GAMA-WiggleZ:
 * science, variance, skip). Recognised by that shape and a header naming
 * the 2dF/AAT/AAOmega or the survey; OzDES (SPECTRUM_<MJD> epochs) and
 * Marz/2dfdr (FIBRES table) files are left to their own readers.
 *
 * Wavelengths are air and as observed (2dfdr). The header's best 2dF
 * identification (ID_BEST, Z_BEST) is the survey answer; GAMA-distributed
 * copies add a heliocentric Z and its quality NQ.
 */
import type { FitsFile, FitsHeader, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { observedAirFrame } from './frame.ts';
import { length1d, readImageSet, sameLength } from './imageSet.ts';
import { dropUndefined, headerValue, ident, ids, magnitudes, redshift, str, truthOf } from './meta.ts';
import { angleDeg, headerObservation } from './observation.ts';
import type { FormatAdapter } from './types.ts';
import { hasSpectralWcs } from './wcs.ts';

const MIN_PIXELS = 16;

/** WiggleZ final data release (Drinkwater et al. 2018), as the specutils loader recognises it. */
const WIGGLEZ_REFCODE = '2018MNRAS.474.4151D';

const isWiggleZ = (h: FitsHeader): boolean =>
  (h.getString('REFCODE') ?? '').includes(WIGGLEZ_REFCODE) || /^WiggleZ/i.test((h.getString('SURVEY') ?? '').trim());

function saysAat(h: FitsHeader): boolean {
  const text = ['INSTRUME', 'TOPEND', 'TELESCOP', 'SURVEY', 'ORIGIN'].map((k) => h.getString(k) ?? '').join(' ');
  return /\b2dF\b|Anglo-Australian|AAOmega|\b2QZ\b|2SLAQ/i.test(text) || isWiggleZ(h);
}

/** The variance image: EXTNAME VARIANCE, or for GAMA's WiggleZ copies the unnamed HDU 1. */
function varianceHdu(file: FitsFile, n: number): Hdu | undefined {
  const named = sameLength(file, 'VARIANCE', n);
  if (named) return named;
  const h1 = file.hdus[1];
  return isWiggleZ(file.hdus[0].header) && h1 !== undefined && h1.extname === '' && length1d(h1) === n ? h1 : undefined;
}

function match(file: FitsFile): boolean {
  const p = file.hdus[0];
  const n = length1d(p);
  return n >= MIN_PIXELS && hasSpectralWcs(p.header) && saysAat(p.header) &&
    varianceHdu(file, n) !== undefined && file.byName('FIBRES') === undefined &&
    !file.hdus.some((h) => /^SPECTRUM_/.test(h.extname));
}

/** 2QZ identifications (Croom et al. 2004): QSO, NELG (narrow emission-line galaxy), gal, star, … */
function classOf(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  if (/^QSO/i.test(id)) return 'QSO';
  if (/^(NELG|GAL)/i.test(id)) return 'GALAXY';
  if (/^(STAR|CV|WD|HOT|ST\b)/i.test(id)) return 'STAR';
  return undefined;
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  if (index !== 0) throw new RangeError(`2QZ/2SLAQ files hold one spectrum; index ${index} asked`);
  const p = file.hdus[0];
  const h = p.header;
  const n = length1d(p);
  const arrays = await readImageSet(file, { flux: p, variance: varianceHdu(file, n), mask: sameLength(file, 'BADPIX', n) });
  if (!arrays.ok) return arrays;
  const a = arrays.value;
  // GAMA's RA/DEC (degrees, J2000) or 2QZ's catalogue position in radians
  const ra = angleDeg(h, 'RA') ?? angleDeg(h, 'RA_OBJ', { radians: true });
  const dec = angleDeg(h, 'DEC') ?? angleDeg(h, 'DEC_OBJ', { radians: true });
  const id = str(headerValue(h, ['ID_BEST', 'ID_THIS']));
  const name = str(headerValue(h, ['OBJECT', 'SPECID']));
  const survey = str(h.getString('SURVEY')) ?? (isWiggleZ(h) ? 'WiggleZ' : undefined) ?? str(h.getString('ORIGIN')) ?? '2dF';
  return buildSpectrum({
    id: name ?? 'spectrum',
    meta: dropUndefined({
      format: '2qz',
      survey,
      objectName: name,
      ra,
      dec,
      ids: ids({ SPECID: str(h.getString('SPECID')), CATAID: ident(headerValue(h, ['CATAID'])), PIVOT: ident(headerValue(h, ['PIVOT'])) }),
      truth: truthOf({
        class: classOf(id),
        subclass: id,
        z: redshift(headerValue(h, ['Z_BEST', 'Z_THIS'])) ?? redshift(headerValue(h, ['Z'])),
        quality: headerValue(h, ['QUALBEST', 'QUALTHIS', 'NQ', 'QOP']),
      }),
      magnitudes: magnitudes(h, ['BJ', 'RMAG', 'GMAG', 'IMAG']),
      fluxUnit: str(h.getString('BUNIT')) ?? 'counts',
    }),
    wavelength: a.wavelength,
    frame: observedAirFrame([h], isWiggleZ(h) ? 'AAOmega' : '2dF', headerObservation(h, { ra, dec }, 'AAT')),
    flux: a.flux,
    variance: a.variance,
    mask: a.mask,
    issues: a.issues,
    hdu: 0,
  });
}

export const twoqz: FormatAdapter = {
  id: '2qz',
  description: '2QZ/2SLAQ/WiggleZ AAT spectra: 1-D primary image with VARIANCE and BADPIX extensions',
  match,
  count: () => 1,
  read,
};
