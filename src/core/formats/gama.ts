/**
 * GAMA's own AAOmega spectra (specutils `gama` loader, GAMA_CONFIG): the
 * primary image holds 5 rows on a linear WCS — the flux-calibrated spectrum
 * (10⁻¹⁷ erg/s/cm²/Å), its σ, the uncalibrated spectrum, its σ, and the sky.
 * Recognised by that shape and ORIGIN or SURVEY naming GAMA (GAMA's copies
 * of other surveys' files keep those surveys' layouts and readers).
 *
 * Wavelengths are air and as observed (2dfdr); the header's Z (heliocentric)
 * and NQ (normalised quality, ≥ 3 for science) are GAMA's answer.
 */
import type { FitsFile, FitsHeader, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { observedAirFrame } from './frame.ts';
import { dropUndefined, headerValue, ident, ids, redshift, str, truthOf } from './meta.ts';
import { angleDeg, headerObservation } from './observation.ts';
import { type RowLayout, readRows } from './rowImage.ts';
import type { FormatAdapter } from './types.ts';
import { hasSpectralWcs } from './wcs.ts';

/** GAMA_CONFIG rows: 1 science, 2 its σ, 3 unreduced science, 4 its σ, 5 sky. */
const GAMA_ROWS: RowLayout = { flux: 0, noise: { row: 1, kind: 'sigma' }, sky: 4 };

const isGama = (h: FitsHeader): boolean => /^GAMA\b/i.test((h.getString('ORIGIN') ?? '').trim()) || /^GAMA\b/i.test((h.getString('SURVEY') ?? '').trim());

function dataHdu(file: FitsFile): Hdu | undefined {
  const p = file.hdus[0];
  return p.kind === 'primary' && p.axes.length === 2 && p.axes[1] === 5 && p.axes[0] >= 16 && hasSpectralWcs(p.header) && isGama(p.header) ? p : undefined;
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  if (index !== 0) throw new RangeError(`GAMA files hold one spectrum; index ${index} asked`);
  const p = dataHdu(file);
  if (!p) throw new TypeError('GAMA read() on a file it does not match');
  const h = p.header;
  const rows = await readRows(file, p, GAMA_ROWS);
  if (!rows.ok) return rows;
  const ra = angleDeg(h, 'RA');
  const dec = angleDeg(h, 'DEC');
  const name = str(headerValue(h, ['GAMANAME', 'SPECID', 'OBJECT']));
  return buildSpectrum({
    id: str(h.getString('SPECID')) ?? name ?? 'gama',
    meta: dropUndefined({
      format: 'gama',
      survey: 'GAMA',
      objectName: name,
      ra,
      dec,
      ids: ids({ SPECID: str(h.getString('SPECID')), CATAID: ident(headerValue(h, ['CATAID'])) }),
      truth: truthOf({ z: redshift(headerValue(h, ['Z'])), quality: headerValue(h, ['NQ']) }),
      fluxUnit: str(h.getString('BUNIT')) ?? '1e-17 erg/s/cm^2/A',
    }),
    wavelength: rows.value.wavelength,
    frame: observedAirFrame([h], 'AAOmega', headerObservation(h, { ra, dec }, 'AAT')),
    flux: rows.value.flux,
    sigma: rows.value.sigma,
    sky: rows.value.sky,
    issues: rows.value.issues,
    hdu: 0,
  });
}

export const gama: FormatAdapter = {
  id: 'gama',
  description: 'GAMA AAOmega spectra: 5-row image (flux-calibrated spectrum, σ, raw spectrum, raw σ, sky)',
  match: (file) => dataHdu(file) !== undefined,
  count: () => 1,
  read,
};
