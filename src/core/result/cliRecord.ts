/**
 * The command line's JSON record (`npm run analyze -- --json`): the keys
 * users' scripts read. Add keys; never rename or drop one.
 */
import type { ModelFamily, SpectralClass } from '../types.ts';
import type { SpectrumResult } from './spectrumResult.ts';

export interface CliRecord {
  file: string;
  index: number;
  id?: string;
  model?: ModelFamily;
  class?: SpectralClass;
  z?: number;
  chi2?: Record<SpectralClass, number>;
  z_by_class?: Record<SpectralClass, number>;
  /** null when the best class's χ² curve has a single minimum ("unique"). */
  robustness?: number | null;
  anomaly?: string[];
  /** Calibrated σ_z of z (z units); null when the curve is not convex at the minimum. */
  z_err?: number | null;
  z_err_by_class?: Record<SpectralClass, number | null>;
  /** Factor applied to each class's curvature error (1 = uncalibrated). */
  z_err_scale?: Record<SpectralClass, number>;
  /** Each class's best minima: reduced χ², calibrated σ_z, unreduced Δχ² to the answer. */
  minima?: Record<SpectralClass, { z: number; chi2: number; z_err: number | null; deltachi2: number }[]>;
  /** Unreduced Δχ² to the next best redshift > 1000 km/s away (Redrock's DELTACHI2); null when none. */
  deltachi2?: number | null;
  /** Only when the 'second-redshift' flag is set: z₂, its S/N and the lines found there. */
  z2?: number;
  z2_snr?: number;
  z2_lines?: { name: string; rest_a: number; snr: number }[];
  /** Which χ² decided: the encoder's reconstruction, or the eigenspectra fitted at every shift (other instruments). */
  estimator?: 'encoder' | 'eigenfit';
  /** How the instrument was treated, e.g. 'SDSS', 'DESI', '2dF'. */
  instrument?: string;
  /** Redshift measured on the file's wavelengths (after air→vacuum), before any velocity-frame correction. */
  z_obs?: number;
  /** What the wavelengths were taken to be, and the frame `z` is in. */
  frame?: { medium: string; medium_from: string; velocity_in: string; velocity_from: string; z_frame: string; instrument?: string; note?: string };
  /** Velocity corrections applied to go from z_obs to z, km/s. */
  v_bary?: number;
  v_cmb?: number;
  /** The encoder's code per class: 10 normalised coefficients ω_j then the amplitude A (docs/anomalies.md). */
  coefficients?: Record<SpectralClass, number[]>;
  /** Local Outlier Factor of the coefficients within the run's spectra of its class (with --outliers). */
  outlier_lof?: number;
  ms?: number;
  error?: string;
}

const round = (x: number, digits: number) => Number(x.toPrecision(digits));
/** JSON has no NaN: a number that is not finite is written null. */
const roundOrNull = (x: number | undefined, digits: number) => (x !== undefined && Number.isFinite(x) ? round(x, digits) : null);
const per = <T>(f: (c: SpectralClass) => T): Record<SpectralClass, T> => ({ STAR: f('STAR'), GALAXY: f('GALAXY'), QSO: f('QSO') });
const perClass = (r: Record<SpectralClass, number>, digits: number) => ({
  STAR: round(r.STAR, digits),
  GALAXY: round(r.GALAXY, digits),
  QSO: round(r.QSO, digits),
});

/** `withModel` adds the family (when several run); a failure keeps file, index, id and says why. */
export function toCliRecord(r: SpectrumResult, withModel: boolean): CliRecord {
  const base: CliRecord = { file: r.fileName, index: r.index, id: r.spectrumId || undefined };
  if (withModel) base.model = r.family;
  if (r.error !== undefined || r.cls === undefined || r.z === undefined || !r.chi2 || !r.zByClass) {
    return { ...base, error: `${r.fileName}[${r.index}]: ${r.error ?? 'not analysed'}` };
  }
  const out: CliRecord = {
    ...base,
    class: r.cls,
    z: round(r.z, 8),
    chi2: perClass(r.chi2, 6),
    z_by_class: perClass(r.zByClass, 8),
    robustness: r.robustness === undefined ? null : round(r.robustness, 6),
    anomaly: r.flags.slice(),
  };
  Object.assign(out, scienceKeys(r), frameKeys(r));
  if (r.coefficients) {
    const c = r.coefficients;
    out.coefficients = per((k) => c[k].map((x) => round(x, 6)));
  }
  if (r.outlier !== undefined && Number.isFinite(r.outlier)) out.outlier_lof = round(r.outlier, 5);
  if (r.ms !== undefined) out.ms = round(r.ms, 4);
  return out;
}

/** σ_z, ranked minima, Δχ² and the second redshift (docs/METHOD-extensions.md). */
function scienceKeys(r: SpectrumResult): Partial<CliRecord> {
  const out: Partial<CliRecord> = {};
  if (r.zErrByClass) {
    const zErrByClass = r.zErrByClass;
    out.z_err = roundOrNull(r.zErr, 4);
    out.z_err_by_class = per((c) => roundOrNull(zErrByClass[c], 4));
  }
  if (r.zErrScale) out.z_err_scale = { ...r.zErrScale };
  if (r.rankedMinima) {
    const m = r.rankedMinima;
    out.minima = per((c) => m[c].map((x) => ({ z: round(x.z, 8), chi2: round(x.chi2, 6), z_err: roundOrNull(x.zErr, 4), deltachi2: round(x.deltaChi2, 6) })));
  }
  if (r.rankedMinima) out.deltachi2 = roundOrNull(r.deltaChi2, 6);
  if (r.secondRedshift && r.flags.includes('second-redshift')) {
    out.z2 = round(r.secondRedshift.z2, 6);
    out.z2_snr = round(r.secondRedshift.snr, 4);
    out.z2_lines = r.secondRedshift.lines.map((l) => ({ name: l.name, rest_a: l.restA, snr: round(l.snr, 4) }));
  }
  return out;
}

/** How the spectrum was treated: estimator, instrument, the measured z and the frame of z (docs/instruments.md). */
function frameKeys(r: SpectrumResult): Partial<CliRecord> {
  const out: Partial<CliRecord> = {};
  if (r.estimator) out.estimator = r.estimator;
  if (r.instrument) out.instrument = r.instrument;
  if (r.zObs !== undefined) out.z_obs = round(r.zObs, 8);
  if (r.frame) {
    const c = r.correction;
    out.frame = {
      medium: r.frame.medium,
      medium_from: r.frame.mediumFrom,
      velocity_in: r.frame.velocity,
      velocity_from: r.frame.velocityFrom,
      z_frame: c?.frame ?? r.frame.velocity,
      ...(r.frame.instrument !== undefined && { instrument: r.frame.instrument }),
      ...(c?.note !== undefined && { note: c.note }),
    };
  }
  if (r.correction?.vBaryKms !== undefined) out.v_bary = round(r.correction.vBaryKms, 6);
  if (r.correction?.vCmbKms !== undefined) out.v_cmb = round(r.correction.vCmbKms, 6);
  return out;
}
