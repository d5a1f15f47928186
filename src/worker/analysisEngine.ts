/**
 * What an analysis worker does, without the worker: open a file, read its
 * spectra, put them on the model grid, analyse them in batches and report
 * summaries as they come; on request, recompute one spectrum in full (curves,
 * reconstructions, original spectrum) for the view. Each request names the
 * model families to run (encoder, UNet or both); a family's analyzer is
 * opened on first use. Runs the same in a Web Worker and in Node tests.
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
import { fail, ok, type GriddedSpectrum, type InputError, type ModelFamily, type Result, type Spectrum } from '../core/types.ts';
import type { SpectrumDetail } from '../ui/view/types.ts';
import { internalError, type SpectrumFailure, type SpectrumSummary, type WorkerResponse } from './protocol.ts';
import { summarize } from './summarize.ts';

export interface EngineDeps {
  /** Open a dropped file with whichever adapter matches. */
  openFile(file: Blob, fileName: string): Promise<Result<OpenedSpectra>>;
  /** The analyzer of a model family, opened on first use (see familyAnalyzers.ts). */
  analyzerFor(family: ModelFamily): Promise<Result<Analyzer>>;
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
  /** @default ['encoder'] — the families to run, each giving its own rows. */
  families?: readonly ModelFamily[];
}

export interface Engine {
  /**
   * Analyse every spectrum of a file with each requested family, emitting
   * 'opened', 'results' per batch and 'file-done'. A family whose models
   * cannot be opened gives every spectrum a failure for that family.
   */
  analyzeFile(job: AnalyzeJob, emit: (m: WorkerResponse) => void, cancelled: () => boolean): Promise<void>;
  /**
   * Recompute one spectrum in full: `result` from the first family, and
   * `compare` from the second when two are asked for.
   */
  detail(fileId: number, file: Blob, fileName: string, index: number, families?: readonly ModelFamily[]): Promise<Result<SpectrumDetail>>;
}

const DEFAULT_FAMILIES: readonly ModelFamily[] = ['encoder'];

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
  const serialized = new Map<ModelFamily, Promise<Result<Analyzer>>>();
  /** The family's analyzer, its runs queued behind every other analysis. */
  const analyzerFor = (family: ModelFamily): Promise<Result<Analyzer>> => {
    let p = serialized.get(family);
    if (!p) {
      p = deps
        .analyzerFor(family)
        .catch((e: unknown) => fail(internalError(e, `opening the ${family} models`)))
        .then((r) => (r.ok ? ok({ family, analyze: (b) => serial(() => r.value.analyze(b)) }) : r));
      serialized.set(family, p);
      void p.then((r) => !r.ok && serialized.delete(family));
    }
    return p;
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
      const g = toModelGrid(s.value);
      if (!g.ok) return fail(named(g.error, s.value));
      return ok({ spectrum: s.value, gridded: g.value });
    } catch (e) {
      return fail(internalError(e, `reading spectrum ${index}`));
    }
  }

  async function analyzeFile(job: AnalyzeJob, emit: (m: WorkerResponse) => void, cancelled: () => boolean): Promise<void> {
    const { jobId, fileId, fileName } = job;
    const families = job.families ?? DEFAULT_FAMILIES;
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
    const analyzers: Analyzer[] = [];
    for (const family of families) {
      const a = await analyzerFor(family);
      if (a.ok) analyzers.push(a.value);
      else for (let i = 0; i < o.count; i++) failures.push({ fileId, fileName, index: i, family, error: a.error });
    }
    const total = o.count * analyzers.length;
    const flushBatch = () => {
      if (rows.length + failures.length > 0) emit({ type: 'results', jobId, fileId, rows, failures, ms });
      rows = [];
      failures = [];
      ms = 0;
    };
    try {
      const outcomes = analyzers.length ? analyzeSpectra(o, analyzers, { batchSize: deps.batchSize, cancelled, clock: deps.now }) : [];
      for await (const out of outcomes) {
        seen++;
        ms += out.ms;
        if (out.result.ok && out.spectrum) rows.push(summarize(fileId, fileName, out.index, out.spectrum, out.result.value));
        else if (!out.result.ok) {
          failures.push({ fileId, fileName, index: out.index, id: out.spectrum?.id, family: out.family, error: named(out.result.error, out.spectrum) });
        }
        if (seen % (deps.batchSize * analyzers.length) === 0) flushBatch();
      }
    } catch (e) {
      // A bug below: report the spectra not yet analysed as failed, keep the worker alive.
      const error = internalError(e, `analysing ${fileName}`);
      const from = Math.floor(seen / (deps.batchSize * analyzers.length)) * deps.batchSize;
      for (const a of analyzers) for (let i = from; i < o.count; i++) failures.push({ fileId, fileName, index: i, family: a.family, error });
      seen = total;
    }
    flushBatch();
    emit({ type: 'file-done', jobId, fileId, cancelled: seen < total && cancelled() });
  }

  async function detail(
    fileId: number,
    file: Blob,
    fileName: string,
    index: number,
    families: readonly ModelFamily[] = DEFAULT_FAMILIES,
  ): Promise<Result<SpectrumDetail>> {
    const opened = await open(fileId, file, fileName);
    if (!opened.ok) return opened;
    if (!(Number.isInteger(index) && index >= 0 && index < opened.value.count)) {
      return fail({ code: 'out-of-range', message: `${fileName} has no spectrum ${index} (it has ${opened.value.count})` });
    }
    const p = await prepare(opened.value, index);
    if (!p.ok) return p;
    try {
      const [first, second] = families;
      const a = await analyzerFor(first);
      if (!a.ok) return a;
      const [r] = await a.value.analyze([p.value.gridded]);
      if (!r.ok) return r;
      const detail: SpectrumDetail = { fileName, index, spectrum: p.value.spectrum, gridded: p.value.gridded, result: r.value };
      if (second !== undefined && second !== first) {
        const b = await analyzerFor(second);
        const c = b.ok ? (await b.value.analyze([p.value.gridded]))[0] : b;
        if (c.ok) detail.compare = c.value;
        else detail.compareError = `${second}: ${c.error.code}: ${c.error.message}`;
      }
      return ok(detail);
    } catch (e) {
      return fail(internalError(e, `analysing spectrum ${index} of ${fileName}`));
    }
  }

  return { analyzeFile, detail };
}
