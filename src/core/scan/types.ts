/** Shapes of the χ² scan and of one spectrum's analysis. */
import type { Reconstruction } from '../inference/types.ts';
import type { Preprocessed } from '../preprocess/types.ts';
import type { ModelFamily, SpectralClass } from '../types.ts';

// Owned by the stages that make them; re-exported for the modules that read them with a result.
export type { Preprocessed, Reconstruction };

/** One kept local minimum of a class's χ² curve. */
export interface Minimum {
  /** Shift in pixels, refined to a fraction of a pixel by the parabola through its neighbours. */
  shift: number;
  z: number;
  /** Reduced χ² at the refined minimum. */
  chi2: number;
}

/** One of a class's best minima, as a survey catalogue lists them (Redrock's Z, ZERR, DELTACHI2). */
export interface RankedMinimum {
  z: number;
  /** Reduced χ² at the refined minimum (as `chi2` everywhere else). */
  chi2: number;
  /** Calibrated σ_z in z units (curvature error × the class's scale); NaN where the curve is not convex. */
  zErr: number;
  /** Unreduced χ² of this minimum minus that of the lowest minimum of all classes (0 for the answer). */
  deltaChi2: number;
}

/** Emission lines found in the residual at a second redshift (docs/METHOD-extensions.md §4). */
export interface SecondRedshift {
  z2: number;
  /** The counted lines' matched-filter S/N added in quadrature. */
  snr: number;
  /** The lines at z₂ with S/N ≥ 3, strongest first; restA in vacuum Å. */
  lines: { name: string; restA: number; snr: number }[];
}

/** Science flags on a result (never errors). Each is for people to look at. */
export type AnomalyFlag =
  | 'high-chi2' // reduced χ² of the best class above the threshold
  | 'low-robustness' // R below the threshold: the redshift is unreliable
  | 'edge-of-range' // the best minimum sits on the edge of the class's z range
  | 'few-pixels' // too few good pixels for a trustworthy fit
  | 'close-classes' // second-best class within a few % in χ²
  | 'small-deltachi2' // the next best distinct redshift is within a few units of unreduced χ²
  | 'second-redshift' // emission lines at a second redshift in the residual
  | 'coefficient-outlier'; // among the top 1 % of the batch's class by Local Outlier Factor of the coefficients (core/anomaly)

export interface FlagOptions {
  /** @default 3 — reduced χ² of the best class above this flags 'high-chi2'. */
  maxChi2?: number;
  /** @default 0.1 — R below this flags 'low-robustness' (the paper's threshold). */
  minRobustness?: number;
  /** @default 1000 — fewer good pixels than this flags 'few-pixels'. */
  minGoodPixels?: number;
  /** @default 0.05 — second-best class within this fraction in χ² flags 'close-classes'. */
  closeClassFraction?: number;
  /** @default 2 — a minimum within this many pixels of either end of the valid shifts flags 'edge-of-range'. */
  edgePixels?: number;
  /** @default MIN_DELTACHI2 (100) — Δχ² (unreduced) to the next best distinct redshift below this flags 'small-deltachi2'. */
  minDeltaChi2?: number;
  /** @default MIN_SECOND_Z_SNR[family] (6.13 encoder, 6.68 UNet) — second-redshift S/N at or above this flags 'second-redshift'. */
  minSecondZSnr?: number;
}

/** A class's scan over every valid shift s = 0 … N_out − 4076. */
export interface ClassScan {
  cls: SpectralClass;
  /** [nShift] reduced χ² per shift. */
  chi2: Float64Array;
  /** [nShift] redshift of each shift (decreasing with s). Shared between results of the same grid: read-only. */
  z: Float64Array;
  /** Kept minima, lowest first, each ≥ 100 pixels from the others. */
  minima: Minimum[];
  /** (χ²₂ − χ²₁)/χ²₁ of the two lowest kept minima; undefined when there is only one. */
  robustness: number | undefined;
  /** Best minimum is on the edge of the z range. */
  atEdge: boolean;
}

/** Everything the app, CLI and exports need about one analysed spectrum. */
export interface AnalysisResult {
  family: ModelFamily;
  /**
   * Which χ² decided class and z: the encoder's reconstruction, or the eigenspectra fitted at every
   * shift (for spectra unlike the SDSS training set; preprocess/instrumentProfile.ts).
   */
  estimator: 'encoder' | 'eigenfit';
  /** Best class (lowest reduced χ²). */
  cls: SpectralClass;
  z: number;
  /** Robustness R of the best class; undefined when its curve has a single minimum ("unique"). */
  robustness: number | undefined;
  /** Reduced χ² at each class's best minimum. */
  chi2: Record<SpectralClass, number>;
  /** Each class's best redshift. */
  zByClass: Record<SpectralClass, number>;
  /** Calibrated σ_z of `z` (z units); NaN when the best class's curve is not convex at its minimum. */
  zErr: number;
  /** Calibrated σ_z of each class's best redshift. */
  zErrByClass: Record<SpectralClass, number>;
  /** Factor applied to each class's curvature error (zErr.ts Z_ERR_SCALE); 1 = uncalibrated. */
  zErrScale: Record<SpectralClass, number>;
  /** Each class's best minima (default 3), lowest first. */
  rankedMinima: Record<SpectralClass, RankedMinimum[]>;
  /** Unreduced Δχ² from the answer to the next best minimum > 1000 km/s away; undefined when there is none. */
  deltaChi2: number | undefined;
  /** The best second redshift in the residual, flagged or not; undefined when none has two lines. */
  secondRedshift: SecondRedshift | undefined;
  flags: AnomalyFlag[];
  nGood: number;
  /**
   * The Encoder's code of the spectrum in each class's space: the 10 normalised coefficients ω_j
   * (Σ ω_j = 1) then the amplitude A (11 numbers per class; docs/anomalies.md). Always the encoder's,
   * also when the eigenspectrum fit decided (its free-sign coefficients live in another space), so every
   * spectrum of a batch sits in one space. Undefined for the UNet family (it has no coefficients).
   */
  coefficients: Record<SpectralClass, number[]> | undefined;
  /** Per-class scans (curves, minima) — for the plots. */
  scans: Record<SpectralClass, ClassScan>;
  /** The network input, for plotting the spectrum as the model saw it. */
  preprocessed: Preprocessed;
  /** Per-class reconstructions — for the plots. */
  reconstructions: Record<SpectralClass, Reconstruction>;
}
