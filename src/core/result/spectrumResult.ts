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
import { correctRedshift, type FrameCorrection } from '../grid/velocityFrame.ts';
import type { AnalysisResult, AnomalyFlag } from '../scan/types.ts';
import type { InputError, ModelFamily, SpectralClass, Spectrum, SpectrumMeta, WavelengthFrame } from '../types.ts';

/** Which spectrum an answer is about: its file, its index there and its own id. */
export interface SpectrumIdent {
  fileName: string;
  /** Index of the spectrum within its file (0-based). */
  index: number;
  /** The spectrum's own id, e.g. 'spec-0375-52140-0356' ('' for a file that could not be opened). */
  spectrumId: string;
}

/**
 * The analysis scalars every output carries, named and documented as on AnalysisResult. A new
 * scalar there is one more name here: the worker, the store, saved sessions and the JSON export
 * then carry it; the CSV/FITS columns and the command line name it in their mappers.
 */
export const RESULT_SCALARS = [
  'cls',
  'z',
  'chi2',
  'zByClass',
  'robustness',
  'nGood',
  'estimator',
  'zErr',
  'zErrByClass',
  'zErrScale',
  'rankedMinima',
  'deltaChi2',
  'secondRedshift',
  'coefficients',
] as const;
export type ResultScalar = (typeof RESULT_SCALARS)[number];

/** One analysed (or failed) spectrum by one model family. The scalars are absent when `error` is set. */
export interface SpectrumResult extends SpectrumIdent, Partial<Pick<AnalysisResult, ResultScalar>> {
  meta: SpectrumMeta;
  family: ModelFamily;
  /** Anomaly flags (strings, as rows restored from an older session may carry unknown ones). */
  flags: Array<AnomalyFlag | string>;
  /** Wall time per spectrum of its batch (read, grid, networks, scan), ms; absent on restored rows. */
  ms?: number;
  /** Oddities the reader noted (untrusted text). */
  issues?: string[];
  /** Why the spectrum could not be analysed, `code: message` (untrusted text may be inside). */
  error?: string;
  /**
   * The redshift measured on the file's wavelengths (after air→vacuum). `z`, `zByClass`, the ranked
   * minima and z₂ are in the frame of `correction` (barycentric, CMB); equal to `zObs` when none applied.
   */
  zObs?: number;
  /** What the wavelengths were taken to be (the file's frame, or the user's override). */
  frame?: Pick<WavelengthFrame, 'medium' | 'mediumFrom' | 'velocity' | 'velocityFrom' | 'instrument'>;
  /** The velocity-frame correction from zObs to z. */
  correction?: FrameCorrection;
  /** How the instrument was treated (preprocess/instrumentProfile.ts), e.g. 'SDSS', 'DESI', '2dF'. */
  instrument?: string;
  /**
   * Local Outlier Factor of the spectrum's coefficients among the batch's spectra of its class
   * (core/anomaly/batchOutliers.ts): a batch-level quantity, set over the batch (the app's, the CLI's
   * run), absent until then. ≈ 1 inside a cluster, larger further out.
   */
  outlier?: number;
}

/** A scalar copied (per-class records too, so a later change to the analysis cannot reach the row). */
function copyScalar<K extends ResultScalar>(out: SpectrumResult, a: AnalysisResult, k: K): void {
  const v = a[k];
  out[k] = (k === 'coefficients' && v ? copyCode(v as Record<SpectralClass, number[]>) : v !== null && typeof v === 'object' ? { ...v } : v) as SpectrumResult[K];
}

const copyCode = (c: Record<SpectralClass, number[]>): Record<SpectralClass, number[]> => ({ STAR: c.STAR.slice(), GALAXY: c.GALAXY.slice(), QSO: c.QSO.slice() });

/**
 * The result of an analysed spectrum. With a velocity-frame `correction` every redshift it carries is
 * moved to the corrected frame and the measured one kept as `zObs`; `profile` names the instrument model.
 */
export function toSpectrumResult(
  ident: SpectrumIdent,
  spectrum: Spectrum,
  a: AnalysisResult,
  ms?: number,
  correction?: FrameCorrection,
  profile?: { name: string },
): SpectrumResult {
  const out: SpectrumResult = { ...ident, meta: spectrum.meta, family: a.family, flags: a.flags.slice() };
  for (const k of RESULT_SCALARS) copyScalar(out, a, k);
  if (ms !== undefined) out.ms = ms;
  if (spectrum.issues && spectrum.issues.length > 0) out.issues = spectrum.issues.slice();
  const f = spectrum.frame;
  out.frame = { medium: f.medium, mediumFrom: f.mediumFrom, velocity: f.velocity, velocityFrom: f.velocityFrom, ...(f.instrument !== undefined && { instrument: f.instrument }) };
  if (profile) out.instrument = profile.name;
  out.zObs = a.z;
  if (correction) {
    out.correction = { ...correction };
    if (correction.factor !== 1) applyCorrection(out, correction);
  }
  return out;
}

/** Every redshift of `r` moved by the frame correction (zObs stays as measured). */
function applyCorrection(r: SpectrumResult, c: FrameCorrection): void {
  const zc = (z: number) => correctRedshift(z, c);
  if (r.z !== undefined) r.z = zc(r.z);
  if (r.zByClass) r.zByClass = { STAR: zc(r.zByClass.STAR), GALAXY: zc(r.zByClass.GALAXY), QSO: zc(r.zByClass.QSO) };
  if (r.rankedMinima) {
    const m = r.rankedMinima;
    r.rankedMinima = { STAR: m.STAR.map((x) => ({ ...x, z: zc(x.z) })), GALAXY: m.GALAXY.map((x) => ({ ...x, z: zc(x.z) })), QSO: m.QSO.map((x) => ({ ...x, z: zc(x.z) })) };
  }
  if (r.secondRedshift) r.secondRedshift = { ...r.secondRedshift, z2: zc(r.secondRedshift.z2) };
}

/** The result of a spectrum (or, with spectrumId '', a whole file) that could not be analysed. */
export function failedResult(ident: SpectrumIdent, family: ModelFamily, error: InputError, meta?: SpectrumMeta): SpectrumResult {
  return { ...ident, meta: meta ?? { format: '' }, family, flags: [], error: `${error.code}: ${error.message}` };
}

/** Reduced χ² of the best class; NaN when the spectrum failed. */
export function bestChi2(r: Pick<SpectrumResult, 'cls' | 'chi2'>): number {
  return r.cls !== undefined && r.chi2 ? r.chi2[r.cls] : Number.NaN;
}
