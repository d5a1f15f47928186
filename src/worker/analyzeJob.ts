/**
 * One 'analyze' request: open the file, run the core's analyzeFile with each
 * requested family, post the rows and failures batch by batch, and keep each
 * analysis for the detail view. An unexpected throw from below (a bug) fails
 * the spectra not yet analysed with code 'internal' and keeps the worker alive.
 */
import { analyzeFile, resultOf } from '../core/analyzeFile.ts';
import type { FrameOverride } from '../core/prepareSpectrum.ts';
import type { Analyzer } from '../core/scan/pipeline.ts';
import type { ModelFamily } from '../core/types.ts';
import type { AnalysisCache } from './analysisCache.ts';
import type { AnalyzerFor } from './familyAnalyzers.ts';
import { named, type OpenFile } from './openFiles.ts';
import { internalError, type SpectrumFailure, type WorkerResponse } from './protocol.ts';

export interface AnalyzeJob {
  jobId: number;
  fileId: number;
  file: Blob;
  fileName: string;
  /** @default ['encoder'] — the families to run, each giving its own rows. */
  families?: readonly ModelFamily[];
  /** The user's frame / instrument choice for this file (prepareSpectrum.ts). */
  override?: FrameOverride;
}

export interface AnalyzeJobDeps {
  open: OpenFile;
  analyzerFor: AnalyzerFor;
  cache: AnalysisCache;
  batchSize: number;
  now(): number;
}

export const DEFAULT_FAMILIES: readonly ModelFamily[] = ['encoder'];

export async function runAnalyzeJob(deps: AnalyzeJobDeps, job: AnalyzeJob, emit: (m: WorkerResponse) => void, cancelled: () => boolean): Promise<void> {
  const { jobId, fileId, fileName } = job;
  const opened = await deps.open(fileId, job.file, fileName);
  if (!opened.ok) {
    emit({ type: 'results', jobId, fileId, rows: [], failures: [{ fileId, fileName, index: undefined, error: opened.error }], ms: 0 });
    emit({ type: 'file-done', jobId, fileId, cancelled: false });
    return;
  }
  const o = opened.value;
  emit({ type: 'opened', jobId, fileId, format: o.format, count: o.count });
  const batch = { rows: [] as Extract<WorkerResponse, { type: 'results' }>['rows'], failures: [] as SpectrumFailure[], ms: 0 };
  const analyzers: Analyzer[] = [];
  for (const family of job.families ?? DEFAULT_FAMILIES) {
    const a = await deps.analyzerFor(family);
    if (a.ok) analyzers.push(a.value);
    else for (let i = 0; i < o.count; i++) batch.failures.push({ fileId, fileName, index: i, family, error: a.error });
  }
  const flush = () => {
    if (batch.rows.length + batch.failures.length > 0) emit({ type: 'results', jobId, fileId, ...batch });
    Object.assign(batch, { rows: [], failures: [], ms: 0 });
  };
  const perBatch = deps.batchSize * analyzers.length;
  const total = o.count * analyzers.length;
  let seen = 0;
  try {
    const outcomes = analyzers.length ? analyzeFile(o, analyzers, { batchSize: deps.batchSize, cancelled, clock: deps.now, prepare: { override: job.override } }) : [];
    for await (const out of outcomes) {
      seen++;
      batch.ms += out.ms;
      if (out.result.ok && out.spectrum && out.gridded) {
        batch.rows.push(resultOf(fileName, out));
        deps.cache.put(fileId, out.index, { gridded: out.gridded, result: out.result.value, correction: out.correction, instrument: out.profile?.name });
      } else if (!out.result.ok) {
        batch.failures.push({ fileId, fileName, index: out.index, id: out.spectrum?.id, family: out.family, error: named(out.result.error, out.spectrum) });
      }
      if (seen % perBatch === 0) flush();
    }
  } catch (e) {
    const error = internalError(e, `analysing ${fileName}`);
    const from = Math.floor(seen / perBatch) * deps.batchSize;
    for (const a of analyzers) for (let i = from; i < o.count; i++) batch.failures.push({ fileId, fileName, index: i, family: a.family, error });
    seen = total;
  }
  flush();
  emit({ type: 'file-done', jobId, fileId, cancelled: seen < total && cancelled() });
}
