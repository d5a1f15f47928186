/**
 * Where inspectors disagree about a spectrum: a different class, redshifts further apart than
 * |Δz|/(1+z) > 3e-4 (3e-3 when both say QSO: the GF thresholds of the accuracy table, as Marz's
 * merge uses a wider one for quasars), or a different QOP. Only inspectors who answered count.
 */
import type { FinalAnswer } from './types.ts';

export type DisagreementReason = 'class' | 'z' | 'qop';

const Z_TOLERANCE = 3e-4;
const Z_TOLERANCE_QSO = 3e-3;

/** Why two answers disagree ([] when they agree). Δz is relative to 1 + the smaller z (the stricter test). */
export function reasonsBetween(a: FinalAnswer, b: FinalAnswer): DisagreementReason[] {
  const out: DisagreementReason[] = [];
  if (a.cls !== b.cls) out.push('class');
  if (a.z !== undefined && b.z !== undefined) {
    const limit = a.cls === 'QSO' && b.cls === 'QSO' ? Z_TOLERANCE_QSO : Z_TOLERANCE;
    if (Math.abs(a.z - b.z) / (1 + Math.min(a.z, b.z)) > limit) out.push('z');
  } else if ((a.z === undefined) !== (b.z === undefined)) out.push('z');
  if (a.qop !== b.qop) out.push('qop');
  return out;
}

/** The reasons any two of the given answers disagree (absent answers are skipped), in class, z, QOP order. */
export function disagreement(answers: ReadonlyArray<FinalAnswer | undefined>): DisagreementReason[] {
  const given = answers.filter((a): a is FinalAnswer => a !== undefined);
  const found = new Set<DisagreementReason>();
  for (let i = 0; i < given.length; i++) for (let j = i + 1; j < given.length; j++) for (const r of reasonsBetween(given[i], given[j])) found.add(r);
  return (['class', 'z', 'qop'] as const).filter((r) => found.has(r));
}
