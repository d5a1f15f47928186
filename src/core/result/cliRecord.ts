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
  ms?: number;
  error?: string;
}

const round = (x: number, digits: number) => Number(x.toPrecision(digits));
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
  if (r.ms !== undefined) out.ms = round(r.ms, 4);
  return out;
}
