import type { InstrumentProfile } from './preprocess/instrumentProfile.ts';

/**
 * Shapes shared by several pipeline stages. Stage-private types live in
 * `src/core/<stage>/types.ts`.
 */

export type SpectralClass = 'STAR' | 'GALAXY' | 'QSO';
export const CLASSES: readonly SpectralClass[] = ['STAR', 'GALAXY', 'QSO'];

/** The two reconstruction-network families of GaSNet-III. */
export type ModelFamily = 'encoder' | 'unet';
export const MODEL_FAMILIES: readonly ModelFamily[] = ['encoder', 'unet'];

/** Expected failure on outside input: returned, never thrown. */
export type Result<T, E = InputError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** Why a file or spectrum could not be used. `message` is for people and says what to do. */
export type InputErrorCode =
  | 'not-fits'
  | 'truncated'
  | 'corrupt-header'
  | 'unsupported-bitpix'
  | 'unsupported-tform'
  | 'too-large'
  | 'no-spectrum'
  | 'no-matching-format'
  | 'bad-wavelengths'
  | 'out-of-range'
  | 'too-few-pixels'
  | 'all-masked'
  | 'not-finite'
  | 'bad-text'
  | 'model-load'
  | 'internal';

export interface InputError {
  code: InputErrorCode;
  message: string;
  /** HDU index (0 = primary) the problem was found in, when there is one. */
  hdu?: number;
  /** Header keyword or column name involved, when there is one. */
  keyword?: string;
}

/** Catalogue facts a file carries about its object (all optional; untrusted text). */
export interface SpectrumMeta {
  /** Adapter id that read it, e.g. 'sdss-spec'. */
  format: string;
  objectName?: string;
  /** Degrees. */
  ra?: number;
  /** Degrees. */
  dec?: number;
  survey?: string;
  /** Survey identifiers, e.g. { PLATE: 375, MJD: 52140, FIBERID: 356 } or { TARGETID: '3962…' }. */
  ids?: Record<string, string | number>;
  /** The file's own pipeline answer, when it has one. */
  truth?: {
    class?: string;
    subclass?: string;
    z?: number;
    zErr?: number;
    zWarning?: number;
    /** The survey's own redshift quality flag, on its own scale (2dFGRS/6dFGS QUALITY 1–5, OzDES QOP, GAMA NQ). */
    quality?: number;
  };
  /** Target type as the survey wrote it (e.g. 2dF fibre program type, OzDES TYPE0; untrusted text). */
  targetType?: string;
  /** Catalogue magnitudes by band as the file names them, e.g. { BJ: 18.27, R: 18.19 }. */
  magnitudes?: Record<string, number>;
  /** Flux unit string from the header (untrusted). */
  fluxUnit?: string;
}

/** Air or vacuum wavelengths. */
export type WavelengthMedium = 'air' | 'vacuum';

/**
 * Velocity frame of the wavelengths: as observed at the telescope, or already corrected to the
 * Sun's centre or the Solar System barycentre ('unknown' when neither the file nor the instrument says).
 */
export type VelocityFrame = 'topocentric' | 'heliocentric' | 'barycentric' | 'unknown';

/**
 * Where a frame fact came from, so the app can show how sure it is: a header keyword, the
 * instrument's known practice (AAT/UKST 2dfdr and IRAF reductions: air; SDSS, DESI, LAMOST:
 * vacuum), a plain default, or the user's override.
 */
export type FrameSource = 'keyword' | 'instrument' | 'default' | 'user';

/** Where and when a spectrum was observed: what a heliocentric/barycentric correction needs. */
export interface Observation {
  /** Modified Julian Date (UTC) of mid-exposure, or of the start when only that is known. */
  mjd?: number;
  /** Observatory, geodetic: longitude east (deg), latitude (deg), height (m). */
  site?: { lon: number; lat: number; height: number; name?: string };
  /** Pointing in degrees (ICRS / J2000). */
  ra?: number;
  dec?: number;
}

/** The wavelength frame of a spectrum as read, and what the file asks to be done with it. */
export interface WavelengthFrame {
  medium: WavelengthMedium;
  mediumFrom: FrameSource;
  velocity: VelocityFrame;
  velocityFrom: FrameSource;
  /** Instrument or survey the assumptions were made for, e.g. '2dF', 'AAOmega', 'DESI'. */
  instrument?: string;
  /** Facts for a velocity correction, when the file gives them. */
  observation?: Observation;
  /**
   * Corrections the file asks for (Marz's DO_HELIO / DO_CMB keywords). Without `helio`, a
   * topocentric spectrum whose observation is fully known is still reported heliocentric.
   */
  wants?: { helio?: boolean; cmb?: boolean };
}

/**
 * What a user may say about a file when its headers are wrong or silent: air or vacuum, the
 * velocity frame, and whether to treat it like an SDSS pipeline product or like another
 * instrument's spectrum. Saved with the decisions and applied on every analysis of that file.
 */
export interface FrameOverride {
  medium?: WavelengthMedium;
  velocity?: VelocityFrame;
  treatAs?: 'sdss' | 'other';
}

/** One spectrograph arm (camera) of a merged spectrum: its name and the wavelengths it covers (Å, as `wavelength`). */
export interface SpectrumArm {
  name: string;
  minA: number;
  maxA: number;
}

/** One spectrum on its own wavelength grid, as an adapter read it. */
export interface Spectrum {
  /** Stable identity within the file, e.g. 'spec-0375-52140-0356' or 'fiber-12'. */
  id: string;
  meta: SpectrumMeta;
  /** [n] wavelength in Å as the file gives it (air or vacuum: see `frame`), strictly increasing. */
  wavelength: Float64Array;
  /** Air/vacuum and velocity frame of `wavelength` (grid/ converts to vacuum; scan/ corrects z). */
  frame: WavelengthFrame;
  /** [n] flux density (any consistent unit). */
  flux: Float32Array;
  /** [n] inverse variance in 1/flux²; 0 = no information. */
  ivar: Float32Array;
  /** [n] nonzero = bad pixel (already folded from the format's mask bits). */
  mask?: Uint8Array;
  /** The file gave no errors: `ivar` is 1 everywhere (preprocess/noiseScale.ts estimates them). */
  noErrors?: boolean;
  /** [n] the survey pipeline's best-fit model, when the file has one. */
  model?: Float32Array;
  /** [n] the sky the reduction subtracted (flux units of `flux`), when the file has one: shown on demand, never analysed. */
  sky?: Float32Array;
  /** The spectrograph arms the spectrum was merged from (DESI b/r/z), bluest first: for display only. */
  arms?: readonly SpectrumArm[];
  /** Oddities that did not stop the read (shown to the user). */
  issues?: string[];
}

/** A spectrum on the 4076-pixel model input grid (see grid/modelGrid.ts). */
export interface GriddedSpectrum {
  /** [4076] flux on the model input grid; NaN-free (0 where not covered). */
  flux: Float32Array;
  /** [4076] inverse variance; 0 where masked, not covered or non-finite. */
  ivar: Float32Array;
  /** [4076] 1 where the pixel had no flux value at all (outside coverage, NaN/Inf). */
  noData?: Uint8Array;
  /** How the instrument is treated (preprocess/instrumentProfile.ts); SDSS-like when absent. */
  profile?: Pick<InstrumentProfile, 'estimator' | 'masks' | 'weightFloor'>;
}
