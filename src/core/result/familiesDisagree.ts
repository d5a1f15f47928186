/** When two model families' answers for one spectrum count as different. */
import { GF_THRESHOLD } from '../evaluate/metrics.ts';
import type { SpectralClass } from '../types.ts';

export type Disagreement =
  | { disagree: false; dz: number }
  | { disagree: true; reason: 'class'; dz: number }
  | { disagree: true; reason: 'z'; dz: number; limit: number };

/**
 * Another class, or |Δz|/(1+z) above the paper's good-fraction threshold of
 * the first answer's class (3e-4 STAR and GALAXY, 3e-3 QSO). `dz` is that
 * |Δz|/(1+z), measured against the first answer.
 */
export function compareAnswers(a: { cls: SpectralClass; z: number }, b: { cls: SpectralClass; z: number }): Disagreement {
  const dz = Math.abs(b.z - a.z) / (1 + a.z);
  if (a.cls !== b.cls) return { disagree: true, reason: 'class', dz };
  const limit = GF_THRESHOLD[a.cls];
  return dz > limit ? { disagree: true, reason: 'z', dz, limit } : { disagree: false, dz };
}

/** Whether two answers disagree; undefined when either has no answer (failed or not analysed). */
export function familiesDisagree(
  a: { cls?: SpectralClass; z?: number } | undefined,
  b: { cls?: SpectralClass; z?: number } | undefined,
): boolean | undefined {
  if (a?.cls === undefined || a.z === undefined || b?.cls === undefined || b.z === undefined) return undefined;
  return compareAnswers({ cls: a.cls, z: a.z }, { cls: b.cls, z: b.z }).disagree;
}
