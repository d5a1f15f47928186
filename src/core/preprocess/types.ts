/** Shapes of the preprocessing stage's output. */

/** The network input and χ² weights of one spectrum (METHOD.md §2). */
export interface Preprocessed {
  /** [4076] F = (flux − continuum)/Norm, float32; 0 where the pixel had no data. */
  F: Float32Array;
  /** [4076] w = ivar·Norm². */
  w: Float32Array;
  /** [4076] the degree-5 polynomial continuum, in flux units. */
  continuum: Float32Array;
  /** RMS of flux − continuum over all 4076 pixels. */
  norm: number;
  /** Pixels with w > 0. */
  nGood: number;
}
