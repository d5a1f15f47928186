/** The contract of an instrument adapter (one file per layout in this folder). */
import type { FitsFile } from '../fits/types.ts';
import type { Result, Spectrum } from '../types.ts';

export interface FormatAdapter {
  /** Stable id, e.g. 'sdss-spec', 'desi-coadd', 'lamost-lrs'. Goes into Spectrum.meta.format. */
  id: string;
  /** One line for people: which files this reads. */
  description: string;
  /** Detected from headers and column names, never from the file name alone. */
  match(file: FitsFile): boolean;
  /** Number of spectra in the file, from headers only (no data read). */
  count(file: FitsFile): number;
  /** Read spectrum `index` (0 ≤ index < count); multi-fibre files read one row at a time. */
  read(file: FitsFile, index: number): Promise<Result<Spectrum>>;
  /**
   * Optional: the indices (0 ≤ i < count) worth offering, when some rows are
   * not science spectra (2dF sky, broken and unallocated fibres). May read a
   * small table. Without it every index is offered.
   */
  selectRows?(file: FitsFile): Promise<Result<number[]>>;
}

/** A file opened by whichever adapter matched: spectra are read one at a time, on demand. */
export interface OpenedSpectra {
  fileName: string;
  format: string;
  count: number;
  read(index: number): Promise<Result<Spectrum>>;
  /** File-level oddities that did not stop the open (plain text). */
  issues?: readonly string[];
}
