/**
 * The scalar answer for one spectrum: the one shape that the worker posts,
 * the store keeps, the table shows, the exports write (CSV, JSON, FITS
 * table), the command line prints and the last session saves. Curves and
 * arrays stay in AnalysisResult (core/scan) and reach only the plots.
 *
 * Field names are internal; the external names live in one mapper per format:
 * export/columns.ts (CSV and FITS table), export/jsonWrite.ts (JSON export),
 * result/cliRecord.ts (command-line JSON). docs/architecture.md says how to
 * add a field.
 */
import type { AnalysisResult, AnomalyFlag } from '../scan/types.ts';
import type { InputError, ModelFamily, SpectralClass, Spectrum, SpectrumMeta } from '../types.ts';

/** Which spectrum an answer is about: its file, its index there and its own id. */
export interface SpectrumIdent {
  fileName: string;
  /** Index of the spectrum within its file (0-based). */
  index: number;
  /** The spectrum's own id, e.g. 'spec-0375-52140-0356' ('' for a file that could not be opened). */
  spectrumId: string;
}

/** One analysed (or failed) spectrum by one model family. Analysis fields are absent when `error` is set. */
export interface SpectrumResult extends SpectrumIdent {
  meta: SpectrumMeta;
  family: ModelFamily;
  /** Best class (lowest reduced χ²). */
  cls?: SpectralClass;
  /** Redshift of the best class, on the model's (vacuum) grid. */
  z?: number;
  // Frame facts go here when the scan reports them (z_obs, frame, velocity corrections).
  /** Reduced χ² at each class's best minimum. */
  chi2?: Record<SpectralClass, number>;
  /** Each class's best redshift. */
  zByClass?: Record<SpectralClass, number>;
  /** Robustness R of the best class; undefined = a single minimum ("unique"). */
  robustness?: number;
  /** Anomaly flags (strings, as rows restored from an older session may carry unknown ones). */
  flags: Array<AnomalyFlag | string>;
  /** Pixels with data and weight on the model grid. */
  nGood?: number;
  /** Wall time per spectrum of its batch (read, grid, networks, scan), ms; absent on restored rows. */
  ms?: number;
  /** Oddities the reader noted (untrusted text). */
  issues?: string[];
  /** Why the spectrum could not be analysed, `code: message` (untrusted text may be inside). */
  error?: string;
}

/** The result of an analysed spectrum. */
export function toSpectrumResult(ident: SpectrumIdent, spectrum: Spectrum, a: AnalysisResult, ms?: number): SpectrumResult {
  const out: SpectrumResult = {
    ...ident,
    meta: spectrum.meta,
    family: a.family,
    cls: a.cls,
    z: a.z,
    chi2: { ...a.chi2 },
    zByClass: { ...a.zByClass },
    robustness: a.robustness,
    flags: a.flags.slice(),
    nGood: a.nGood,
  };
  if (ms !== undefined) out.ms = ms;
  if (spectrum.issues && spectrum.issues.length > 0) out.issues = spectrum.issues.slice();
  return out;
}

/** The result of a spectrum (or, with spectrumId '', a whole file) that could not be analysed. */
export function failedResult(ident: SpectrumIdent, family: ModelFamily, error: InputError, meta?: SpectrumMeta): SpectrumResult {
  return { ...ident, meta: meta ?? { format: '' }, family, flags: [], error: `${error.code}: ${error.message}` };
}

/** Reduced χ² of the best class; NaN when the spectrum failed. */
export function bestChi2(r: Pick<SpectrumResult, 'cls' | 'chi2'>): number {
  return r.cls !== undefined && r.chi2 ? r.chi2[r.cls] : Number.NaN;
}
