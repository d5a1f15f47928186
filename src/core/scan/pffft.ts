/**
 * PFFFT (a SIMD FFT in C, compiled to WASM by @echogarden/pffft-wasm, BSD):
 * real float32 transforms ~20× faster than the fastest pure-JavaScript FFT
 * measured here (fft.js), which is what keeps the 3-class χ² scan well under
 * a millisecond. The module is loaded once and shared.
 *
 * In Node the package finds its .wasm itself. In a browser bundle it cannot
 * (the bundler moves the JavaScript), so the app calls `configurePffft` with
 * the wasm's URL or bytes before the first scan.
 */
import PFFFT from '@echogarden/pffft-wasm/simd';

/** The part of the emscripten module we use. Pointers are byte offsets into HEAPF32.buffer. */
export interface PffftModule {
  HEAPF32: Float32Array;
  _pffft_new_setup(n: number, transform: number): number;
  _pffft_aligned_malloc(bytes: number): number;
  /** direction 0 forward, 1 backward; output in PFFFT's internal ("z-domain") order. */
  _pffft_transform(setup: number, input: number, output: number, work: number, direction: number): void;
  /** dft_ab += dft_a · dft_b · scaling, in the internal order. */
  _pffft_zconvolve_accumulate(setup: number, a: number, b: number, ab: number, scaling: number): void;
}

export const PFFFT_REAL = 0;
export const PFFFT_FORWARD = 0;
export const PFFFT_BACKWARD = 1;

export interface PffftLoadOptions {
  /** The .wasm bytes (browser: fetched by the app). */
  wasmBinary?: ArrayBuffer;
  /** Where the .wasm is (browser: its URL). */
  locateFile?: (file: string) => string;
}

let options: PffftLoadOptions = {};
let loading: Promise<PffftModule> | undefined;

/** Tell the loader where the .wasm is; call before the first scan (no effect once loaded). */
export function configurePffft(o: PffftLoadOptions): void {
  if (!loading) options = o;
}

export function loadPffft(): Promise<PffftModule> {
  loading ??= (PFFFT as unknown as (arg: object) => Promise<PffftModule>)({ ...options });
  return loading;
}
