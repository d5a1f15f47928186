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
 * recomputed on request (spectrumDetail.ts). The arrays live in a ring of
 * float32 segments written round and round (floatRing.ts): after the first
 * lap, keeping a spectrum touches no new memory.
 */
import type { FrameCorrection } from '../core/grid/velocityFrame.ts';
import { preprocessGridded } from '../core/scan/pipeline.ts';
import type { AnalysisResult, ClassScan, Reconstruction } from '../core/scan/types.ts';
import { CLASSES, fail, ok, type GriddedSpectrum, type ModelFamily, type Result, type SpectralClass } from '../core/types.ts';
import { createFloatRing } from './floatRing.ts';

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

type FloatArray = Float32Array | Float64Array;

/**
 * An entry's numbers with its arrays still those of the analysis (not copied): the χ² curves, the
 * encoders' coefficients, and each reconstruction the eigenspectra cannot give again.
 */
interface Shallow {
  scalars: Omit<CompactAnalysis['result'], 'scans' | 'reconstructions'>;
  scans: Record<SpectralClass, Omit<ClassScan, 'chi2'> & { chi2: FloatArray }>;
  reconstructions: Record<SpectralClass, { coefficients?: Float32Array; amplitude?: number; values?: Float32Array }>;
  correction?: FrameCorrection;
  instrument?: string;
}

function shallowOfKept(k: KeptAnalysis, keepAllReconstructions: boolean): Shallow {
  const { scans: rs, preprocessed: _p, reconstructions: rr, ...scalars } = k.result;
  const scans = {} as Shallow['scans'];
  const reconstructions = {} as Shallow['reconstructions'];
  for (const cls of CLASSES) {
    scans[cls] = { ...rs[cls], minima: rs[cls].minima.map((m) => ({ ...m })) };
    const rec = rr[cls];
    const c: Shallow['reconstructions'][SpectralClass] = {};
    if (rec.coefficients) c.coefficients = rec.coefficients;
    if (rec.amplitude !== undefined) c.amplitude = rec.amplitude;
    if (keepAllReconstructions || !recombinable(rec)) c.values = rec.values;
    reconstructions[cls] = c;
  }
  return { scalars, scans, reconstructions, correction: k.correction, instrument: k.instrument };
}

function shallowOfCompact(c: CompactAnalysis): Shallow {
  const { scans, reconstructions, ...scalars } = c.result;
  return { scalars, scans, reconstructions, correction: c.correction, instrument: c.instrument };
}

/** Floats the arrays of `s` take. */
function floatsOf(s: Shallow): number {
  let n = 0;
  for (const cls of CLASSES) {
    const r = s.reconstructions[cls];
    n += s.scans[cls].chi2.length + (r.coefficients?.length ?? 0) + (r.values?.length ?? 0);
  }
  return n;
}

/** The entry for `s`, its arrays (χ² curves to float32) copied into `block` (views), or into new arrays when there is none. */
function compact(s: Shallow, block: Float32Array | undefined): CompactAnalysis {
  let at = 0;
  const copy = (from: FloatArray): Float32Array => {
    const to = block ? block.subarray(at, at + from.length) : new Float32Array(from.length);
    to.set(from); // never a view of the batch's arrays: that would keep the whole batch alive
    at += from.length;
    return to;
  };
  const scans = {} as CompactAnalysis['result']['scans'];
  const reconstructions = {} as CompactAnalysis['result']['reconstructions'];
  for (const cls of CLASSES) {
    scans[cls] = { ...s.scans[cls], chi2: copy(s.scans[cls].chi2) };
    const r = s.reconstructions[cls];
    const c: CompactAnalysis['result']['reconstructions'][SpectralClass] = {};
    if (r.coefficients) c.coefficients = copy(r.coefficients);
    if (r.amplitude !== undefined) c.amplitude = r.amplitude;
    if (r.values) c.values = copy(r.values);
    reconstructions[cls] = c;
  }
  const entry: CompactAnalysis = { result: { ...s.scalars, scans, reconstructions } };
  if (s.correction) entry.correction = s.correction;
  if (s.instrument) entry.instrument = s.instrument;
  return entry;
}

interface Held {
  entry: CompactAnalysis;
  bytes: number;
  /** Where its arrays are in the ring (absent: in new arrays, a block too large for the ring's segments). */
  block?: { start: number; lap: number };
}

/**
 * @param keepAllReconstructions keep every reconstruction whole (when the worker has no eigenspectra
 *   to rebuild the encoders' from).
 */
export function createAnalysisCache(maxBytes: number = DEFAULT_CACHE_BYTES, keepAllReconstructions = false): AnalysisCache {
  // A Map iterates in insertion order, which is also the order of the entries' blocks in the ring:
  // the first key is both the least recently used and the first the ring overwrites.
  const entries = new Map<string, Held>();
  const ring = createFloatRing(maxBytes / 4);
  let bytes = 0;
  const keyOf = (fileId: number, index: number, family: ModelFamily) => `${fileId}/${index}/${family}`;
  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= e.bytes;
    entries.delete(key);
  };
  const first = () => entries.entries().next().value as [string, Held] | undefined;
  const keep = (key: string, s: Shallow) => {
    drop(key);
    const n = floatsOf(s);
    const at = ring.place(n);
    let block: Float32Array | undefined;
    if (at) {
      for (let f = first(); f?.[1].block && ring.overwrites(at, n, f[1].block); f = first()) drop(f[0]);
      block = ring.take(n).data;
    }
    const held: Held = { entry: compact(s, block), bytes: SCALAR_BYTES + 4 * n };
    if (at) held.block = at;
    entries.set(key, held);
    bytes += held.bytes;
    while (bytes > maxBytes && entries.size > 1) drop(first()![0]);
  };
  return {
    put(fileId, index, kept) {
      keep(keyOf(fileId, index, kept.result.family), shallowOfKept(kept, keepAllReconstructions));
    },
    get(fileId, index, family) {
      const key = keyOf(fileId, index, family);
      const e = entries.get(key);
      if (!e) return undefined;
      // Copied out: the caller awaits before using it, and the ring may meanwhile write over the block.
      const out = compact(shallowOfCompact(e.entry), undefined);
      keep(key, shallowOfCompact(out)); // used: kept again as the newest, at the ring's head
      return out;
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
