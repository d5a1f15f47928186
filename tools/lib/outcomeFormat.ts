/** The CLI's JSON record and table row for one analysed spectrum. */
import type { SpectrumOutcome } from '../../src/core/analyzeFile.ts';
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
  return {
    ...base,
    class: r.cls,
    z: round(r.z, 8),
    chi2: per((c) => round(r.chi2[c], 6)),
    z_by_class: per((c) => round(r.zByClass[c], 8)),
    robustness: r.robustness === undefined ? null : round(r.robustness, 6),
    anomaly: r.flags,
    z_err: roundOrNull(r.zErr, 4),
    z_err_by_class: per((c) => roundOrNull(r.zErrByClass[c], 4)),
    z_err_scale: per((c) => r.zErrScale[c]),
    minima: per((c) => r.rankedMinima[c].map((m) => ({ z: round(m.z, 8), chi2: round(m.chi2, 6), z_err: roundOrNull(m.zErr, 4), deltachi2: round(m.deltaChi2, 6) }))),
    deltachi2: roundOrNull(r.deltaChi2, 6),
    ...(r.secondRedshift && r.flags.includes('second-redshift')
      ? {
          z2: round(r.secondRedshift.z2, 6),
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
