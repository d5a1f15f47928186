/** Shapes the inference stage hands to the χ² scan. */

/** What the reconstruction network returned for one spectrum and class. */
export interface Reconstruction {
  /** [N_out] rest-frame reconstruction in units of the normalised spectrum F. */
  values: Float32Array;
  /** Encoder only: [nEigen] coefficients c_j (sum to 1). */
  coefficients?: Float32Array;
  /** Encoder only: amplitude A. */
  amplitude?: number;
}
