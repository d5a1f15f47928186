/**
 * 6dF Galaxy Survey "all" files (UKST 6dF, specutils `sixdfgs_reader`):
 * postage-stamp images first (SuperCOSMOS, 2MASS), then per observation the
 * image HDUs 'SPECTRUM V', 'SPECTRUM R' (rows spectrum, variance, sky) and
 * 'SPECTRUM VR', the two gratings spliced (a fourth row of wavelengths).
 * Every spectrum HDU is its own spectrum, in file order (obs 1 V, R, VR,
 * obs 2 V, R, VR …). Found by those EXTNAMEs, never by the stamps.
 *
 * Wavelengths are air and as observed (2dfdr at the UKST); the header's
 * Z_HELIO is the survey's heliocentric redshift. Each arm carries its own
 * start MJD and exposure (MJDOBS_V, EXP_V …); a VR splice takes the mean of
 * the mid-exposures of the V and R spectra of its observation.
 */
import type { FitsFile, FitsHeader, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { observedAirFrame } from './frame.ts';
import { dropUndefined, headerValue, ident, ids, magnitudes, redshift, str, truthOf } from './meta.ts';
import { TIME_KEYS, angleDeg, knownSite, midExposureMjd, observationOf } from './observation.ts';
import { readRows } from './rowImage.ts';
import type { FormatAdapter } from './types.ts';
import { hasSpectralWcs } from './wcs.ts';

const SPECTRUM_NAME = /^SPECTRUM (V|R|VR)$/;

function isSpectrum(h: Hdu): boolean {
  return (h.kind === 'image' || h.kind === 'primary') && SPECTRUM_NAME.test(h.extname) && h.axes.length === 2 &&
    h.axes[1] >= 3 && hasSpectralWcs(h.header);
}

const spectra = (file: FitsFile): Hdu[] => file.hdus.filter(isSpectrum);
const armOf = (h: Hdu): string => SPECTRUM_NAME.exec(h.extname)![1];

/** Mid-exposure MJD of one grating from its suffixed keys (MJDOBS_V, UTDATE_V, UTSTRT_V, EXP_V). */
function armMjd(h: FitsHeader, arm: 'V' | 'R'): number | undefined {
  return midExposureMjd(h, {
    ...TIME_KEYS,
    mjd: [`MJDOBS_${arm}`],
    date: [`UTDATE_${arm}`],
    start: [`UTSTRT_${arm}`],
    end: [],
    exposure: [`EXP_${arm}`],
  });
}

/** A VR splice: the mean mid-exposure of the V and R spectra just before it (same observation). */
function spliceMjd(all: Hdu[], at: number): number | undefined {
  const found: number[] = [];
  for (const arm of ['V', 'R'] as const) {
    const own = armMjd(all[at].header, arm);
    const prev = all.slice(Math.max(0, at - 2), at).find((h) => armOf(h) === arm);
    const mjd = own ?? (prev ? armMjd(prev.header, arm) : undefined);
    if (mjd !== undefined) found.push(mjd);
  }
  return found.length > 0 ? found.reduce((a, b) => a + b, 0) / found.length : undefined;
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  const all = spectra(file);
  const hdu = all[index];
  if (!hdu) throw new RangeError(`6dFGS spectrum index ${index} outside 0..${all.length - 1}`);
  const h = hdu.header;
  const arm = armOf(hdu);
  const rows = await readRows(file, hdu, { flux: 0, noise: { row: 1, kind: 'variance' }, sky: 2, wavelength: arm === 'VR' ? 3 : undefined });
  if (!rows.ok) return rows;
  const ra = angleDeg(h, 'OBSRA');
  const dec = angleDeg(h, 'OBSDEC');
  const mjd = arm === 'VR' ? spliceMjd(all, index) : armMjd(h, arm as 'V' | 'R');
  const name = str(headerValue(h, ['TARGET', `NAME_${arm === 'VR' ? 'V' : arm}`]));
  const observation = observationOf({ mjd, site: knownSite('UKST'), ra, dec });
  return buildSpectrum({
    id: `${name ?? '6dfgs'}-${arm}-hdu${hdu.index}`,
    meta: dropUndefined({
      format: '6dfgs',
      survey: '6dFGS',
      objectName: name,
      ra,
      dec,
      ids: ids({ ARM: arm, OBSID: str(headerValue(h, [`OBSID_${arm === 'VR' ? 'V' : arm}`])), HDU: hdu.index, FIBRE: ident(headerValue(h, [`FIBRE_${arm === 'VR' ? 'V' : arm}`])) }),
      truth: truthOf({ z: redshift(headerValue(h, ['Z_HELIO'])) ?? redshift(headerValue(h, ['Z'])), quality: headerValue(h, ['QUALITY']) }),
      magnitudes: magnitudes(h, ['RECMAG_V', 'RECMAG_R']),
      fluxUnit: 'counts',
    }),
    wavelength: rows.value.wavelength,
    frame: observedAirFrame([h], '6dF', observation),
    flux: rows.value.flux,
    variance: rows.value.variance,
    sky: rows.value.sky,
    issues: rows.value.issues,
    hdu: hdu.index,
  });
}

export const sixdfgs: FormatAdapter = {
  id: '6dfgs',
  description: "6dFGS 'all' files: SPECTRUM V, R and VR images (spectrum, variance, sky), one spectrum each",
  match: (file) => spectra(file).length > 0,
  count: (file) => spectra(file).length,
  read,
};
