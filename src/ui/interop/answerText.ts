/** One answer as a short line for the merge view: 'GALAXY z 0.04503 · QOP 4 · "comment"'. */
import type { FinalAnswer } from '../../core/interop/types.ts';

export function answerText(a: FinalAnswer | undefined): string {
  if (!a) return '—';
  const parts = [`${a.cls ?? '?'} z ${a.z === undefined ? '?' : Number(a.z.toPrecision(5))}`, a.qop === undefined ? 'no QOP' : `QOP ${a.qop}`];
  if (a.comment) parts.push(`“${a.comment.length > 32 ? a.comment.slice(0, 32) + '…' : a.comment}”`);
  return parts.join(' · ');
}
