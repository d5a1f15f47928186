/**
 * One call per stage, in the order of the method: preprocess → reconstruct
 * (one batched network run per class) → χ² scan per class → minima and R →
 * class → flags. Reads like Redrock's zfind.
 */
import { N_INPUT } from '../grid/modelGrid.ts';
import type { ModelEntry } from '../inference/manifest.ts';
import { preprocess, type PreprocessOutputs } from '../preprocess/preprocess.ts';
import { applyInstrumentMasks } from '../preprocess/instrumentMask.ts';
import { CLASSES, fail, ok, type GriddedSpectrum, type InputError, type ModelFamily, type Result, type SpectralClass } from '../types.ts';
import { createChi2Scanner, type Chi2Scanner } from './chi2Fft.ts';
import { classScan, dofOf } from './classScan.ts';
import { createEigenFitter, type EigenFitter } from './eigenFit.ts';
import type { Estimator } from '../preprocess/instrumentProfile.ts';
import { EIGENFIT_FLAG_DEFAULTS, anomalyFlags, resolveFlagOptions } from './flags.ts';
import { loadPffft } from './pffft.ts';
import { DEFAULT_RANKED_MINIMA, deltaChi2ToNext, rankedMinima } from './rankedMinima.ts';
import type { OutputGridSpec } from './redshift.ts';
import { secondRedshift } from './secondRedshift.ts';
import type { AnalysisResult, ClassScan, FlagOptions, Preprocessed, Reconstruction } from './types.ts';
import { Z_ERR_SCALE } from './zErr.ts';

/** What the pipeline needs of a network (src/core/inference builds these over onnxruntime). */
export interface ReconstructorLike {
  entry: ModelEntry;
  /** F: [batch·4076] → one reconstruction per spectrum. */
  run(F: Float32Array, batch: number): Promise<Reconstruction[]>;
}

export interface AnalyzerOptions {
  flags?: FlagOptions;
  /** Encoders' eigenspectra per class: enables the eigenspectrum-fit estimator (eigenFit.ts). */
  eigenspectra?: Record<SpectralClass, readonly Float32Array[]>;
  /** Or where to get them, asked only when the first spectrum needs the fit (the worker fetches them). */
  loadEigenspectra?: () => Promise<Result<Record<SpectralClass, readonly Float32Array[]>>>;
  /** @default 3 — minima listed per class in `rankedMinima`. */
  rankedMinima?: number;
}

export interface AnalyzeOptions {
  /**
   * The results' large arrays (χ² curves, network input) may live in memory the analyzer reuses: they
   * are valid only until the next transient call. For a caller that reads each batch's results
   * before asking for the next (the worker's batcher), it spares the browser ~150 kB of fresh
   * ArrayBuffer memory per spectrum, which costs there some 25–35 µs per 4 kB page touched
   * (e2e/benchFreshMemory.mjs; docs/throughput.md).
   */
  transient?: boolean;
}

export interface Analyzer {
  family: ModelFamily;
  /** One result per input spectrum, in order; a spectrum that cannot be analysed gets its reason. */
  analyze(batch: readonly GriddedSpectrum[], options?: AnalyzeOptions): Promise<Result<AnalysisResult>[]>;
  /**
   * Load the FFT module and run each network once on a blank input (output discarded), so the
   * first real spectrum is not charged for one-off set-up in the times people see.
   */
  warmUp?(): Promise<void>;
}

/**
 * The network input of a gridded spectrum: the instrument's masks before the continuum fit, and its
 * systematic floor on the weights after. Exported so a kept analysis can be shown without keeping its input.
 */
const MASK_WORK = { ivar: new Float32Array(N_INPUT), noData: new Uint8Array(N_INPUT) };

export function preprocessGridded(g: GriddedSpectrum, into?: PreprocessOutputs): Result<Preprocessed> {
  const profile = g.profile;
  // The masked copy only feeds preprocess, which keeps none of it: written into reused arrays.
  const pre = preprocess(profile ? applyInstrumentMasks(g, profile.masks, MASK_WORK) : g, into ? { into } : {});
  if (!pre.ok || !profile || !(profile.weightFloor > 0)) return pre;
  const f2 = profile.weightFloor * profile.weightFloor;
  // A plain loop: TypedArray.from with a map function calls it through the builtin, ~30× slower.
  const src = pre.value.w;
  const w = new Float32Array(src.length);
  for (let k = 0; k < src.length; k++) {
    const x = src[k];
    w[k] = x > 0 ? 1 / (1 / x + f2) : 0;
  }
  return ok({ ...pre.value, w });
}

/**
 * With the eigenspectrum fit, each class's reconstruction is the fit at its best shift,
 * Σ c_j E_j, so the plots show what the χ² measured; coefficients are the fitted c_j (amplitude 1).
 */
function fittedReconstructions(
  f: Record<SpectralClass, EigenFitter>,
  p: Preprocessed,
  d: Decision,
  encoder: Record<SpectralClass, Reconstruction>,
): Record<SpectralClass, Reconstruction> {
  const out = { ...encoder };
  for (const cls of CLASSES) {
    const m = d.scans[cls].minima[0];
    if (!m) continue;
    const { coefficients } = f[cls].exact(p.F, p.w, Math.round(m.shift));
    out[cls] = { values: f[cls].combine(coefficients), coefficients: new Float32Array(coefficients), amplitude: 1 };
  }
  return out;
}

/** Each class's 10 normalised ω and amplitude A from the encoder's run; undefined when the network gives none (UNet). */
function encoderCode(recon: Record<SpectralClass, Reconstruction>): Record<SpectralClass, number[]> | undefined {
  const out = {} as Record<SpectralClass, number[]>;
  for (const cls of CLASSES) {
    const { coefficients, amplitude } = recon[cls];
    if (!coefficients || amplitude === undefined) return undefined;
    out[cls] = [...coefficients, amplitude];
  }
  return out;
}

/** One estimator's answer: per-class scans and, when any class gave a finite χ², the best class. */
interface Decision {
  scans: Record<SpectralClass, ClassScan>;
  chi2: Record<SpectralClass, number>;
  zByClass: Record<SpectralClass, number>;
  best?: SpectralClass;
}

export function createAnalyzer(reconstructors: Record<SpectralClass, ReconstructorLike>, options: AnalyzerOptions = {}): Analyzer {
  const family = reconstructors.STAR.entry.family;
  const flagOptions = resolveFlagOptions(options.flags, family);
  // The eigenspectrum fit is more flexible than the encoder, so its classes and minima lie closer:
  // its own defaults (docs/instruments.md), unless the caller set a threshold explicitly.
  const fitFlagOptions = resolveFlagOptions({ ...EIGENFIT_FLAG_DEFAULTS, ...options.flags }, family);
  const nRanked = options.rankedMinima ?? DEFAULT_RANKED_MINIMA;
  const zErrScale = { ...Z_ERR_SCALE[family] };
  const grids = {} as Record<SpectralClass, OutputGridSpec>;
  for (const cls of CLASSES) grids[cls] = reconstructors[cls].entry.outputGrid;
  let scanner: Chi2Scanner | undefined; // made on first use: the FFT module loads asynchronously
  let fitters: Record<SpectralClass, EigenFitter> | undefined;
  const pool = reusedMemory();

  async function analyze(batch: readonly GriddedSpectrum[], analyzeOptions: AnalyzeOptions = {}): Promise<Result<AnalysisResult>[]> {
    // A transient call while another is still running (awaiting the networks) gets fresh memory.
    const mem = analyzeOptions.transient && !pool.busy ? pool : undefined;
    if (mem) mem.busy = true;
    try {
      return await analyzeIn(batch, mem);
    } finally {
      if (mem) mem.busy = false;
    }
  }

  async function analyzeIn(batch: readonly GriddedSpectrum[], mem: ReusedMemory | undefined): Promise<Result<AnalysisResult>[]> {
    const pre = batch.map((g, i) => preprocessGridded(g, mem?.preprocessed(i)));
    const good: number[] = [];
    pre.forEach((p, i) => p.ok && good.push(i));
    const out: Result<AnalysisResult>[] = pre.map((p) => (p.ok ? fail({ code: 'internal', message: 'not analysed' }) : p));
    if (good.length === 0) return out;
    scanner ??= createChi2Scanner(await loadPffft());
    const sc = scanner;
    // The eigenspectra and the fitters' transforms (65 per class) only once a spectrum needs them.
    let fitError: InputError | undefined;
    if (!fitters && batch.some((g) => g.profile?.estimator === 'eigenfit')) {
      const e = options.eigenspectra ? ok(options.eigenspectra) : options.loadEigenspectra ? await options.loadEigenspectra() : undefined;
      if (e?.ok) {
        const m = await loadPffft();
        fitters = { STAR: createEigenFitter(m, e.value.STAR), GALAXY: createEigenFitter(m, e.value.GALAXY), QSO: createEigenFitter(m, e.value.QSO) };
      } else if (e) fitError = e.error; // those spectra fail with the reason; the next batch asks again
    }

    const F = mem ? mem.input(good.length * N_INPUT) : new Float32Array(good.length * N_INPUT);
    good.forEach((i, b) => F.set((pre[i] as { ok: true; value: Preprocessed }).value.F, b * N_INPUT));
    const recon = {} as Record<SpectralClass, Reconstruction[]>;
    for (const cls of CLASSES) recon[cls] = await reconstructors[cls].run(F, good.length);

    good.forEach((i, b) => {
      const p = (pre[i] as { ok: true; value: Preprocessed }).value;
      const perClass = {} as Record<SpectralClass, Reconstruction>;
      for (const cls of CLASSES) perClass[cls] = recon[cls][b];
      const estimator = batch[i].profile?.estimator ?? 'encoder';
      out[i] = estimator === 'eigenfit' && fitError ? fail(fitError) : scanOne(sc, p, perClass, estimator, mem && ((cls, n) => mem.curve(i, cls, n)));
    });
    return out;
  }

  /** Each class's scan from its χ² sums, then the best class (one estimator). */
  function decide(nGood: number, sums: (cls: SpectralClass) => { S: Float64Array; exact: (s: number) => number }): Decision {
    const scans = {} as Record<SpectralClass, ClassScan>;
    const chi2 = {} as Record<SpectralClass, number>;
    const zByClass = {} as Record<SpectralClass, number>;
    for (const cls of CLASSES) {
      const { S, exact } = sums(cls);
      const scan = classScan(cls, S, nGood, grids[cls], flagOptions.edgePixels, exact);
      scans[cls] = scan;
      chi2[cls] = scan.minima[0]?.chi2 ?? Number.NaN;
      zByClass[cls] = scan.minima[0]?.z ?? Number.NaN;
    }
    const best = CLASSES.filter((c) => Number.isFinite(chi2[c])).sort((a, b) => chi2[a] - chi2[b])[0];
    return { scans, chi2, zByClass, best };
  }

  function scanOne(
    scanner: Chi2Scanner,
    p: Preprocessed,
    encoderRecon: Record<SpectralClass, Reconstruction>,
    estimator: Estimator,
    curveMemory?: (cls: SpectralClass, n: number) => Float64Array,
  ): Result<AnalysisResult> {
    let recon = encoderRecon;
    scanner.setSpectrum(p.F, p.w);
    let d = decide(p.nGood, (cls) => {
      const R = recon[cls].values;
      const n = R.length - p.F.length + 1;
      return { S: scanner.scan(R, curveMemory && n > 0 ? curveMemory(cls, n) : undefined), exact: (s) => scanner.exact(R, s) };
    });
    let used: Estimator = 'encoder';
    if (estimator === 'eigenfit' && fitters) {
      const f = fitters;
      const byFit = decide(p.nGood, (cls) => ({ S: f[cls].scan(p.F, p.w), exact: (s) => f[cls].exact(p.F, p.w, s).chi2 }));
      if (byFit.best !== undefined) {
        d = byFit;
        used = 'eigenfit';
        recon = fittedReconstructions(f, p, byFit, recon);
      }
    }
    const { best, scans, chi2, zByClass } = d;
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
      used === 'eigenfit' ? fitFlagOptions : flagOptions,
    );
    return ok({
      family,
      estimator: used,
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
      coefficients: encoderCode(encoderRecon),
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

/**
 * Memory one analyzer reuses across transient calls (AnalyzeOptions.transient): the network input of
 * the batch, each spectrum's preprocessed arrays and χ² curves. Grown when a batch needs more, never
 * shrunk (a worker's batches are all the same size).
 */
interface ReusedMemory {
  busy: boolean;
  input(n: number): Float32Array;
  preprocessed(i: number): PreprocessOutputs;
  curve(i: number, cls: SpectralClass, n: number): Float64Array;
}

function reusedMemory(): ReusedMemory {
  let input = new Float32Array(0);
  const pre: PreprocessOutputs[] = [];
  const curves: Record<SpectralClass, Float64Array>[] = [];
  return {
    busy: false,
    input(n) {
      if (input.length < n) input = new Float32Array(n);
      return input.subarray(0, n);
    },
    preprocessed(i) {
      pre[i] ??= { F: new Float32Array(N_INPUT), w: new Float32Array(N_INPUT), continuum: new Float32Array(N_INPUT) };
      return pre[i];
    },
    curve(i, cls, n) {
      const mine = (curves[i] ??= { STAR: new Float64Array(0), GALAXY: new Float64Array(0), QSO: new Float64Array(0) });
      if (mine[cls].length < n) mine[cls] = new Float64Array(n);
      return mine[cls].subarray(0, n);
    },
  };
}
