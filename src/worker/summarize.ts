/** The table's view of one analysed spectrum: scalars only, no curves. */
import type { AnalysisResult } from '../core/scan/types.ts';
import type { Spectrum } from '../core/types.ts';
import type { SpectrumSummary } from './protocol.ts';

export function summarize(fileId: number, fileName: string, index: number, s: Spectrum, r: AnalysisResult): SpectrumSummary {
  const summary: SpectrumSummary = {
    fileId,
    fileName,
    index,
    id: s.id,
    meta: s.meta,
    family: r.family,
    cls: r.cls,
    z: r.z,
    robustness: r.robustness,
    chi2: { ...r.chi2 },
    zByClass: { ...r.zByClass },
    flags: r.flags.slice(),
    nGood: r.nGood,
  };
  if (s.issues && s.issues.length > 0) summary.issues = s.issues.slice();
  return summary;
}
