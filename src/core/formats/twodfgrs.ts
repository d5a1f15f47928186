/**
 * AAT 2dF single-object `SPECTRUM` images (2dFGRS, MGC): an image HDU named
 * SPECTRUM, 3 rows × 1024 on a linear WCS — spectrum, variance, sky
 * (specutils `twodfgrs_reader`). MGC writes σ instead of variance and says so
 * in its ROWn labels (ROW2 = 'Sigma'). A 2dFGRS file may hold several
 * observations of one target, one SPECTRUM HDU each, after a sky-chart image
 * in HDU 0; each is its own spectrum, in HDU order.
 *
 * Wavelengths are air and as observed (2dfdr). The survey redshift in the
 * header is Z_HELIO (heliocentric; Z is the raw one); −9 means none.
 */
import type { FitsFile, FitsHeader, Hdu } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';
import { buildSpectrum } from './assemble.ts';
import { observedAirFrame } from './frame.ts';
import { dropUndefined, headerValue, ident, ids, magnitudes, redshift, str, truthOf } from './meta.ts';
import { angleDeg, headerObservation } from './observation.ts';
import { type RowLayout, layoutFromLabels, readRows } from './rowImage.ts';
import type { FormatAdapter } from './types.ts';
import { hasSpectralWcs } from './wcs.ts';

/** 2dFGRS rows (no ROWn labels): spectrum, variance, sky. */
const TWODFGRS_ROWS: RowLayout = { flux: 0, noise: { row: 1, kind: 'variance' }, sky: 2 };

function isSpectrumImage(h: Hdu): boolean {
  return (h.kind === 'primary' || h.kind === 'image') && h.extname === 'SPECTRUM' && h.axes.length === 2 &&
    h.axes[1] >= 2 && h.axes[1] <= 5 && h.axes[0] >= 16 && hasSpectralWcs(h.header);
}

const spectrumHdus = (file: FitsFile): Hdu[] => file.hdus.filter(isSpectrumImage);

function layoutOf(h: FitsHeader, nRows: number): RowLayout {
  const layout = layoutFromLabels(h, nRows) ?? TWODFGRS_ROWS;
  // a 2-row image has no sky row
  return layout.sky !== undefined && layout.sky >= nRows ? { ...layout, sky: undefined } : layout;
}

/**
 * J2000 right ascension and declination in degrees: GAMA's RA/DEC, MGC's fibre position, 2dFGRS's
 * SuperCOSMOS position or its J2000 plate position in radians (its RA/DEC and OBSRA are B1950).
 */
function pointing(h: FitsHeader, primary: FitsHeader): { ra?: number; dec?: number } {
  for (const [hdr, raK, decK, radians] of [
    [h, 'RA', 'DEC', false],
    [h, 'RA_FIB', 'DEC_FIB', false],
    [primary, 'SBRA', 'SBDEC', false],
    [primary, 'OBJRA', 'OBJDEC', true],
  ] as const) {
    const ra = angleDeg(hdr, raK, { radians });
    const dec = angleDeg(hdr, decK, { radians });
    if (ra !== undefined && dec !== undefined) return { ra, dec };
  }
  return {};
}

async function read(file: FitsFile, index: number): Promise<Result<Spectrum>> {
  const hdus = spectrumHdus(file);
  const hdu = hdus[index];
  if (!hdu) throw new RangeError(`SPECTRUM HDU index ${index} outside 0..${hdus.length - 1}`);
  const h = hdu.header;
  const primary = file.hdus[0].header;
  const rows = await readRows(file, hdu, layoutOf(h, hdu.axes[1]));
  if (!rows.ok) return rows;
  const { ra, dec } = pointing(h, primary);
  const isMgc = h.has('MGC_Z') || /MGC/i.test(h.getString('ORIGIN') ?? '');
  const name = str(headerValue(primary, ['NAME'])) ?? str(headerValue(h, ['OBJECT', 'OBSNAME']));
  const observation = headerObservation(h, { ra, dec }, 'AAT');
  return buildSpectrum({
    id: hdus.length > 1 ? `${name ?? 'spectrum'}-hdu${hdu.index}` : (name ?? 'spectrum'),
    meta: dropUndefined({
      format: '2dfgrs',
      survey: str(h.getString('SURVEY')) ?? (isMgc ? 'MGC' : '2dFGRS'),
      objectName: name,
      ra,
      dec,
      ids: ids({
        OBSNAME: str(h.getString('OBSNAME')),
        SEQNUM: ident(headerValue(primary, ['SEQNUM'])),
        ID: isMgc ? ident(headerValue(h, ['ID'])) : undefined,
        CATAID: ident(headerValue(h, ['CATAID'])),
        FIBRE: ident(headerValue(h, ['FIBRE'])),
        HDU: hdu.index,
      }),
      truth: truthOf({
        z: redshift(headerValue(h, ['Z_HELIO'])) ?? redshift(headerValue(h, ['Z'])),
        // MGC's QUALITY is an imaging flag; its redshift quality is Z_QUAL
        quality: isMgc ? headerValue(h, ['Z_QUAL']) : headerValue(h, ['QUALITY']),
      }),
      magnitudes: magnitudes(isMgc ? h : primary, isMgc ? ['B_MGC'] : ['BJSEL', 'SRRMAG']),
      fluxUnit: str(h.getString('BUNIT')) ?? 'counts',
    }),
    wavelength: rows.value.wavelength,
    frame: observedAirFrame([h, primary], '2dF', observation),
    flux: rows.value.flux,
    sigma: rows.value.sigma,
    variance: rows.value.variance,
    sky: rows.value.sky,
    issues: rows.value.issues,
    hdu: hdu.index,
  });
}

export const twodfgrs: FormatAdapter = {
  id: '2dfgrs',
  description: 'AAT 2dF SPECTRUM images (2dFGRS, MGC): rows spectrum, variance or σ, sky; one spectrum per SPECTRUM HDU',
  match: (file) => spectrumHdus(file).length > 0,
  count: (file) => spectrumHdus(file).length,
  read,
};
