/**
 * One call per stage, in the order of the method: preprocess → reconstruct
 * (one batched network run per class) → χ² scan per class → minima and R →
 * class → flags. Reads like Redrock's zfind.
 */
import { N_INPUT } from '../grid/modelGrid.ts';
import type { ModelEntry } from '../inference/manifest.ts';
import { preprocess } from '../preprocess/preprocess.ts';
import { CLASSES, fail, ok, type GriddedSpectrum, type ModelFamily, type Result, type SpectralClass } from '../types.ts';
import { createChi2Scanner, type Chi2Scanner } from './chi2Fft.ts';
import { classScan, dofOf } from './classScan.ts';
import { anomalyFlags, resolveFlagOptions } from './flags.ts';
import { loadPffft } from './pffft.ts';
import { DEFAULT_RANKED_MINIMA, deltaChi2ToNext, rankedMinima } from './rankedMinima.ts';
import { secondRedshift } from './secondRedshift.ts';
import { Z_ERR_SCALE } from './zErr.ts';
import type { OutputGridSpec } from './redshift.ts';
import type { AnalysisResult, ClassScan, FlagOptions, Preprocessed, Reconstruction } from './types.ts';

/** What the pipeline needs of a network (src/core/inference builds these over onnxruntime). */
export interface ReconstructorLike {
  entry: ModelEntry;
  /** F: [batch·4076] → one reconstruction per spectrum. */
  run(F: Float32Array, batch: number): Promise<Reconstruction[]>;
}

export interface AnalyzerOptions {
  flags?: FlagOptions;
  /** @default 3 — minima listed per class in `rankedMinima`. */
  rankedMinima?: number;
}

export interface Analyzer {
  family: ModelFamily;
  /** One result per input spectrum, in order; a spectrum that cannot be analysed gets its reason. */
  analyze(batch: readonly GriddedSpectrum[]): Promise<Result<AnalysisResult>[]>;
  /**
   * Load the FFT module and run each network once on a blank input (output discarded), so the
   * first real spectrum is not charged for one-off set-up in the times people see.
   */
  warmUp?(): Promise<void>;
}

export function createAnalyzer(reconstructors: Record<SpectralClass, ReconstructorLike>, options: AnalyzerOptions = {}): Analyzer {
  const family = reconstructors.STAR.entry.family;
  const flagOptions = resolveFlagOptions(options.flags, family);
  const nRanked = options.rankedMinima ?? DEFAULT_RANKED_MINIMA;
  const zErrScale = { ...Z_ERR_SCALE[family] };
  const grids = {} as Record<SpectralClass, OutputGridSpec>;
  for (const cls of CLASSES) grids[cls] = reconstructors[cls].entry.outputGrid;
  let scanner: Chi2Scanner | undefined; // made on first use: the FFT module loads asynchronously

  async function analyze(batch: readonly GriddedSpectrum[]): Promise<Result<AnalysisResult>[]> {
    const pre = batch.map((g) => preprocess(g));
    const good: number[] = [];
    pre.forEach((p, i) => p.ok && good.push(i));
    const out: Result<AnalysisResult>[] = pre.map((p) => (p.ok ? fail({ code: 'internal', message: 'not analysed' }) : p));
    if (good.length === 0) return out;
    scanner ??= createChi2Scanner(await loadPffft());
    const sc = scanner;

    const F = new Float32Array(good.length * N_INPUT);
    good.forEach((i, b) => F.set((pre[i] as { ok: true; value: Preprocessed }).value.F, b * N_INPUT));
    const recon = {} as Record<SpectralClass, Reconstruction[]>;
    for (const cls of CLASSES) recon[cls] = await reconstructors[cls].run(F, good.length);

    good.forEach((i, b) => {
      const p = (pre[i] as { ok: true; value: Preprocessed }).value;
      const perClass = {} as Record<SpectralClass, Reconstruction>;
      for (const cls of CLASSES) perClass[cls] = recon[cls][b];
      out[i] = scanOne(sc, p, perClass);
    });
    return out;
  }

  function scanOne(scanner: Chi2Scanner, p: Preprocessed, recon: Record<SpectralClass, Reconstruction>): Result<AnalysisResult> {
    scanner.setSpectrum(p.F, p.w);
    const scans = {} as Record<SpectralClass, ClassScan>;
    const chi2 = {} as Record<SpectralClass, number>;
    const zByClass = {} as Record<SpectralClass, number>;
    for (const cls of CLASSES) {
      const R = recon[cls].values;
      const S = scanner.scan(R);
      const scan = classScan(cls, S, p.nGood, grids[cls], flagOptions.edgePixels, (s) => scanner.exact(R, s));
      scans[cls] = scan;
      chi2[cls] = scan.minima[0]?.chi2 ?? Number.NaN;
      zByClass[cls] = scan.minima[0]?.z ?? Number.NaN;
    }
    const best = CLASSES.filter((c) => Number.isFinite(chi2[c])).sort((a, b) => chi2[a] - chi2[b])[0];
    if (best === undefined) {
      return fail({ code: 'not-finite', message: 'the χ² scan gave no finite value: the spectrum has non-finite weights or flux' });
    }
    const robustness = scans[best].robustness;
    const ranked = rankedMinima(scans, grids, dofOf(p.nGood), zErrScale, Math.max(nRanked, 1));
    const zErrByClass = {} as Record<SpectralClass, number>;
    for (const cls of CLASSES) zErrByClass[cls] = ranked[cls][0]?.zErr ?? Number.NaN;
    const deltaChi2 = deltaChi2ToNext(ranked, zByClass[best]);
    const second = secondRedshift(p, recon[best].values, scans[best].minima[0].shift, zByClass[best], best);
    const flags = anomalyFlags(
      { best, chi2, robustness, atEdge: scans[best].atEdge, nGood: p.nGood, deltaChi2, secondZSnr: second?.snr },
      flagOptions,
    );
    return ok({
      family,
      cls: best,
      z: zByClass[best],
      robustness,
      chi2,
      zByClass,
      zErr: zErrByClass[best],
      zErrByClass,
      zErrScale,
      rankedMinima: ranked,
      deltaChi2,
      secondRedshift: second,
      flags,
      nGood: p.nGood,
      scans,
      preprocessed: p,
      reconstructions: recon,
    });
  }

  async function warmUp(): Promise<void> {
    scanner ??= createChi2Scanner(await loadPffft());
    for (const cls of CLASSES) await reconstructors[cls].run(new Float32Array(N_INPUT), 1);
  }

  return { family, analyze, warmUp };
}
