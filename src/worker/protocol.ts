/**
 * Messages between the UI thread and an analysis worker. Both directions are
 * unions discriminated on `type`. Only plain objects and typed arrays cross
 * (structured clone); no exception crosses: failures travel as `InputError`
 * values with the core's codes.
 */
import type { FrameCorrection } from '../core/grid/velocityFrame.ts';
import type { FrameOverride } from '../core/prepareSpectrum.ts';
import type { SpectrumResult } from '../core/result/spectrumResult.ts';
import type { AnalysisResult, FlagOptions } from '../core/scan/types.ts';
import type { GriddedSpectrum, InputError, ModelFamily, Spectrum } from '../core/types.ts';
import type { Backend } from '../platform/backend.ts';

/** How a worker sets itself up (sent once, first). */
export interface WorkerConfig {
  backend: Backend;
  /** ORT WASM threads (1 unless the page is cross-origin isolated). */
  threads: number;
  /** Absolute URL of the app's base (ends with '/'): models/ and ort/ live under it. */
  baseUrl: string;
  /** The family opened during set-up (before 'ready'); the others are opened when a request first names them. */
  family: ModelFamily;
  /** Spectra per network batch. */
  batchSize: number;
  flags?: FlagOptions;
  /** The WASM runtime compiled once by the page (sharedRuntime.ts); absent: the worker loads it itself. */
  ortWasm?: WebAssembly.Module;
  /**
   * The page is still compiling the runtime: it follows in a 'runtime' message, and the worker
   * prepares what needs no runtime (manifest, model bytes, the analysis code) meanwhile.
   */
  ortWasmFollows?: boolean;
}

/** One analysed spectrum in full, for the view: the same numbers as its row, plus curves and arrays. */
export interface SpectrumDetail {
  fileName: string;
  /** Index of the spectrum within its file. */
  index: number;
  /** The spectrum as the adapter read it (original wavelengths, flux units). */
  spectrum: Spectrum;
  /** The spectrum on the 4076-pixel model input grid. */
  gridded: GriddedSpectrum;
  /** The analysis by the family whose answers the table shows (the encoder's when both are on). */
  result: AnalysisResult;
  /** Compare view (both families on): the other family's analysis of the same spectrum. */
  compare?: AnalysisResult;
  /** Why `compare` is missing although it was asked for (e.g. the UNet files could not be fetched). */
  compareError?: string;
  /** From the measured z (`result.z`) to the reported one, as in the row (core/grid/velocityFrame.ts). */
  correction?: FrameCorrection;
  /** How the instrument was treated, as in the row (e.g. 'SDSS', '2dF'). */
  instrument?: string;
}

/** A spectrum (or, with index undefined, a whole file) that could not be analysed. */
export interface SpectrumFailure {
  fileId: number;
  fileName: string;
  /** undefined when the file itself could not be opened. */
  index: number | undefined;
  id?: string;
  /** The family that failed; undefined when the file itself could not be opened (every family fails). */
  family?: ModelFamily;
  error: InputError;
}

/**
 * The spectra of a file one 'analyze' request covers: `start` ≤ index < `end`. A multi-spectrum file
 * is cut into such ranges by the pool, each read lazily from the same Blob by whichever worker gets it.
 */
export interface SpectrumRange {
  start: number;
  end: number;
}

export type WorkerRequest =
  | { type: 'init'; config: WorkerConfig }
  /** After an 'init' with ortWasmFollows: the compiled runtime (absent: compiling failed, the worker loads it itself). */
  | { type: 'runtime'; ortWasm?: WebAssembly.Module }
  | {
      type: 'analyze';
      jobId: number;
      fileId: number;
      file: Blob;
      fileName: string;
      families: ModelFamily[];
      override?: FrameOverride;
      /** Only these spectra (no 'opened' is sent: the pool knows the file already). */
      range?: SpectrumRange;
      /** Without `range`: analyse only the first `splitAt` spectra; the pool sends the rest as ranges to every worker. */
      splitAt?: number;
    }
  | { type: 'detail'; requestId: number; fileId: number; file: Blob; fileName: string; index: number; families: ModelFamily[]; override?: FrameOverride }
  | { type: 'cancel'; jobId: number }
  /** Liveness check: answered at once with 'pong' (the pool replaces a worker that stops answering). */
  | { type: 'ping'; id: number };

export type WorkerResponse =
  | { type: 'ready'; backend: Backend; threads: number; initMs: number }
  | { type: 'init-failed'; error: InputError }
  | { type: 'opened'; jobId: number; fileId: number; format: string; count: number }
  | {
      type: 'results';
      jobId: number;
      fileId: number;
      /** Analysed spectra of this file (the result contract, core/result). */
      rows: SpectrumResult[];
      failures: SpectrumFailure[];
      /** Wall time spent on these spectra (read + grid + networks + scan), ms. */
      ms: number;
      /** The request's range start, when it had a range. */
      start?: number;
    }
  | { type: 'file-done'; jobId: number; fileId: number; cancelled: boolean; start?: number }
  /** Several messages posted at once (one network batch spans many files): one message event instead of dozens. */
  | { type: 'many'; messages: WorkerResponse[] }
  | { type: 'detail'; requestId: number; detail: SpectrumDetail }
  | { type: 'detail-error'; requestId: number; error: InputError }
  | { type: 'pong'; id: number };

/** The `error` of a message that failed in an unexpected way (a bug, or a runtime failure). */
export function internalError(e: unknown, what: string): InputError {
  const text = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: `${what}: ${text}. Reload the page; if it persists, report it with the file.` };
}
