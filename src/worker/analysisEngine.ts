/**
 * What an analysis worker does, without the worker: open a file, read its
 * spectra, put them on the model grid, analyse them in batches and report
 * summaries as they come; on request, recompute one spectrum in full (curves,
 * reconstructions, original spectrum) for the view. Runs the same in a Web
 * Worker and in Node tests.
 *
 * The per-file loop is the core's analyzeFile (shared with the CLI and the
 * benchmark). Everything that can fail on outside input comes back as an
 * InputError in a message; an unexpected throw from below (a bug) is caught here, at the
 * message boundary, and reported as code 'internal' for that spectrum or file.
 */
import { analyzeFile as analyzeSpectra } from '../core/analyzeFile.ts';
import type { OpenedSpectra } from '../core/formats/types.ts';
import { toModelGrid } from '../core/grid/toModelGrid.ts';
import type { Analyzer } from '../core/scan/pipeline.ts';
import { fail, ok, type GriddedSpectrum, type InputError, type Result, type Spectrum } from '../core/types.ts';
import type { SpectrumDetail } from '../ui/view/types.ts';
import { internalError, type SpectrumFailure, type SpectrumSummary, type WorkerResponse } from './protocol.ts';
import { summarize } from './summarize.ts';

export interface EngineDeps {
  /** Open a dropped file with whichever adapter matches. */
  openFile(file: Blob, fileName: string): Promise<Result<OpenedSpectra>>;
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

/** An error about a spectrum names it (the table shows the message alone). */
function named(error: InputError, s: Spectrum | undefined): InputError {
  return s && !error.message.startsWith(s.id) ? { ...error, message: `${s.id}: ${error.message}` } : error;
}

export function createEngine(deps: EngineDeps): Engine {
  const openFiles = new Map<number, Promise<Result<OpenedSpectra>>>();
  // One analysis at a time: the networks and the scanner are shared.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const run = queue.then(f, f);
    queue = run.catch(() => undefined);
    return run;
  };
  const analyzer: Analyzer = { family: deps.analyzer.family, analyze: (b) => serial(() => deps.analyzer.analyze(b)) };

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
      const g = toModelGrid(s.value);
      if (!g.ok) return fail(named(g.error, s.value));
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
    let rows: SpectrumSummary[] = [];
    let failures: SpectrumFailure[] = [];
    let ms = 0;
    let seen = 0;
    const flushBatch = () => {
      if (rows.length + failures.length > 0) emit({ type: 'results', jobId, fileId, rows, failures, ms });
      rows = [];
      failures = [];
      ms = 0;
    };
    try {
      const outcomes = analyzeSpectra(o, [analyzer], { batchSize: deps.batchSize, cancelled, clock: deps.now });
      for await (const out of outcomes) {
        seen++;
        ms += out.ms;
        if (out.result.ok && out.spectrum) rows.push(summarize(fileId, fileName, out.index, out.spectrum, out.result.value));
        else if (!out.result.ok) failures.push({ fileId, fileName, index: out.index, id: out.spectrum?.id, error: named(out.result.error, out.spectrum) });
        if (seen % deps.batchSize === 0) flushBatch();
      }
    } catch (e) {
      // A bug below: report the spectra not yet analysed as failed, keep the worker alive.
      const error = internalError(e, `analysing ${fileName}`);
      for (let i = seen; i < o.count; i++) failures.push({ fileId, fileName, index: i, error });
    }
    flushBatch();
    emit({ type: 'file-done', jobId, fileId, cancelled: seen < o.count && cancelled() });
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
      const [r] = await analyzer.analyze([p.value.gridded]);
      if (!r.ok) return r;
      return ok({ fileName, index, spectrum: p.value.spectrum, gridded: p.value.gridded, result: r.value });
    } catch (e) {
      return fail(internalError(e, `analysing spectrum ${index} of ${fileName}`));
    }
  }

  return { analyzeFile, detail };
}
