/**
 * The outlier score of each spectrum of a batch within its class (docs/anomalies.md): the Local
 * Outlier Factor of its encoder code among the batch's spectra of the same best class. The code is all
 * three class spaces' 10 normalised ω and amplitude A (33 numbers): a spectrum can look ordinary in its
 * own class's space and odd in the others' (on the planted oddities this found 10 of 32 in the top 1 %
 * where the best class's 11 numbers alone found 1). Each number is standardised within the class
 * (mean 0, standard deviation 1) so the amplitudes do not outweigh the ω; distances are Euclidean.
 * A batch-level quantity: the app recomputes it as files arrive, the CLI over its run.
 */
import type { SpectrumResult } from '../result/spectrumResult.ts';
import { CLASSES, type SpectralClass } from '../types.ts';
import { localOutlierFactor } from './lof.ts';

/** Neighbours per point: scikit-learn's default and the upper end of Breunig et al.'s advice (10–20). */
export const LOF_K = 20;
/** Fewer spectra of a class than this get no score (a LOF of a handful of points says nothing). */
export const MIN_CLASS_SIZE = 10;
/** The stated rate: the flag goes to the top 1 % of each class of the batch by LOF (at least one). */
export const OUTLIER_RATE = 0.01;
/**
 * …and only above this LOF, so a class whose most outlying member is no odder than a typical one in
 * ten gets no flag: 1.2 is the 90th percentile of the LOF over the clean development batch
 * (results/anomalies.json, batch.lofQuantiles); a point as dense as its neighbours has LOF ≈ 1.
 */
export const MIN_FLAG_LOF = 1.2;
export const OUTLIER_FLAG = 'coefficient-outlier';

/** What the score needs of a result. */
export type CodedResult = Pick<SpectrumResult, 'cls' | 'coefficients' | 'error'>;

/** The codes of the `spaces` of each row side by side (n × 11·spaces), each column standardised over the rows. */
export function standardisedCodes(rows: readonly CodedResult[], spaces: readonly SpectralClass[]): { x: Float64Array; d: number } {
  const width = rows.length > 0 ? rows[0].coefficients![spaces[0]].length : 0;
  const d = width * spaces.length;
  const n = rows.length;
  const x = new Float64Array(n * d);
  rows.forEach((r, i) => spaces.forEach((c, s) => x.set(r.coefficients![c], i * d + s * width)));
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * d + j];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * d + j] - mean) ** 2;
    const sd = Math.sqrt(v / n) || 1;
    for (let i = 0; i < n; i++) x[i * d + j] = (x[i * d + j] - mean) / sd;
  }
  return { x, d };
}

/**
 * Per row: its LOF within its best class, or undefined (failed, no coefficients, class too small).
 * `features`: all three class spaces' codes (the default), or only the best class's 11 numbers (kept
 * for the comparison in docs/anomalies.md).
 */
export function batchOutlierScores(rows: readonly CodedResult[], features: 'all-classes' | 'best-class' = 'all-classes'): (number | undefined)[] {
  const out: (number | undefined)[] = new Array(rows.length).fill(undefined);
  const byClass = new Map<SpectralClass, number[]>();
  rows.forEach((r, i) => {
    if (r.error !== undefined || r.cls === undefined || !r.coefficients) return;
    const list = byClass.get(r.cls) ?? [];
    list.push(i);
    byClass.set(r.cls, list);
  });
  for (const [cls, idx] of byClass) {
    if (idx.length < MIN_CLASS_SIZE) continue;
    const { x, d } = standardisedCodes(
      idx.map((i) => rows[i]),
      features === 'all-classes' ? CLASSES : [cls],
    );
    const lof = localOutlierFactor(x, idx.length, d, Math.min(LOF_K, idx.length - 1));
    idx.forEach((i, j) => (out[i] = lof[j]));
  }
  return out;
}

/** Which rows get the flag: per class, the top OUTLIER_RATE by score (at least one), if above MIN_FLAG_LOF. */
export function outlierFlags(rows: readonly CodedResult[], scores: readonly (number | undefined)[]): boolean[] {
  const flagged = new Array<boolean>(rows.length).fill(false);
  const byClass = new Map<SpectralClass, number[]>();
  scores.forEach((s, i) => {
    if (s === undefined || !Number.isFinite(s)) return;
    const cls = rows[i].cls!;
    byClass.set(cls, [...(byClass.get(cls) ?? []), i]);
  });
  for (const idx of byClass.values()) {
    const top = Math.max(1, Math.ceil(OUTLIER_RATE * idx.length));
    idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (const i of idx.slice(0, top)) if (scores[i]! > MIN_FLAG_LOF) flagged[i] = true;
  }
  return flagged;
}

/** The rows with `outlier` set (or cleared) and the flag set or removed, as the batch now stands. */
export function withBatchOutliers<T extends CodedResult & Pick<SpectrumResult, 'flags' | 'outlier'>>(rows: readonly T[]): T[] {
  const scores = batchOutlierScores(rows);
  const flags = outlierFlags(rows, scores);
  return rows.map((r, i) => applyOutlier(r, scores[i], flags[i]));
}

/** One row with its score and flag (a new object only when something changed). */
export function applyOutlier<T extends Pick<SpectrumResult, 'flags' | 'outlier'>>(r: T, score: number | undefined, flagged: boolean): T {
  const had = r.flags.includes(OUTLIER_FLAG);
  if (r.outlier === score && had === flagged) return r;
  const out = { ...r, flags: r.flags.filter((f) => f !== OUTLIER_FLAG) };
  if (flagged) out.flags.push(OUTLIER_FLAG);
  if (score === undefined) delete out.outlier;
  else out.outlier = score;
  return out;
}
