/**
 * The analyses a worker computed, kept so that opening a spectrum shows the
 * very numbers of its row without running the networks and the χ² scan again.
 *
 * Kept compactly, so that a worker holds the last few thousand:
 *   - every scalar of the analysis as computed (class, z, χ², R, minima, flags…);
 *   - each class's χ² curve, in float32 (≈ 47 kB for the three; the plots' precision);
 *   - the encoders' reconstructions as their coefficients and amplitude only,
 *     A·Σ cⱼEⱼ being rebuilt from the eigenspectra when the spectrum is opened
 *     (a UNet's, which has no such form, whole: ≈ 96 kB);
 *   - not the gridded spectrum nor the network input: reading the spectrum
 *     again and preprocessing it (expandKept) gives them bit for bit.
 * So an encoder entry is ≈ 48 kB and the default 80 MiB per worker holds ≈ 1700
 * (two workers, their networks, read-ahead and reused memory stay under the
 * 300 MB the 1 GiB plate test allows).
 * Least recently used first out, bounded in bytes; an evicted one is
 * recomputed on request (spectrumDetail.ts).
 */
import type { FrameCorrection } from '../core/grid/velocityFrame.ts';
import { preprocessGridded } from '../core/scan/pipeline.ts';
import type { AnalysisResult, ClassScan, Reconstruction } from '../core/scan/types.ts';
import { CLASSES, fail, ok, type GriddedSpectrum, type ModelFamily, type Result, type SpectralClass } from '../core/types.ts';

/** What an analysis leaves for the detail view (what `put` takes). */
export interface KeptAnalysis {
  result: AnalysisResult;
  /** The velocity-frame correction of its z and the instrument model used (the row carries both). */
  correction?: FrameCorrection;
  instrument?: string;
}

/** A kept analysis without its arrays: what `get` gives, made whole again by expandKept. */
export interface CompactAnalysis {
  result: Omit<AnalysisResult, 'scans' | 'preprocessed' | 'reconstructions'> & {
    scans: Record<SpectralClass, Omit<ClassScan, 'chi2'> & { chi2: Float32Array }>;
    /** `values` absent when coefficients and amplitude give them (encoder). */
    reconstructions: Record<SpectralClass, Omit<Reconstruction, 'values'> & { values?: Float32Array }>;
  };
  correction?: FrameCorrection;
  instrument?: string;
}

export interface AnalysisCache {
  put(fileId: number, index: number, kept: KeptAnalysis): void;
  get(fileId: number, index: number, family: ModelFamily): CompactAnalysis | undefined;
  /** Entries held (for tests and the memory note above). */
  readonly size: number;
}

/** @default 80 MiB per worker */
export const DEFAULT_CACHE_BYTES = 80 * 1024 * 1024;

/** Rough bytes of the scalars (minima, ranked minima, flags, strings). */
const SCALAR_BYTES = 2048;

/** A reconstruction the eigenspectra give again: A·Σ cⱼEⱼ. */
const recombinable = (r: Reconstruction): boolean => r.coefficients !== undefined && r.amplitude !== undefined;

function compact(k: KeptAnalysis, keepAllReconstructions: boolean): { entry: CompactAnalysis; bytes: number } {
  const r = k.result;
  const scans = {} as CompactAnalysis['result']['scans'];
  const reconstructions = {} as CompactAnalysis['result']['reconstructions'];
  let bytes = SCALAR_BYTES;
  for (const cls of CLASSES) {
    const s = r.scans[cls];
    scans[cls] = { ...s, chi2: new Float32Array(s.chi2), minima: s.minima.map((m) => ({ ...m })) };
    bytes += scans[cls].chi2.byteLength;
    const rec = r.reconstructions[cls];
    const c: CompactAnalysis['result']['reconstructions'][SpectralClass] = {};
    if (rec.coefficients) c.coefficients = rec.coefficients.slice();
    if (rec.amplitude !== undefined) c.amplitude = rec.amplitude;
    if (keepAllReconstructions || !recombinable(rec)) {
      c.values = rec.values.slice(); // a view into the batch tensor would keep the whole batch alive
      bytes += c.values.byteLength;
    }
    reconstructions[cls] = c;
  }
  const { scans: _s, preprocessed: _p, reconstructions: _r, ...scalars } = r;
  const entry: CompactAnalysis = { result: { ...scalars, scans, reconstructions } };
  if (k.correction) entry.correction = k.correction;
  if (k.instrument) entry.instrument = k.instrument;
  return { entry, bytes };
}

/**
 * @param keepAllReconstructions keep every reconstruction whole (when the worker has no eigenspectra
 *   to rebuild the encoders' from).
 */
export function createAnalysisCache(maxBytes: number = DEFAULT_CACHE_BYTES, keepAllReconstructions = false): AnalysisCache {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, { entry: CompactAnalysis; bytes: number }>();
  let bytes = 0;
  const keyOf = (fileId: number, index: number, family: ModelFamily) => `${fileId}/${index}/${family}`;
  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= e.bytes;
    entries.delete(key);
  };
  return {
    put(fileId, index, kept) {
      const key = keyOf(fileId, index, kept.result.family);
      drop(key);
      const c = compact(kept, keepAllReconstructions);
      entries.set(key, c);
      bytes += c.bytes;
      while (bytes > maxBytes && entries.size > 1) drop(entries.keys().next().value as string);
    },
    get(fileId, index, family) {
      const key = keyOf(fileId, index, family);
      const e = entries.get(key);
      if (!e) return undefined;
      entries.delete(key);
      entries.set(key, e);
      return e.entry;
    },
    get size() {
      return entries.size;
    },
  };
}

/** Each class's eigenspectra Eⱼ (the encoders'), for rebuilding A·Σ cⱼEⱼ. */
export type Eigenspectra = Record<SpectralClass, readonly Float32Array[]>;

/** A·Σ cⱼEⱼ over the output grid. */
function recombine(eigen: readonly Float32Array[], coefficients: Float32Array, amplitude: number): Float32Array {
  const out = new Float32Array(eigen[0].length);
  for (let j = 0; j < eigen.length && j < coefficients.length; j++) {
    const w = coefficients[j] * amplitude;
    const e = eigen[j];
    for (let k = 0; k < out.length; k++) out[k] += w * e[k];
  }
  return out;
}

/**
 * The whole analysis again from a kept one and the spectrum's gridded pixels (read and gridded again,
 * as the analysis did): the network input by the same preprocessing, the χ² curves widened back to
 * float64, the encoders' reconstructions rebuilt from their coefficients.
 */
export function expandKept(c: CompactAnalysis, gridded: GriddedSpectrum, eigen: Eigenspectra | undefined): Result<KeptAnalysis> {
  const pre = preprocessGridded(gridded);
  if (!pre.ok) return pre;
  const scans = {} as Record<SpectralClass, ClassScan>;
  const reconstructions = {} as Record<SpectralClass, Reconstruction>;
  for (const cls of CLASSES) {
    const s = c.result.scans[cls];
    scans[cls] = { ...s, chi2: new Float64Array(s.chi2) };
    const r = c.result.reconstructions[cls];
    let values = r.values;
    if (!values && r.coefficients && r.amplitude !== undefined) {
      if (!eigen) return fail({ code: 'model-load', message: 'the eigenspectra to draw the reconstruction could not be fetched: check the connection and open the spectrum again' });
      values = recombine(eigen[cls], r.coefficients, r.amplitude);
    }
    reconstructions[cls] = { ...r, values: values ?? new Float32Array(0) };
  }
  const out: KeptAnalysis = { result: { ...c.result, scans, reconstructions, preprocessed: pre.value } };
  if (c.correction) out.correction = c.correction;
  if (c.instrument) out.instrument = c.instrument;
  return ok(out);
}
