/**
 * Anomaly flags (METHOD.md §5): for people to look at, never errors.
 * Thresholds default to the paper's where it gives one.
 */
import type { SpectralClass } from '../types.ts';
import type { AnomalyFlag, FlagOptions } from './types.ts';


export type ResolvedFlagOptions = Readonly<Required<FlagOptions>>;

export function resolveFlagOptions(o: FlagOptions = {}): ResolvedFlagOptions {
  return {
    maxChi2: o.maxChi2 ?? 3,
    minRobustness: o.minRobustness ?? 0.1,
    minGoodPixels: o.minGoodPixels ?? 1000,
    closeClassFraction: o.closeClassFraction ?? 0.05,
    edgePixels: o.edgePixels ?? 2,
  };
}

/**
 * Defaults where the eigenspectrum fit decides (spectra from other instruments): R below 0.05 and
 * classes within 2 % in χ². Set on the external development set and checked on the 85 SDSS spectra
 * run through the same estimator (docs/instruments.md).
 */
export const EIGENFIT_FLAG_DEFAULTS: FlagOptions = { minRobustness: 0.05, closeClassFraction: 0.02 };

export interface FlagInputs {
  best: SpectralClass;
  chi2: Record<SpectralClass, number>;
  robustness: number | undefined;
  atEdge: boolean;
  nGood: number;
}

export function anomalyFlags(x: FlagInputs, opts: ResolvedFlagOptions): AnomalyFlag[] {
  const flags: AnomalyFlag[] = [];
  const best = x.chi2[x.best];
  if (!(best <= opts.maxChi2)) flags.push('high-chi2');
  if (x.robustness !== undefined && x.robustness < opts.minRobustness) flags.push('low-robustness');
  if (x.atEdge) flags.push('edge-of-range');
  if (x.nGood < opts.minGoodPixels) flags.push('few-pixels');
  const others = (Object.keys(x.chi2) as SpectralClass[]).filter((c) => c !== x.best).map((c) => x.chi2[c]);
  const second = Math.min(...others);
  if (second <= best * (1 + opts.closeClassFraction)) flags.push('close-classes');
  return flags;
}
