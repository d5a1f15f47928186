/**
 * What each anomaly flag means, in a sentence for people (table cell titles, the flag filter). The
 * thresholds depend on the model family and estimator (core/scan/flags.ts), so none is quoted.
 * A Record over AnomalyFlag: a flag added to the core does not compile until it is described here.
 */
import type { AnomalyFlag } from '../../core/scan/types.ts';

export const FLAG_INFO: Readonly<Record<AnomalyFlag, string>> = {
  'high-chi2': 'reduced χ² of the best class above the threshold: the fit is poor',
  'low-robustness': 'robustness R below the threshold: another minimum is almost as good, the redshift is unreliable',
  'edge-of-range': "the best minimum sits on the edge of the class's z range",
  'few-pixels': 'too few good pixels for a trustworthy fit',
  'close-classes': 'the second-best class is within a few % in χ²',
  'small-deltachi2': 'Δχ² to the next best redshift (> 1000 km/s away) below the threshold: an alternative redshift is nearly as good',
  'second-redshift': 'emission lines at a second redshift z₂ in the residual (a background galaxy, a lens?)',
  'coefficient-outlier': "among the top 1 % of this batch's spectra of its class by outlier score (Local Outlier Factor of the encoder's coefficients): unlike its class-mates",
};

/** Every flag the core sets, in the order of FLAG_INFO. */
export const ANOMALY_FLAGS = Object.keys(FLAG_INFO) as AnomalyFlag[];

/** A row's flags with their meanings, one per line ('' when none); unknown flags (older sessions) as they are. */
export function flagsTitle(flags: readonly string[]): string {
  return flags.map((f) => (f in FLAG_INFO ? `${f}: ${FLAG_INFO[f as AnomalyFlag]}` : f)).join('\n');
}
