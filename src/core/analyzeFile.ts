/**
 * A whole file through the pipeline: read each spectrum, put it on the model
 * grid, analyse in batches, and yield one outcome per spectrum as soon as its
 * batch is done. Shared by the worker, the CLI, the evaluation and the benchmark.
 */
import type { OpenedSpectra } from './formats/types.ts';
import type { FrameCorrection } from './grid/velocityFrame.ts';
import type { InstrumentProfile } from './preprocess/instrumentProfile.ts';
import { prepareSpectrum, type PrepareOptions } from './prepareSpectrum.ts';
import { failedResult, toSpectrumResult, type SpectrumResult } from './result/spectrumResult.ts';
import type { Analyzer } from './scan/pipeline.ts';
import type { AnalysisResult } from './scan/types.ts';
import type { GriddedSpectrum, InputError, ModelFamily, Result, Spectrum } from './types.ts';

export interface SpectrumOutcome {
  index: number;
  /** Undefined when the spectrum could not even be read. */
  spectrum?: Spectrum;
  gridded?: GriddedSpectrum;
  result: Result<AnalysisResult, InputError>;
  /**
   * From the redshift measured on the file's (vacuum) wavelengths to the reported frame
   * (barycentric, CMB): present whenever the spectrum was read.
   */
  correction?: FrameCorrection;
  /** How the spectrum's instrument was treated (present whenever it reached the model grid). */
  profile?: InstrumentProfile;
  /** Mean wall time per spectrum of its batch (reading, gridding, analysis), ms. */
  ms: number;
}

export interface AnalyzeFileOptions {
  /** @default 64 — spectra per network batch. */
  batchSize?: number;
  /** Checked between batches; return true to stop early. */
  cancelled?: () => boolean;
  /** @default Date.now — a millisecond clock (pass performance.now for sub-ms times). */
  clock?: () => number;
  /** The user's frame / instrument choices for this file, and the profile hook of the ablation tool. */
  prepare?: PrepareOptions;
  /**
   * Analyse in reused memory (AnalyzeOptions.transient): each outcome's curves and network input are
   * valid only until the next batch is analysed — for a consumer that reads every outcome as it comes.
   */
  transient?: boolean;
}

export async function* analyzeFile(
  opened: OpenedSpectra,
  analyzers: readonly Analyzer[],
  options: AnalyzeFileOptions = {},
): AsyncGenerator<SpectrumOutcome & { family: Analyzer['family'] }> {
  const { batchSize = 64, cancelled = () => false, clock = Date.now } = options;
  for (let start = 0; start < opened.count; start += batchSize) {
    if (cancelled()) return;
    const end = Math.min(start + batchSize, opened.count);
    const t0 = clock();
    const pending: Omit<SpectrumOutcome, 'ms'>[] = [];
    const gridded: GriddedSpectrum[] = [];
    /** pending index → position in the analysed batch, −1 when it failed before analysis. */
    const batchIndex: number[] = [];
    for (let i = start; i < end; i++) {
      const read = await opened.read(i);
      if (!read.ok) {
        pending.push({ index: i, result: read });
        batchIndex.push(-1);
        continue;
      }
      const g = prepareSpectrum(read.value, options.prepare);
      if (!g.ok) {
        pending.push({ index: i, spectrum: read.value, result: g });
        batchIndex.push(-1);
        continue;
      }
      batchIndex.push(gridded.length);
      gridded.push(g.value.gridded);
      const { correction, profile, frame } = g.value;
      pending.push({ index: i, spectrum: { ...read.value, frame }, gridded: g.value.gridded, correction, profile, result: { ok: false, error: { code: 'internal', message: 'pending' } } });
    }
    const readMs = clock() - t0;
    for (const analyzer of analyzers) {
      const t1 = clock();
      const results = gridded.length ? await analyzer.analyze(gridded, { transient: options.transient === true }) : [];
      const ms = (readMs + clock() - t1) / pending.length;
      for (let p = 0; p < pending.length; p++) {
        const b = batchIndex[p];
        yield { ...pending[p], ms, family: analyzer.family, result: b >= 0 ? results[b] : pending[p].result };
      }
    }
  }
}

/** An outcome as the result contract (a failure keeps the id when the spectrum was read). */
export function resultOf(fileName: string, o: SpectrumOutcome & { family: ModelFamily }): SpectrumResult {
  const ident = { fileName, index: o.index, spectrumId: o.spectrum?.id ?? '' };
  if (!o.result.ok) return { ...failedResult(ident, o.family, o.result.error, o.spectrum?.meta), ms: o.ms };
  return toSpectrumResult(ident, o.spectrum!, o.result.value, o.ms, o.correction, o.profile);
}
