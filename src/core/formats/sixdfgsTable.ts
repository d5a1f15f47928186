/**
 * The table variant of 6dF Galaxy Survey spectra (specutils
 * `sixdfgs_reader`, 6dFGS-tabular): two HDUs, a data-less primary carrying
 * OBSRA, OBSDEC, Z, Z_HELIO, QUALITY, then a binary table with a FLUX column
 * and normally a WAVE column. Without WAVE the wavelengths come from a
 * linear WCS in the table's or the primary header. The table has no
 * uncertainty unless a variance or error column is present.
 *
 * Wavelengths are air and as observed (2dfdr at the UKST), as in the image
 * files; Z_HELIO is the survey's heliocentric redshift.
 */
import type { FitsFile, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { fail } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { findColumn, readNumeric } from './columns.ts';
import { observedAirFrame } from './frame.ts';
import { dropUndefined, headerValue, redshift, str, truthOf } from './meta.ts';
import { angleDeg, knownSite, midExposureMjd, observationOf } from './observation.ts';
import type { FormatAdapter } from './types.ts';
import { hasSpectralWcs, wcsWavelength } from './wcs.ts';

const PRIMARY_KEYS = ['OBSRA', 'OBSDEC', 'Z', 'Z_HELIO', 'QUALITY'];

function table(file: FitsFile): Hdu | undefined {
  if (file.hdus.length !== 2) return undefined;
  const [p, t] = file.hdus;
  if (p.axes.length !== 0 || !PRIMARY_KEYS.every((k) => p.header.has(k))) return undefined;
  return t.kind === 'bintable' && findColumn(file, t, ['FLUX']) ? t : undefined;
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  if (index !== 0) throw new RangeError(`6dFGS table files hold one spectrum; index ${index} asked`);
  const t = table(file);
  if (!t) throw new TypeError('6dFGS table read() on a file it does not match');
  const h = file.hdus[0].header;
  const cols = {
    flux: findColumn(file, t, ['FLUX'])!,
    wave: findColumn(file, t, ['WAVE', 'WAVELENGTH', 'LAMBDA']),
    variance: findColumn(file, t, ['VAR', 'VARIANCE']),
    sigma: findColumn(file, t, ['ERROR', 'SIGMA', 'ERR']),
  };
  const names = Object.values(cols).filter((c) => c !== undefined).map((c) => c.name);
  const read = await readNumeric(file, t, names);
  if (!read.ok) return read;
  const col = (c: { name: string } | undefined) => (c === undefined ? undefined : read.value[c.name]);
  const flux = col(cols.flux)!;
  let wavelength: ArrayLike<number> | undefined = col(cols.wave);
  const issues: string[] = [];
  if (wavelength === undefined) {
    const wcsHeader = hasSpectralWcs(t.header) ? t.header : h;
    const wcs = wcsWavelength(wcsHeader, flux.length);
    if (!wcs.ok) return fail({ ...wcs.error, message: `The 6dFGS table has a FLUX column but no WAVE column and no wavelength WCS: ${wcs.error.message}`, hdu: t.index });
    wavelength = wcs.value.wavelength;
    issues.push(...wcs.value.issues);
  }
  const ra = angleDeg(h, 'OBSRA');
  const dec = angleDeg(h, 'OBSDEC');
  const name = str(headerValue(h, ['TARGET', 'NAME', 'OBJECT']));
  return buildSpectrum({
    id: name ?? '6dfgs',
    meta: dropUndefined({
      format: '6dfgs-table',
      survey: '6dFGS',
      objectName: name,
      ra,
      dec,
      truth: truthOf({ z: redshift(headerValue(h, ['Z_HELIO'])) ?? redshift(headerValue(h, ['Z'])), quality: headerValue(h, ['QUALITY']) }),
      fluxUnit: cols.flux.unit ?? 'counts',
    }),
    wavelength,
    frame: observedAirFrame([h], '6dF', observationOf({ mjd: midExposureMjd(h), site: knownSite('UKST'), ra, dec })),
    flux,
    variance: col(cols.variance),
    sigma: cols.variance ? undefined : col(cols.sigma),
    issues,
    hdu: t.index,
  });
}

export const sixdfgsTable: FormatAdapter = {
  id: '6dfgs-table',
  description: '6dFGS table files: data-less primary with OBSRA/OBSDEC/Z/Z_HELIO/QUALITY and a WAVE/FLUX table',
  match: (file) => table(file) !== undefined,
  count: () => 1,
  read,
};
