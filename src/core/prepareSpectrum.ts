/**
 * From a spectrum as read to what the analyzer takes: its instrument profile,
 * errors matched to the data where the file's are not absolute or missing,
 * air→vacuum and the model grid, and the velocity-frame correction of its z.
 * The one path for the CLI, the worker's batch and its detail requests.
 */
import { toModelGrid, type ModelGridSpectrum, type ToModelGridOptions } from './grid/toModelGrid.ts';
import { frameCorrection, type FrameCorrection } from './grid/velocityFrame.ts';
import { instrumentProfile, type InstrumentProfile } from './preprocess/instrumentProfile.ts';
import { matchNoiseToData, type NoiseRescale } from './preprocess/noiseScale.ts';
import { ok, type Result, type Spectrum } from './types.ts';

export interface PreparedSpectrum {
  gridded: ModelGridSpectrum;
  profile: InstrumentProfile;
  rescale?: NoiseRescale;
  correction: FrameCorrection;
}

export function prepareSpectrum(s: Spectrum, options: ToModelGridOptions = {}): Result<PreparedSpectrum> {
  const profile = instrumentProfile(s);
  let spectrum = s;
  let rescale: NoiseRescale | undefined;
  if (profile.measureNoise || s.noErrors) {
    const m = matchNoiseToData(s);
    spectrum = m.spectrum;
    rescale = m.rescale;
  }
  const g = toModelGrid(spectrum, options);
  if (!g.ok) return g;
  const gridded: ModelGridSpectrum = { ...g.value, profile: { estimator: profile.estimator, masks: profile.masks, weightFloor: profile.weightFloor } };
  return ok({ gridded, profile, ...(rescale && { rescale }), correction: frameCorrection(s.frame) });
}
