/** The CLI's JSON record and table row for one analysed spectrum. */
import type { SpectrumOutcome } from '../../src/core/analyzeFile.ts';
import { correctRedshift } from '../../src/core/grid/velocityFrame.ts';
import type { ModelFamily, SpectralClass } from '../../src/core/types.ts';

export interface OutcomeRecord {
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
  /** Which χ² decided: the encoder's reconstruction, or the eigenspectra fitted at every shift (other instruments). */
  estimator?: 'encoder' | 'eigenfit';
  /** Redshift measured on the file's wavelengths (after air→vacuum), before any velocity-frame correction. */
  z_obs?: number;
  /** What the wavelengths were taken to be, and the frame `z` is in. */
  frame?: { medium: string; medium_from: string; velocity_in: string; velocity_from: string; z_frame: string; instrument?: string; note?: string };
  /** Velocity corrections applied to go from z_obs to z, km/s. */
  v_bary?: number;
  v_cmb?: number;
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
  ms?: number;
  error?: string;
}

const round = (x: number, digits: number) => Number(x.toPrecision(digits));
/** JSON has no NaN: a number that is not finite is written null. */
const roundOrNull = (x: number | undefined, digits: number) => (x !== undefined && Number.isFinite(x) ? round(x, digits) : null);

export function formatOutcome(file: string, o: SpectrumOutcome & { family: ModelFamily }, withModel: boolean): OutcomeRecord {
  const base: OutcomeRecord = { file, index: o.index, id: o.spectrum?.id };
  if (withModel) base.model = o.family;
  if (!o.result.ok) return { ...base, error: `${file}[${o.index}]: ${o.result.error.message}` };
  const r = o.result.value;
  const per = <T>(f: (c: SpectralClass) => T) => ({ STAR: f('STAR'), GALAXY: f('GALAXY'), QSO: f('QSO') });
  const corr = o.correction ?? { frame: 'unknown' as const, factor: 1 };
  const fr = o.spectrum?.frame;
  const zz = (z: number) => round(correctRedshift(z, corr), 8);
  return {
    ...base,
    class: r.cls,
    z: zz(r.z),
    chi2: per((c) => round(r.chi2[c], 6)),
    z_by_class: per((c) => zz(r.zByClass[c])),
    robustness: r.robustness === undefined ? null : round(r.robustness, 6),
    anomaly: r.flags,
    estimator: r.estimator,
    z_obs: round(r.z, 8),
    ...(fr && {
      frame: {
        medium: fr.medium,
        medium_from: fr.mediumFrom,
        velocity_in: fr.velocity,
        velocity_from: fr.velocityFrom,
        z_frame: corr.frame,
        ...(fr.instrument !== undefined && { instrument: fr.instrument }),
        ...(corr.note !== undefined && { note: corr.note }),
      },
    }),
    ...(corr.vBaryKms !== undefined && { v_bary: round(corr.vBaryKms, 6) }),
    ...(corr.vCmbKms !== undefined && { v_cmb: round(corr.vCmbKms, 6) }),
    z_err: roundOrNull(r.zErr, 4),
    z_err_by_class: per((c) => roundOrNull(r.zErrByClass[c], 4)),
    z_err_scale: per((c) => r.zErrScale[c]),
    minima: per((c) => r.rankedMinima[c].map((m) => ({ z: zz(m.z), chi2: round(m.chi2, 6), z_err: roundOrNull(m.zErr, 4), deltachi2: round(m.deltaChi2, 6) }))),
    deltachi2: roundOrNull(r.deltaChi2, 6),
    ...(r.secondRedshift && r.flags.includes('second-redshift')
      ? {
          z2: round(correctRedshift(r.secondRedshift.z2, corr), 6),
          z2_snr: round(r.secondRedshift.snr, 4),
          z2_lines: r.secondRedshift.lines.map((l) => ({ name: l.name, rest_a: l.restA, snr: round(l.snr, 4) })),
        }
      : {}),
    ms: round(o.ms, 4),
  };
}

export const TABLE_HEADER = ['file', 'index', 'class', 'z', 'chi2', 'R', 'flags'].join('\t');

export function formatTableRow(r: OutcomeRecord): string {
  if (r.error) return `${r.file}\t${r.index}\terror: ${r.error}`;
  const R = r.robustness === null ? 'unique' : r.robustness?.toFixed(3);
  return [r.file, r.index, r.class, r.z?.toFixed(6), r.chi2 && r.class ? r.chi2[r.class].toFixed(3) : '', R, r.anomaly?.join(',')].join('\t');
}
