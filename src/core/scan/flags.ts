/**
 * Anomaly flags (METHOD.md §5): for people to look at, never errors.
 * Thresholds default to the paper's where it gives one.
 */
import type { ModelFamily, SpectralClass } from '../types.ts';
import type { AnomalyFlag, FlagOptions } from './types.ts';

/**
 * Unreduced Δχ² below which 'small-deltachi2' fires. Redrock's 9 catches no wrong answer of the
 * 85 SDSS spectra (the reconstruction's own error makes our Δχ² large); 100 catches 1 of 3 there
 * and 2 of 11 on the external set while firing on 1 of 95 right answers (`npm run flag-rates`,
 * docs/METHOD-extensions.md §2).
 */
export const MIN_DELTACHI2 = 100;
/**
 * Second-redshift S/N per family for ≤ 2 % false positives (1 of 85) on the SDSS spectra
 * (`npm run inject-second-z -- --model <family>`, docs/METHOD-extensions.md §4): the UNet's
 * residuals hold more structure, so its threshold is higher.
 */
export const MIN_SECOND_Z_SNR: Readonly<Record<ModelFamily, number>> = { encoder: 6.13, unet: 6.68 };

export type ResolvedFlagOptions = Readonly<Required<FlagOptions>>;

/** `family` picks the defaults that differ between the network families. */
export function resolveFlagOptions(o: FlagOptions = {}, family: ModelFamily = 'encoder'): ResolvedFlagOptions {
  return {
    maxChi2: o.maxChi2 ?? 3,
    minRobustness: o.minRobustness ?? 0.1,
    minGoodPixels: o.minGoodPixels ?? 1000,
    closeClassFraction: o.closeClassFraction ?? 0.05,
    edgePixels: o.edgePixels ?? 2,
    minDeltaChi2: o.minDeltaChi2 ?? MIN_DELTACHI2,
    minSecondZSnr: o.minSecondZSnr ?? MIN_SECOND_Z_SNR[family],
  };
}

/**
 * Defaults where the eigenspectrum fit decides (spectra from other instruments): R below 0.05 and
 * classes within 2 % in χ² (the fit is more flexible than the encoder, so its minima and classes lie
 * closer); Redrock's Δχ² < 9; a second redshift only above S/N 10, since the search was calibrated by
 * injection at SDSS resolution only and the residuals of other instruments' spectra reach S/N 9.6 on
 * right answers. Set on the external development set and checked on the 85 SDSS spectra run through
 * the same estimator (docs/instruments.md).
 */
export const EIGENFIT_FLAG_DEFAULTS: FlagOptions = { minRobustness: 0.05, closeClassFraction: 0.02, minDeltaChi2: 9, minSecondZSnr: 10 };

export interface FlagInputs {
  best: SpectralClass;
  chi2: Record<SpectralClass, number>;
  robustness: number | undefined;
  atEdge: boolean;
  nGood: number;
  /** Unreduced Δχ² to the next best distinct redshift (rankedMinima.ts). */
  deltaChi2: number | undefined;
  /** S/N of the best second redshift (secondRedshift.ts). */
  secondZSnr: number | undefined;
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
  if (x.deltaChi2 !== undefined && x.deltaChi2 < opts.minDeltaChi2) flags.push('small-deltachi2');
  if (x.secondZSnr !== undefined && x.secondZSnr >= opts.minSecondZSnr) flags.push('second-redshift');
  return flags;
}
