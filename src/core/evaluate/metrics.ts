/**
 * The paper's metrics (METHOD.md §6), per true class and overall:
 * Δz = |z_p − z_t|/(1 + z_t); GF = fraction with Δz below 3e-4 (STAR,
 * GALAXY) or 3e-3 (QSO); MAD = median |Δz_signed − median Δz_signed|;
 * accuracy = fraction of a true class predicted as it.
 */
import { CLASSES, type SpectralClass } from '../types.ts';

export const GF_THRESHOLD: Record<SpectralClass, number> = { STAR: 3e-4, GALAXY: 3e-4, QSO: 3e-3 };

export interface Prediction {
  trueClass: SpectralClass;
  trueZ: number;
  /** Undefined when the spectrum could not be analysed (counts as wrong). */
  cls?: SpectralClass;
  z?: number;
}

export interface ClassMetrics {
  n: number;
  accuracy: number;
  /** Good fraction over all spectra of the true class (failed analyses count as bad). */
  gf: number;
  /** MAD of the signed Δz over the analysed spectra of the true class. */
  mad: number;
}

export interface Metrics {
  perClass: Record<SpectralClass, ClassMetrics>;
  overall: { n: number; accuracy: number };
  /** True class → predicted class (or 'failed') → count. */
  confusion: Record<SpectralClass, Record<SpectralClass | 'failed', number>>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function computeMetrics(preds: readonly Prediction[]): Metrics {
  const perClass = {} as Record<SpectralClass, ClassMetrics>;
  const confusion = {} as Metrics['confusion'];
  let correct = 0;
  for (const c of CLASSES) {
    const mine = preds.filter((p) => p.trueClass === c);
    const row = { STAR: 0, GALAXY: 0, QSO: 0, failed: 0 };
    for (const p of mine) row[p.cls ?? 'failed']++;
    confusion[c] = row;
    const analysed = mine.filter((p) => p.z !== undefined && Number.isFinite(p.z));
    const signed = analysed.map((p) => (p.z! - p.trueZ) / (1 + p.trueZ));
    const good = signed.filter((d) => Math.abs(d) < GF_THRESHOLD[c]).length;
    const med = median(signed);
    perClass[c] = {
      n: mine.length,
      accuracy: mine.length ? row[c] / mine.length : Number.NaN,
      gf: mine.length ? good / mine.length : Number.NaN,
      mad: median(signed.map((d) => Math.abs(d - med))),
    };
    correct += row[c];
  }
  return { perClass, overall: { n: preds.length, accuracy: preds.length ? correct / preds.length : Number.NaN }, confusion };
}
