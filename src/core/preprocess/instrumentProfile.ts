/**
 * How to treat a spectrum given where it comes from, instead of pretending
 * every file is SDSS. The networks were trained on SDSS spectra: flux
 * calibrated, telluric-corrected, sky lines masked by the pipeline, absolute
 * errors, 3600–9200 Å. SDSS and DESI files are like that and go through the
 * encoder unchanged. Everything else — counts with an instrument response,
 * spliced arms, short coverage, sky and telluric residuals, errors that are
 * missing or not absolute — gets the masks of instrumentMask.ts, a systematic
 * floor in the weights, and the eigenspectrum fit (eigenFit.ts) as its
 * estimator; files without errors get them estimated from the data. docs/instruments.md gives
 * the measurements behind each choice.
 */
import type { Spectrum } from '../types.ts';
import type { InstrumentMasks } from './instrumentMask.ts';

/** Which χ² decides class and z: the encoder's one reconstruction, or the eigenspectra fitted at every shift. */
export type Estimator = 'encoder' | 'eigenfit';

export interface InstrumentProfile {
  /** Short name shown to people, e.g. 'SDSS', '2dF', 'generic'. */
  name: string;
  /** True when the file's pipeline calibrated flux, corrected tellurics and masked sky lines like SDSS. */
  sdssLike: boolean;
  estimator: Estimator;
  masks: InstrumentMasks;
  /** Rescale the file's inverse variance by the noise measured in the data (errors not absolute). */
  measureNoise: boolean;
  /**
   * Systematic floor in units of the normalised spectrum's RMS: w ← 1/(1/w + floor²). Where the fit,
   * not the photon noise, limits (high S/N in another survey's spectrum), χ² then stays meaningful.
   */
  weightFloor: number;
}

/** Survey pipelines whose spectra look like the training set. */
const SDSS_LIKE_FORMATS = new Set(['sdss-spec', 'sdss-spplate', 'sdss-spspec', 'desi-coadd', 'desi-spectra']);

export const SDSS_PROFILE: InstrumentProfile = {
  name: 'SDSS',
  sdssLike: true,
  estimator: 'encoder',
  masks: {},
  measureNoise: false,
  weightFloor: 0,
};

/** The profile for everything that is not an SDSS-like pipeline product. */
export const OTHER_PROFILE: Omit<InstrumentProfile, 'name'> = {
  sdssLike: false,
  estimator: 'eigenfit',
  // ±15 Å: 1.5 × the 9–10 Å FWHM of 2dF and 6dF, where sky residuals are widest (docs/instruments.md)
  masks: { skyLineHalfWidthA: 15, tellurics: true, edgePixels: 20 },
  // Scaling the file's errors to the scatter changed no answer or flag on the development set once
  // the floor is in (npm run ablation), so it is off; files without errors still get a local estimate.
  measureNoise: false,
  weightFloor: 0.1,
};

export function instrumentProfile(s: Pick<Spectrum, 'meta' | 'frame'>): InstrumentProfile {
  // DESI coadds reach higher S/N than the SDSS training spectra: there the fit, not the noise, limits.
  if (s.meta.format.startsWith('desi-')) return { ...SDSS_PROFILE, name: 'DESI', weightFloor: 0.1 };
  if (SDSS_LIKE_FORMATS.has(s.meta.format)) return { ...SDSS_PROFILE, name: s.meta.survey ?? s.frame.instrument ?? 'SDSS' };
  return { ...OTHER_PROFILE, masks: { ...OTHER_PROFILE.masks }, name: s.frame.instrument ?? s.meta.survey ?? s.meta.format };
}
