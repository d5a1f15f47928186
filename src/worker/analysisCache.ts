/**
 * The analyses a worker computed, kept so that opening a spectrum shows the
 * very numbers of its row without running the networks and the scan again.
 * Least recently used first out, bounded in bytes: one analysis with its
 * gridded spectrum is ≈ 280 kB (three χ² curves in float64, three
 * reconstructions, the network input), so the default 256 MB holds ≈ 900
 * spectra per worker; an evicted one is recomputed on request.
 */
import type { FrameCorrection } from '../core/grid/velocityFrame.ts';
import type { AnalysisResult, ClassScan, Reconstruction } from '../core/scan/types.ts';
import { CLASSES, type GriddedSpectrum, type ModelFamily, type SpectralClass } from '../core/types.ts';

export interface KeptAnalysis {
  gridded: GriddedSpectrum;
  result: AnalysisResult;
  /** The velocity-frame correction of its z and the instrument model used (the row carries both). */
  correction?: FrameCorrection;
  instrument?: string;
}

export interface AnalysisCache {
  put(fileId: number, index: number, kept: KeptAnalysis): void;
  get(fileId: number, index: number, family: ModelFamily): KeptAnalysis | undefined;
  /** Entries held (for tests and the memory note above). */
  readonly size: number;
}

/** @default 256 MiB */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

/** A view into a larger buffer (a batch tensor) would keep the whole batch alive: copy it out. */
function own<T extends Float32Array | Float64Array>(a: T): T {
  return a.byteLength === a.buffer.byteLength ? a : (a.slice() as T);
}

function compact(r: AnalysisResult): AnalysisResult {
  const reconstructions = {} as Record<SpectralClass, Reconstruction>;
  const scans = {} as Record<SpectralClass, ClassScan>;
  for (const cls of CLASSES) {
    const rec = r.reconstructions[cls];
    reconstructions[cls] = { ...rec, values: own(rec.values), ...(rec.coefficients ? { coefficients: own(rec.coefficients) } : {}) };
    scans[cls] = { ...r.scans[cls], chi2: own(r.scans[cls].chi2) };
  }
  return { ...r, reconstructions, scans };
}

/** Bytes held by one entry; the redshift grids are shared by every scan and not counted. */
function bytesOf({ gridded, result }: KeptAnalysis): number {
  let n = gridded.flux.byteLength + gridded.ivar.byteLength + (gridded.noData?.byteLength ?? 0);
  const p = result.preprocessed;
  n += p.F.byteLength + p.w.byteLength + p.continuum.byteLength;
  for (const cls of CLASSES) {
    n += result.scans[cls].chi2.byteLength + result.reconstructions[cls].values.byteLength;
    n += result.reconstructions[cls].coefficients?.byteLength ?? 0;
  }
  return n;
}

export function createAnalysisCache(maxBytes: number = DEFAULT_CACHE_BYTES): AnalysisCache {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, { kept: KeptAnalysis; bytes: number }>();
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
      const owned = { ...kept, result: compact(kept.result) };
      const size = bytesOf(owned);
      entries.set(key, { kept: owned, bytes: size });
      bytes += size;
      while (bytes > maxBytes && entries.size > 1) drop(entries.keys().next().value as string);
    },
    get(fileId, index, family) {
      const key = keyOf(fileId, index, family);
      const e = entries.get(key);
      if (!e) return undefined;
      entries.delete(key);
      entries.set(key, e);
      return e.kept;
    },
    get size() {
      return entries.size;
    },
  };
}
