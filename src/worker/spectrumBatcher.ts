/**
 * The worker's analysis queue: spectra from every queued file (or file range)
 * are read and gridded in arrival order into one network batch, so a thousand
 * single-spectrum files make ~32 ONNX runs per class, not a thousand. Each
 * batch ends with, per file touched, one 'results' message and, for the files
 * it finished, 'file-done' — all emitted together, so the host can post them
 * as one message. Every analysis is kept (analysisCache.ts) for the detail view.
 *
 * An unexpected throw from below (a bug) fails that batch's spectra with code
 * 'internal' and the batcher carries on with the next ones.
 */
import { resultOf } from '../core/analyzeFile.ts';
import type { OpenedSpectra } from '../core/formats/types.ts';
import { prepareSpectrum, type FrameOverride, type PreparedSpectrum } from '../core/prepareSpectrum.ts';
import type { SpectrumResult } from '../core/result/spectrumResult.ts';
import type { Analyzer } from '../core/scan/pipeline.ts';
import type { AnalysisResult } from '../core/scan/types.ts';
import type { InputError, ModelFamily, Result, Spectrum } from '../core/types.ts';
import type { AnalysisCache } from './analysisCache.ts';
import type { AnalyzerFor } from './familyAnalyzers.ts';
import { named, readSpectrum, type OpenFile } from './openFiles.ts';
import { internalError, type SpectrumFailure, type SpectrumRange, type WorkerResponse } from './protocol.ts';

export interface AnalyzeJob {
  jobId: number;
  fileId: number;
  file: Blob;
  fileName: string;
  /** @default ['encoder'] — the families to run, each giving its own rows. */
  families?: readonly ModelFamily[];
  /** The user's frame / instrument choice for this file (prepareSpectrum.ts). */
  override?: FrameOverride;
  /** Only these spectra; no 'opened' is emitted (protocol.ts). */
  range?: SpectrumRange;
  /** Without a range: only the first `splitAt` spectra. */
  splitAt?: number;
}

export interface BatcherDeps {
  open: OpenFile;
  analyzerFor: AnalyzerFor;
  cache: AnalysisCache;
  batchSize: number;
  now(): number;
}

export const DEFAULT_FAMILIES: readonly ModelFamily[] = ['encoder'];

/** A queued job and how far it got. */
interface Queued {
  job: AnalyzeJob;
  emit: (m: WorkerResponse) => void;
  cancelled: () => boolean;
  done: () => void;
  /** The file being opened, started when the job arrived: the reads of queued files overlap. */
  opening: Promise<Result<OpenedSpectra>>;
  opened?: OpenedSpectra;
  analyzers: Analyzer[];
  /** Every spectrum read, or the file failed to open. */
  finished: boolean;
  /** Next index to read, and one past the last. */
  next: number;
  end: number;
  /** Outcomes of this batch, flushed at its end. */
  rows: SpectrumResult[];
  failures: SpectrumFailure[];
  ms: number;
}

/** A spectrum read and gridded for the current batch. */
interface Item {
  q: Queued;
  index: number;
  spectrum: Spectrum;
  prepared: PreparedSpectrum;
}

export interface SpectrumBatcher {
  /** Queue a job; resolves once its 'file-done' was emitted. */
  add(job: AnalyzeJob, emit: (m: WorkerResponse) => void, cancelled: () => boolean): Promise<void>;
}

export function createSpectrumBatcher(deps: BatcherDeps): SpectrumBatcher {
  const queue: Queued[] = [];
  let running = false;

  /** Open a job's file and its families' analyzers; false when the file itself failed (the job is closed). */
  async function start(q: Queued): Promise<boolean> {
    const { jobId, fileId, fileName } = q.job;
    const opened = await q.opening;
    if (!opened.ok) {
      q.failures.push({ fileId, fileName, index: undefined, error: opened.error });
      q.finished = true;
      return false;
    }
    const o = opened.value;
    q.opened = o;
    const r = q.job.range;
    q.next = r ? Math.max(0, r.start) : 0;
    q.end = r ? Math.min(o.count, r.end) : Math.min(o.count, q.job.splitAt ?? o.count);
    if (!r) q.emit({ type: 'opened', jobId, fileId, format: o.format, count: o.count });
    for (const family of q.job.families ?? DEFAULT_FAMILIES) {
      const a = await deps.analyzerFor(family);
      if (a.ok) q.analyzers.push(a.value);
      else for (let i = q.next; i < q.end; i++) q.failures.push({ fileId, fileName, index: i, family, error: a.error });
    }
    return true;
  }

  /** Read and grid up to `room` spectra of `q` into `items`; a spectrum that fails is a failure for each family. */
  async function take(q: Queued, items: Item[], room: number): Promise<number> {
    const o = q.opened!;
    let n = 0;
    while (q.next < q.end && n < room) {
      const index = q.next++;
      const read = await readSpectrum(o, index);
      if (!read.ok) {
        for (const a of q.analyzers) q.failures.push(failure(q, index, a.family, read.error));
        continue;
      }
      const g = prepareSpectrum(read.value, { override: q.job.override });
      if (!g.ok) {
        for (const a of q.analyzers) q.failures.push(failure(q, index, a.family, named(g.error, read.value)));
        continue;
      }
      if (q.analyzers.length === 0) continue;
      items.push({ q, index, spectrum: { ...read.value, frame: g.value.frame }, prepared: g.value });
      n++;
    }
    return n;
  }

  /** One network run per family over every item that asked for it; rows and cache entries per item. */
  async function analyse(items: Item[], readMs: number): Promise<void> {
    const families = [...new Set(items.flatMap((it) => it.q.analyzers.map((a) => a.family)))];
    const perSpectrum = readMs / Math.max(1, items.length);
    for (const family of families) {
      const mine = items.filter((it) => it.q.analyzers.some((a) => a.family === family));
      const analyzer = mine[0].q.analyzers.find((a) => a.family === family)!;
      const t0 = deps.now();
      let results: Result<AnalysisResult>[];
      try {
        // Transient: every result is read (row, kept analysis) just below, before the next batch.
        results = await analyzer.analyze(mine.map((it) => it.prepared.gridded), { transient: true });
      } catch (e) {
        for (const it of mine) it.q.failures.push(failure(it.q, it.index, family, internalError(e, `analysing ${it.q.job.fileName}`)));
        continue;
      }
      const ms = perSpectrum + (deps.now() - t0) / mine.length;
      mine.forEach((it, b) => {
        const { q, index, spectrum, prepared } = it;
        const r = results[b];
        q.ms += ms;
        if (r.ok) {
          const { gridded, correction, profile } = prepared;
          q.rows.push(resultOf(q.job.fileName, { index, spectrum, gridded, correction, profile, result: r, ms, family }));
          deps.cache.put(q.job.fileId, index, { result: r.value, correction, instrument: profile.name });
        } else {
          q.failures.push(failure(q, index, family, named(r.error, spectrum)));
        }
      });
    }
  }

  /** Post what each job got this batch, and close the jobs that are finished or cancelled. */
  function flush(jobs: readonly Queued[]): void {
    for (const q of jobs) {
      const { jobId, fileId } = q.job;
      const start = q.job.range ? { start: q.job.range.start } : {};
      if (q.rows.length + q.failures.length > 0) q.emit({ type: 'results', jobId, fileId, rows: q.rows, failures: q.failures, ms: q.ms, ...start });
      q.rows = [];
      q.failures = [];
      q.ms = 0;
      if (q.opened && q.next >= q.end) q.finished = true;
      const cancelled = !q.finished && q.cancelled();
      if (q.finished || cancelled) {
        queue.splice(queue.indexOf(q), 1);
        q.emit({ type: 'file-done', jobId, fileId, cancelled, ...start });
        q.done();
      }
    }
  }

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (queue.length > 0) {
        const t0 = deps.now();
        const items: Item[] = [];
        const touched: Queued[] = [];
        for (const q of [...queue]) {
          if (items.length >= deps.batchSize) break;
          touched.push(q);
          if (q.cancelled()) continue; // closed by flush, cancelled, without reading on
          try {
            if (!q.opened && !(await start(q))) continue;
            await take(q, items, deps.batchSize - items.length);
          } catch (e) {
            // A throw while reading (a bug below): the rest of this job fails, the others carry on.
            const error = internalError(e, `reading ${q.job.fileName}`);
            for (const a of q.analyzers) for (let i = q.next; i < q.end; i++) q.failures.push(failure(q, i, a.family, error));
            q.next = q.end;
          }
        }
        if (items.length > 0) await analyse(items, deps.now() - t0);
        flush(touched);
      }
    } finally {
      running = false;
    }
  }

  return {
    add(job, emit, cancelled) {
      return new Promise<void>((done) => {
        const opening = deps.open(job.fileId, job.file, job.fileName);
        queue.push({ job, emit, cancelled, done, opening, analyzers: [], finished: false, next: 0, end: 0, rows: [], failures: [], ms: 0 });
        void drain();
      });
    },
  };
}

function failure(q: Queued, index: number, family: ModelFamily, error: InputError): SpectrumFailure {
  const { fileId, fileName } = q.job;
  return { fileId, fileName, index, family, error };
}
