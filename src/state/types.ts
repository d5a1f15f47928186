/** Shapes held by the app store (src/state/store.ts). */
import type { SpectrumResult } from '../core/result/spectrumResult.ts';
import type { InputError, ModelFamily, SpectralClass } from '../core/types.ts';
import type { Backend, BackendChoice, BackendProbe, BackendPlan } from '../platform/backend.ts';
import type { SpectrumDetail } from '../worker/protocol.ts';

/** Which networks the user asked for: one family, or both (the table then shows the encoder's answers). */
export type ModelChoice = 'encoder' | 'unet' | 'both';

/** One line of the results table: an analysed spectrum, or a spectrum/file that failed. */
export interface ResultRow {
  /** spectrumKey(fileName, index, id) for spectra; 'file:<fileId>' for a file that could not be opened. */
  key: string;
  /** Id of the dropped file in this session; undefined for rows restored from the last session. */
  fileId: number | undefined;
  /**
   * The answer shown, as exports see it (file name, index, id, meta, class,
   * z, χ², R, flags, error): the chosen family's (the encoder's with both),
   * or while that family has not answered yet, the other's (row.family says which).
   */
  row: SpectrumResult;
  /** Every family's answer received so far. */
  answers: Partial<Record<ModelFamily, SpectrumResult>>;
  /**
   * Both families answered and disagree: another class, or |Δz|/(1+z) above
   * the GF threshold of the class (3e-4 STAR/GALAXY, 3e-3 QSO). undefined
   * unless both gave an answer.
   */
  disagree?: boolean;
  /** The whole file failed (no spectrum index). */
  fileLevel: boolean;
  /** Reduced χ² of the best class (NaN for errors): precomputed for sorting. */
  chi2Best: number;
}

export type FileStatus = 'queued' | 'running' | 'done' | 'error' | 'cancelled';

export interface FileEntry {
  fileId: number;
  name: string;
  status: FileStatus;
  format?: string;
  /** Spectra in the file, once opened. */
  count?: number;
  error?: InputError;
}

export interface Progress {
  filesTotal: number;
  filesDone: number;
  /** Files opened (their spectrum count is known). */
  filesOpened: number;
  /** Files that could not be opened at all. */
  filesFailed: number;
  /** Spectra in the files opened so far. */
  spectraKnown: number;
  /** Spectra analysed or failed. */
  spectraDone: number;
  /** Failed spectra and files. */
  errors: number;
  /** performance.now() of the batch start; undefined when idle. */
  startedAt: number | undefined;
  /** performance.now() when the last file finished. */
  finishedAt: number | undefined;
  running: boolean;
  /** Sum over this run's batches of worker wall time (ms) and the spectra analysed in them. */
  workerMs: number;
  workerSpectra: number;
}

export interface BackendState {
  choice: BackendChoice;
  probe: BackendProbe | undefined;
  plan: BackendPlan | undefined;
  status: 'idle' | 'starting' | 'ready' | 'error';
  /** What the workers reported once set up. */
  active: { backend: Backend; threads: number; workers: number; initMs: number } | undefined;
  error: string | undefined;
}

export type SortKey = 'file' | 'index' | 'id' | 'class' | 'z' | 'zErr' | 'unet' | 'chi2' | 'robustness' | 'flags' | 'qop' | 'comment' | 'truthClass' | 'truthZ' | 'outlier';
export type SortDir = 'asc' | 'desc';

export interface RowFilter {
  /** Classes shown; 'error' covers failed rows. Empty = all. */
  classes: Array<SpectralClass | 'error'>;
  zMin: number | undefined;
  zMax: number | undefined;
  /** Show rows whose best reduced χ² is at least this. */
  chi2Min: number | undefined;
  /** Show rows whose R is below this (unique counts as infinite). */
  robustnessMax: number | undefined;
  /** Only rows with at least one anomaly flag. */
  flaggedOnly: boolean;
  /** Only rows carrying this anomaly flag (e.g. 'second-redshift'); undefined = any. */
  flag: string | undefined;
  /** Only rows where the two model families disagree (see ResultRow.disagree). */
  disagreeOnly: boolean;
  /** 'any', 'none' (no QOP set) or a QOP value. */
  qop: 'any' | 'none' | 1 | 2 | 3 | 4 | 6;
  /** Show rows whose outlier score (LOF within the class) is at least this. */
  outlierMin?: number;
  /** Only these rows (a selection drawn on the anomaly map); undefined = all. */
  keys?: ReadonlySet<string>;
}

export type DetailState =
  | { status: 'none' }
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; detail: SpectrumDetail }
  | { status: 'error'; key: string; message: string };
