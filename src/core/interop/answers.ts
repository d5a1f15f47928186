/**
 * From an inspector's answer to what the app compares and stores: the answer completed with the
 * pipeline's class and z, and the decision patch that records it against the pipeline's answer.
 */
import type { Decision, DecisionPatch } from '../export/types.ts';
import type { SpectrumResult } from '../result/spectrumResult.ts';
import type { FinalAnswer, InspectorAnswer } from './types.ts';

type Pipeline = Pick<SpectrumResult, 'cls' | 'z'>;

/** The inspector's class and z where given, the pipeline's elsewhere. */
export function finalOf(answer: Omit<InspectorAnswer, 'ident' | 'zTolerance'>, row: Pipeline | undefined): FinalAnswer {
  const out: FinalAnswer = {};
  const cls = answer.cls ?? row?.cls;
  const z = answer.z ?? row?.z;
  if (cls !== undefined) out.cls = cls;
  if (z !== undefined) out.z = z;
  if (answer.qop !== undefined) out.qop = answer.qop;
  if (answer.comment !== undefined && answer.comment !== '') out.comment = answer.comment;
  return out;
}

/** What the open view shows for a spectrum: the person's decision over the pipeline's answer. */
export function finalOfDecision(decision: Decision | undefined, row: Pipeline | undefined): FinalAnswer {
  return finalOf({ cls: decision?.cls, z: decision?.z, qop: decision?.qop, comment: decision?.comment }, row);
}

/**
 * The decision fields that record an answer: a class or z equal to the pipeline's is no override
 * (a z within the file's written precision counts as equal), as the app's own keys do (decision.ts).
 */
export function patchOf(answer: InspectorAnswer, row: Pipeline | undefined): DecisionPatch {
  const patch: DecisionPatch = {};
  if (answer.qop !== undefined) patch.qop = answer.qop;
  if (answer.comment !== undefined && answer.comment !== '') patch.comment = answer.comment;
  if (answer.cls !== undefined && answer.cls !== row?.cls) patch.cls = answer.cls;
  if (answer.z !== undefined && !(row?.z !== undefined && Math.abs(answer.z - row.z) <= answer.zTolerance + 1e-12)) patch.z = answer.z;
  return patch;
}

/** Half a unit of the last decimal written in `text` ('0.04503' → 5e-6); 0 for exponent notation. */
export function toleranceOf(text: string): number {
  const t = text.trim();
  if (/e/i.test(t)) return 0;
  const dot = t.indexOf('.');
  return dot < 0 ? 0.5 : 0.5 / 10 ** (t.length - dot - 1);
}
