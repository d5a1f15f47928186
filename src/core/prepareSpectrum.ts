/**
 * From a spectrum as read to what the analyzer takes: its instrument profile,
 * errors matched to the data where the file's are not absolute or missing,
 * air→vacuum and the model grid, and the velocity-frame correction of its z.
 * The one path for the CLI, the worker's batch and its detail requests.
 */
import { toModelGrid, type ModelGridSpectrum, type ToModelGridOptions } from './grid/toModelGrid.ts';
import { frameCorrection, type FrameCorrection } from './grid/velocityFrame.ts';
import { instrumentProfile, OTHER_PROFILE, SDSS_PROFILE, type InstrumentProfile } from './preprocess/instrumentProfile.ts';
import { matchNoiseToData, type NoiseRescale } from './preprocess/noiseScale.ts';
import { ok, type FrameOverride, type Result, type Spectrum } from './types.ts';

export type { FrameOverride } from './types.ts';

export interface PrepareOptions extends ToModelGridOptions {
  override?: FrameOverride;
  /** Replaces instrumentProfile (tools/instrumentAblation.ts measures each part of a profile). */
  profileFor?: (s: Spectrum) => InstrumentProfile;
}

/** The spectrum with the user's frame choices applied (each marked as theirs). */
export function applyOverride(s: Spectrum, o: FrameOverride | undefined): Spectrum {
  if (!o || (o.medium === undefined && o.velocity === undefined)) return s;
  const frame = { ...s.frame };
  if (o.medium !== undefined) Object.assign(frame, { medium: o.medium, mediumFrom: 'user' });
  if (o.velocity !== undefined) Object.assign(frame, { velocity: o.velocity, velocityFrom: 'user' });
  return { ...s, frame };
}

function chooseProfile(s: Spectrum, options: PrepareOptions): InstrumentProfile {
  if (options.profileFor) return options.profileFor(s);
  const treatAs = options.override?.treatAs;
  if (treatAs === 'sdss') return { ...SDSS_PROFILE, name: `${s.frame.instrument ?? s.meta.format} as SDSS` };
  if (treatAs === 'other') return { ...OTHER_PROFILE, masks: { ...OTHER_PROFILE.masks }, name: s.frame.instrument ?? s.meta.format };
  return instrumentProfile(s);
}

export interface PreparedSpectrum {
  gridded: ModelGridSpectrum;
  profile: InstrumentProfile;
  rescale?: NoiseRescale;
  /** The frame used (the file's, or as the user overrode it). */
  frame: Spectrum['frame'];
  correction: FrameCorrection;
}

export function prepareSpectrum(input: Spectrum, options: PrepareOptions = {}): Result<PreparedSpectrum> {
  const s = applyOverride(input, options.override);
  const profile = chooseProfile(s, options);
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
  return ok({ gridded, profile, frame: s.frame, ...(rescale && { rescale }), correction: frameCorrection(s.frame) });
}
