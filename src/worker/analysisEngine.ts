/**
 * What an analysis worker does, without the worker: open a file, read its
 * spectra, put them on the model grid, analyse them in batches and report
 * summaries as they come; on request, recompute one spectrum in full (curves,
 * reconstructions, original spectrum) for the view. Runs the same in a Web
 * Worker and in Node tests.
 *
 * Everything that can fail on outside input comes back as an InputError in a
 * message; an unexpected throw from below (a bug) is caught here, at the
 * message boundary, and reported as code 'internal' for that spectrum or file.
 */
import type { OpenedSpectra } from '../core/formats/types.ts';
import type { Analyzer } from '../core/scan/pipeline.ts';
import type { AnalysisResult } from '../core/scan/types.ts';
import { fail, ok, type GriddedSpectrum, type Result, type Spectrum } from '../core/types.ts';
import type { SpectrumDetail } from '../ui/view/types.ts';
import { internalError, type SpectrumFailure, type SpectrumSummary, type WorkerResponse } from './protocol.ts';
import { summarize } from './summarize.ts';

export interface EngineDeps {
  /** Open a dropped file with whichever adapter matches. */
  openFile(file: Blob, fileName: string): Promise<Result<OpenedSpectra>>;
  toModelGrid(s: Spectrum): Result<GriddedSpectrum>;
  analyzer: Analyzer;
  /** Spectra per network batch. */
  batchSize: number;
  /** Clock in ms (performance.now). */
  now(): number;
}

export interface AnalyzeJob {
  jobId: number;
  fileId: number;
  file: Blob;
  fileName: string;
}

export interface Engine {
  /** Analyse every spectrum of a file, emitting 'opened', 'results' per batch and 'file-done'. */
  analyzeFile(job: AnalyzeJob, emit: (m: WorkerResponse) => void, cancelled: () => boolean): Promise<void>;
  /** Recompute one spectrum in full. */
  detail(fileId: number, file: Blob, fileName: string, index: number): Promise<Result<SpectrumDetail>>;
}

/** Opened files kept for detail requests (headers only; data are read on demand). */
const OPEN_FILES_KEPT = 16;

export function createEngine(deps: EngineDeps): Engine {
  const openFiles = new Map<number, Promise<Result<OpenedSpectra>>>();
  // One analysis at a time: the networks and the scanner are shared.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const run = queue.then(f, f);
    queue = run.catch(() => undefined);
    return run;
  };

  function open(fileId: number, file: Blob, fileName: string): Promise<Result<OpenedSpectra>> {
    let p = openFiles.get(fileId);
    if (!p) {
      p = deps.openFile(file, fileName).catch((e: unknown) => fail(internalError(e, `opening ${fileName}`)));
      openFiles.set(fileId, p);
      if (openFiles.size > OPEN_FILES_KEPT) openFiles.delete(openFiles.keys().next().value as number);
    }
    return p;
  }

  /** Read and grid one spectrum; a failure names the spectrum. */
  async function prepare(o: OpenedSpectra, index: number): Promise<Result<{ spectrum: Spectrum; gridded: GriddedSpectrum }>> {
    try {
      const s = await o.read(index);
      if (!s.ok) return s;
      const g = deps.toModelGrid(s.value);
      if (!g.ok) return fail({ ...g.error, message: `${s.value.id}: ${g.error.message}` });
      return ok({ spectrum: s.value, gridded: g.value });
    } catch (e) {
      return fail(internalError(e, `reading spectrum ${index}`));
    }
  }

  async function analyzeFile(job: AnalyzeJob, emit: (m: WorkerResponse) => void, cancelled: () => boolean): Promise<void> {
    const { jobId, fileId, fileName } = job;
    const opened = await open(fileId, job.file, fileName);
    if (!opened.ok) {
      emit({ type: 'results', jobId, fileId, rows: [], failures: [{ fileId, fileName, index: undefined, error: opened.error }], ms: 0 });
      emit({ type: 'file-done', jobId, fileId, cancelled: false });
      return;
    }
    const o = opened.value;
    emit({ type: 'opened', jobId, fileId, format: o.format, count: o.count });
    for (let start = 0; start < o.count; start += deps.batchSize) {
      if (cancelled()) {
        emit({ type: 'file-done', jobId, fileId, cancelled: true });
        return;
      }
      const t0 = deps.now();
      const rows: SpectrumSummary[] = [];
      const failures: SpectrumFailure[] = [];
      const ready: Array<{ index: number; spectrum: Spectrum; gridded: GriddedSpectrum }> = [];
      for (let i = start; i < Math.min(o.count, start + deps.batchSize); i++) {
        const p = await prepare(o, i);
        if (p.ok) ready.push({ index: i, ...p.value });
        else failures.push({ fileId, fileName, index: i, error: p.error });
      }
      if (ready.length > 0) {
        let results: Result<AnalysisResult>[];
        try {
          results = await serial(() => deps.analyzer.analyze(ready.map((x) => x.gridded)));
        } catch (e) {
          const error = internalError(e, 'analysing a batch');
          results = ready.map(() => fail(error));
        }
        ready.forEach((x, b) => {
          const r = results[b];
          if (r.ok) rows.push(summarize(fileId, fileName, x.index, x.spectrum, r.value));
          else failures.push({ fileId, fileName, index: x.index, id: x.spectrum.id, error: r.error });
        });
      }
      emit({ type: 'results', jobId, fileId, rows, failures, ms: deps.now() - t0 });
    }
    emit({ type: 'file-done', jobId, fileId, cancelled: false });
  }

  async function detail(fileId: number, file: Blob, fileName: string, index: number): Promise<Result<SpectrumDetail>> {
    const opened = await open(fileId, file, fileName);
    if (!opened.ok) return opened;
    if (!(Number.isInteger(index) && index >= 0 && index < opened.value.count)) {
      return fail({ code: 'out-of-range', message: `${fileName} has no spectrum ${index} (it has ${opened.value.count})` });
    }
    const p = await prepare(opened.value, index);
    if (!p.ok) return p;
    try {
      const [r] = await serial(() => deps.analyzer.analyze([p.value.gridded]));
      if (!r.ok) return r;
      return ok({ fileName, index, spectrum: p.value.spectrum, gridded: p.value.gridded, result: r.value });
    } catch (e) {
      return fail(internalError(e, `analysing spectrum ${index} of ${fileName}`));
    }
  }

  return { analyzeFile, detail };
}
