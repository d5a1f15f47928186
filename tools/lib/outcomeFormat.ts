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
  return {
    ...base,
    class: r.cls,
    z: round(r.z, 8),
    chi2: per((c) => round(r.chi2[c], 6)),
    z_by_class: per((c) => round(r.zByClass[c], 8)),
    robustness: r.robustness === undefined ? null : round(r.robustness, 6),
    anomaly: r.flags,
    ms: round(o.ms, 4),
  };
}

export const TABLE_HEADER = ['file', 'index', 'class', 'z', 'chi2', 'R', 'flags'].join('\t');

export function formatTableRow(r: OutcomeRecord): string {
  if (r.error) return `${r.file}\t${r.index}\terror: ${r.error}`;
  const R = r.robustness === null ? 'unique' : r.robustness?.toFixed(3);
  return [r.file, r.index, r.class, r.z?.toFixed(6), r.chi2 && r.class ? r.chi2[r.class].toFixed(3) : '', R, r.anomaly?.join(',')].join('\t');
}
