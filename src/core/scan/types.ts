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

/** Science flags on a result (never errors). Each is for people to look at. */
export type AnomalyFlag =
  | 'high-chi2' // reduced χ² of the best class above the threshold
  | 'low-robustness' // R below the threshold: the redshift is unreliable
  | 'edge-of-range' // the best minimum sits on the edge of the class's z range
  | 'few-pixels' // too few good pixels for a trustworthy fit
  | 'close-classes'; // second-best class within a few % in χ²

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
  /** Best class (lowest reduced χ²). */
  cls: SpectralClass;
  z: number;
  /** Robustness R of the best class; undefined when its curve has a single minimum ("unique"). */
  robustness: number | undefined;
  /** Reduced χ² at each class's best minimum. */
  chi2: Record<SpectralClass, number>;
  /** Each class's best redshift. */
  zByClass: Record<SpectralClass, number>;
  flags: AnomalyFlag[];
  nGood: number;
  /** Per-class scans (curves, minima) — for the plots. */
  scans: Record<SpectralClass, ClassScan>;
  /** The network input, for plotting the spectrum as the model saw it. */
  preprocessed: Preprocessed;
  /** Per-class reconstructions — for the plots. */
  reconstructions: Record<SpectralClass, Reconstruction>;
}
