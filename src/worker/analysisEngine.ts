/**
 * What an analysis worker does, without the worker: analyse files, their
 * spectra batched across files (spectrumBatcher.ts), and answer detail requests from the analyses it kept
 * (spectrumDetail.ts, analysisCache.ts). Runs the same in a Web Worker and in
 * Node tests. Everything that can fail on outside input comes back as an
 * InputError in a message.
 */
import type { OpenedSpectra } from '../core/formats/types.ts';
import type { Result } from '../core/types.ts';
import { createAnalysisCache, DEFAULT_CACHE_BYTES, type Eigenspectra } from './analysisCache.ts';
import type { AnalyzerFor } from './familyAnalyzers.ts';
import { keptOpenFiles } from './openFiles.ts';
import type { SpectrumDetail, WorkerResponse } from './protocol.ts';
import { serialAnalyzers } from './serialAnalyzers.ts';
import { createSpectrumBatcher, type AnalyzeJob } from './spectrumBatcher.ts';
import { spectrumDetail, type DetailRequest } from './spectrumDetail.ts';

export type { AnalyzeJob } from './spectrumBatcher.ts';

export interface EngineDeps {
  /** Open a dropped file with whichever adapter matches. */
  openFile(file: Blob, fileName: string): Promise<Result<OpenedSpectra>>;
  /** The analyzer of a model family, opened on first use and kept (familyAnalyzers.ts). */
  analyzerFor: AnalyzerFor;
  /** Spectra per network batch. */
  batchSize: number;
  /** Clock in ms (performance.now). */
  now(): number;
  /** @default DEFAULT_CACHE_BYTES — memory for the analyses kept for the detail view. */
  cacheBytes?: number;
  /** The encoders' eigenspectra: with them the cache keeps encoder reconstructions as coefficients (analysisCache.ts). */
  eigenspectra?: () => Promise<Result<Eigenspectra>>;
}

export interface Engine {
  /**
   * Analyse every spectrum of a file (or of its range) with each requested family, emitting
   * 'opened', 'results' per batch and 'file-done'; resolves after 'file-done'. Files queued together
   * share network batches. A family whose models cannot be opened gives every spectrum a failure
   * for that family.
   */
  analyzeFile(job: AnalyzeJob, emit: (m: WorkerResponse) => void, cancelled: () => boolean): Promise<void>;
  /** One spectrum in full: `result` from the first family, `compare` from the second when two are asked for. */
  detail(req: DetailRequest): Promise<Result<SpectrumDetail>>;
}

export function createEngine(deps: EngineDeps): Engine {
  const shared = {
    open: keptOpenFiles(deps.openFile),
    analyzerFor: serialAnalyzers(deps.analyzerFor),
    cache: createAnalysisCache(deps.cacheBytes ?? DEFAULT_CACHE_BYTES, deps.eigenspectra === undefined),
    ...(deps.eigenspectra && { eigenspectra: deps.eigenspectra }),
  };
  const batcher = createSpectrumBatcher({ ...shared, batchSize: deps.batchSize, now: deps.now });
  return {
    analyzeFile: (job, emit, cancelled) => batcher.add(job, emit, cancelled),
    detail: (req) => spectrumDetail(shared, req),
  };
}
