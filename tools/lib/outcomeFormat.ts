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
  /** Redshift measured on the file's wavelengths (after air→vacuum), before any velocity-frame correction. */
  z_obs?: number;
  /** What the wavelengths were taken to be, and the frame `z` is in. */
  frame?: { medium: string; medium_from: string; velocity_in: string; velocity_from: string; z_frame: string; instrument?: string; note?: string };
  /** Velocity corrections applied to go from z_obs to z, km/s. */
  v_bary?: number;
  v_cmb?: number;
  ms?: number;
  error?: string;
}

const round = (x: number, digits: number) => Number(x.toPrecision(digits));

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
    ms: round(o.ms, 4),
  };
}

export const TABLE_HEADER = ['file', 'index', 'class', 'z', 'chi2', 'R', 'flags'].join('\t');

export function formatTableRow(r: OutcomeRecord): string {
  if (r.error) return `${r.file}\t${r.index}\terror: ${r.error}`;
  const R = r.robustness === null ? 'unique' : r.robustness?.toFixed(3);
  return [r.file, r.index, r.class, r.z?.toFixed(6), r.chi2 && r.class ? r.chi2[r.class].toFixed(3) : '', R, r.anomaly?.join(',')].join('\t');
}
