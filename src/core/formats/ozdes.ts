/**
 * OzDES data-release spectra (AAT AAOmega-2dF; specutils `ozdes` loader):
 * the coadded spectrum in the primary HDU with VARIANCE and BADPIX
 * extensions, then every single-epoch spectrum as image HDUs
 * SPECTRUM_<MJD>, VARIANCE_<MJD>, BADPIX_<MJD>. Index 0 is the coadd,
 * 1… the epochs in file order. Recognised by the SPECTRUM_<suffix> HDUs
 * with their VARIANCE_<suffix> partners beside a 1-D primary.
 *
 * Wavelengths are air and as observed (2dfdr) unless VACUUM = T; the epochs
 * carry their own observing time and site, the coadd (several nights) only
 * its position. The primary header's Z and QOP (OzDES/Marz quality; 6 = a
 * star) are the survey's answer for every spectrum in the file.
 */
import type { FitsFile, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { observedAirFrame } from './frame.ts';
import { type ImageSet, length1d, readImageSet, sameLength } from './imageSet.ts';
import { dropUndefined, headerValue, ids, magnitudes, num, redshift, str, truthOf } from './meta.ts';
import { angleDeg, midExposureMjd, observationOf, siteFromHeader } from './observation.ts';
import type { FormatAdapter } from './types.ts';
import { hasSpectralWcs } from './wcs.ts';

/** OzDES/Marz QOP 6: the object is a star (a redshift of ≈0 is a velocity, not a distance). */
const QOP_STAR = 6;

/** Epoch HDU sets (SPECTRUM_x with VARIANCE_x, BADPIX_x) in file order. */
function epochs(file: FitsFile): { suffix: string; set: ImageSet }[] {
  const out: { suffix: string; set: ImageSet }[] = [];
  for (const h of file.hdus) {
    const m = /^SPECTRUM_(.+)$/.exec(h.extname);
    const n = length1d(h);
    if (!m || n === 0) continue;
    const variance = sameLength(file, `VARIANCE_${m[1]}`, n);
    if (variance) out.push({ suffix: m[1], set: { flux: h, variance, mask: sameLength(file, `BADPIX_${m[1]}`, n) } });
  }
  return out;
}

function coadd(file: FitsFile): ImageSet | undefined {
  const p: Hdu = file.hdus[0];
  const n = length1d(p);
  const variance = sameLength(file, 'VARIANCE', n);
  return n > 0 && variance && hasSpectralWcs(p.header) ? { flux: p, variance, mask: sameLength(file, 'BADPIX', n) } : undefined;
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  const all = epochs(file);
  if (!(index >= 0 && index <= all.length)) throw new RangeError(`OzDES spectrum index ${index} outside 0..${all.length}`);
  const primary = file.hdus[0].header;
  const epoch = index === 0 ? undefined : all[index - 1];
  const set = epoch ? epoch.set : coadd(file);
  if (!set) throw new TypeError('OzDES read() on a file it does not match');
  const arrays = await readImageSet(file, set);
  if (!arrays.ok) return arrays;
  const a = arrays.value;
  const h = set.flux.header;
  const ra = angleDeg(primary, 'RA') ?? angleDeg(h, 'RA');
  const dec = angleDeg(primary, 'DEC') ?? angleDeg(h, 'DEC');
  const source = str(primary.getString('SOURCE'));
  const qop = num(primary.get('QOP') ?? undefined);
  // The coadd spans nights: no single observing time; an epoch has its own.
  const observation = observationOf({ mjd: epoch ? midExposureMjd(h) : undefined, site: siteFromHeader(h, 'AAT'), ra, dec });
  return buildSpectrum({
    id: `${source ?? 'ozdes'}-${epoch ? epoch.suffix : 'coadd'}`,
    meta: dropUndefined({
      format: 'ozdes',
      survey: 'OzDES',
      objectName: source,
      ra,
      dec,
      ids: ids({ SOURCE: source, EPOCH: epoch?.suffix, HDU: set.flux.index }),
      truth: truthOf({ class: qop === QOP_STAR ? 'STAR' : undefined, z: redshift(headerValue(primary, ['Z'])), quality: qop }),
      targetType: str(primary.getString('TYPE0')),
      magnitudes: magnitudes(primary, ['RMAG']),
      fluxUnit: str(h.getString('BUNIT')),
    }),
    wavelength: a.wavelength,
    frame: observedAirFrame([h, primary], 'AAOmega', observation),
    flux: a.flux,
    variance: a.variance,
    mask: a.mask,
    issues: a.issues,
    hdu: set.flux.index,
  });
}

export const ozdes: FormatAdapter = {
  id: 'ozdes',
  description: 'OzDES spectra: coadd (PRIMARY, VARIANCE, BADPIX) and single epochs SPECTRUM_<MJD> with their VARIANCE/BADPIX',
  match: (file) => coadd(file) !== undefined && epochs(file).length > 0,
  count: (file) => 1 + epochs(file).length,
  read,
};
