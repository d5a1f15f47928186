/**
 * The network input (METHOD.md §2): subtract a degree-5 polynomial continuum,
 * divide by the RMS of what is left, and scale the inverse variance to match.
 * This must match upstream: the networks were trained on it.
 */
import { N_INPUT, upstreamInputGrid } from '../grid/modelGrid.ts';
import { isGoodPixel } from '../grid/goodPixels.ts';
import type { Preprocessed } from './types.ts';
import { fail, ok, type GriddedSpectrum, type Result } from '../types.ts';
import { createPolyFitter, type PolyFitter } from './polyfit.ts';

export interface PreprocessOptions {
  /** @default 5 — the degree that reproduces the published outputs. */
  polyDegree?: number;
  /** Write F, w and the continuum here ([N_INPUT] each) instead of new arrays (the caller's reused memory). */
  into?: PreprocessOutputs;
}

export interface PreprocessOutputs {
  F: Float32Array;
  w: Float32Array;
  continuum: Float32Array;
}

// x of the continuum fit: upstream's linspace(log10 3600, log10 9200, 4076).
const X = upstreamInputGrid();
const fitters = new Map<number, PolyFitter>();
const fitterOfDegree = (d: number) => fitters.get(d) ?? fitters.set(d, createPolyFitter(X, d)).get(d)!;
/**
 * Work arrays of one call, reused by the next (nothing here escapes a call, and a call runs to its
 * end): fresh ones per spectrum were 3 ArrayBuffers and 52 kB that a browser's GC frees one by one.
 */
const WORK = { use: new Uint8Array(N_INPUT), continuum: new Float64Array(N_INPUT), f: new Float32Array(N_INPUT) };

export function preprocess(g: GriddedSpectrum, options: PreprocessOptions = {}): Result<Preprocessed> {
  const { polyDegree = 5, into } = options;
  const { flux, ivar, noData } = g;
  if (flux.length !== N_INPUT || ivar.length !== N_INPUT) {
    throw new RangeError(`preprocess: expected ${N_INPUT} pixels, got flux ${flux.length}, ivar ${ivar.length}`);
  }
  const use = WORK.use.fill(0);
  let nGood = 0;
  for (let k = 0; k < N_INPUT; k++) {
    if (isGoodPixel(g, k)) {
      use[k] = 1;
      nGood++;
    }
  }
  if (nGood <= polyDegree + 1) {
    return fail({ code: 'too-few-pixels', message: `only ${nGood} good pixels on the model grid: too few to fit a continuum` });
  }
  const cont64 = fitterOfDegree(polyDegree)(flux, use, WORK.continuum);
  const continuum = into ? into.continuum : new Float32Array(N_INPUT);
  continuum.set(cont64); // upstream casts the continuum to float32
  if (!Number.isFinite(continuum[0]) || !Number.isFinite(continuum[N_INPUT - 1])) {
    return fail({ code: 'not-finite', message: 'the continuum fit failed (degenerate pixels); check the flux values' });
  }

  // Pixels with no flux value at all get flux = continuum (F = 0) and w = 0.
  const f = WORK.f;
  let sumSq = 0;
  for (let k = 0; k < N_INPUT; k++) {
    const v = noData && noData[k] ? 0 : Math.fround(flux[k] - continuum[k]);
    f[k] = v;
    sumSq += v * v;
  }
  const norm = Math.fround(Math.sqrt(sumSq / N_INPUT)); // over all 4076 pixels, as upstream
  if (!(norm > 0) || !Number.isFinite(norm)) {
    return fail({ code: 'not-finite', message: 'the flux has no variation around its continuum (all zero or constant): nothing to classify' });
  }
  const F = into ? into.F : new Float32Array(N_INPUT);
  const w = into ? into.w : new Float32Array(N_INPUT);
  const norm2 = norm * norm;
  for (let k = 0; k < N_INPUT; k++) {
    F[k] = f[k] / norm;
    w[k] = use[k] ? ivar[k] * norm2 : 0;
  }
  return ok({ F, w, continuum, norm, nGood });
}
