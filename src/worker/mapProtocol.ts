/** Messages between the page and the map worker (mapWorker.ts): batch outlier scores and the map's embedding. */
import type { CodedResult } from '../core/anomaly/batchOutliers.ts';
import type { SpectralClass } from '../core/types.ts';

export type MapRequest =
  /** LOF of every row within its class (core/anomaly/batchOutliers.ts). */
  | { type: 'outliers'; id: number; rows: CodedResult[] }
  /** UMAP of `codes` (n × d, each row one spectrum's code in `space`). */
  | { type: 'embed'; id: number; space: SpectralClass; codes: Float64Array; n: number; d: number };

export type MapResponse =
  | { type: 'outliers'; id: number; scores: (number | undefined)[]; flagged: boolean[] }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'embedding'; id: number; xy: Float32Array }
  | { type: 'error'; id: number; message: string };
