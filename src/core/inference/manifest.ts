/**
 * `public/models/manifest.json`, written by tools/export_models.py: which
 * ONNX file serves which class and family, on which grids.
 */
import type { ModelFamily, SpectralClass } from '../types.ts';

export interface ModelEntry {
  family: ModelFamily;
  cls: SpectralClass;
  /** ONNX file name, relative to the manifest. */
  file: string;
  /** Size of `file` in bytes (for progress bars and cache checks). */
  bytes: number;
  /** sha256 of `file`, hex (cache key). */
  sha256: string;
  zMin: number;
  zMax: number;
  /** Input tensor: name and [B, 1, 4076]. */
  input: { name: string; length: number };
  /** Output tensor names: reconstruction [B, nOut]; encoders also coefficients [B, nEigen] and amplitude [B]. */
  outputs: { reconstruction: string; coefficients?: string; amplitude?: string };
  /** Rest-frame output grid: log10 λ = start + step·i, i < nOut (METHOD.md §1). */
  outputGrid: { start: number; step: number; n: number };
  /** Upstream's input grid (x of the continuum fit): linspace(start, stop, n). */
  inputGrid: { start: number; stop: number; n: number };
  /** Polynomial degree of the continuum (5 for every released model). */
  polyDegree: number;
  /** UNet STAR only: the input is reversed before the network (recorded, done inside the ONNX graph). */
  flipInput?: boolean;
  /** Encoders: number of eigenspectra and where they are (float32 little-endian, row-major [nEigen, nOut]). */
  eigen?: { n: number; file: string };
  /** Upstream model name, e.g. 'Encoder_SDSS_GALAXY'. */
  upstream: string;
}

export interface ModelManifest {
  version: 1;
  /** Provenance: who made the weights and under which licence. */
  source: string;
  models: ModelEntry[];
}

export function findModel(m: ModelManifest, family: ModelFamily, cls: SpectralClass): ModelEntry {
  const e = m.models.find((x) => x.family === family && x.cls === cls);
  if (!e) throw new RangeError(`manifest has no ${family} model for ${cls}`);
  return e;
}
