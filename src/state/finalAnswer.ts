/**
 * The answer a row stands for once an inspector has looked at it (issue 9): their class and z where
 * they accepted one, else the pipeline's. The table shows this; the pipeline's stays on the row for
 * tooltips and for data-class / data-z.
 */
import type { Decision } from '../core/export/types.ts';
import { rowClass } from './selectors.ts';
import type { ResultRow } from './types.ts';

export interface FinalAnswer {
  /** 'STAR' | 'GALAXY' | 'QSO', or 'error' for a failed row. */
  cls: string;
  z: number | undefined;
  /** The inspector accepted an answer (a QOP, a class or a z); a comment alone is no verdict. */
  decided: boolean;
  /** The inspector's class or z differs from the pipeline's. */
  changed: boolean;
}

export function finalAnswer(r: ResultRow, d: Decision | undefined): FinalAnswer {
  const pipelineCls = rowClass(r);
  if (!d || pipelineCls === 'error') return { cls: pipelineCls, z: r.row.z, decided: d?.qop !== undefined, changed: false };
  const cls = d.cls ?? pipelineCls;
  // A class chosen without a z (older decisions, imports) stands at that class's best z.
  const z = d.z ?? (d.cls !== undefined ? (r.row.zByClass?.[d.cls] ?? r.row.z) : r.row.z);
  const changed = d.cls !== undefined || d.z !== undefined;
  return { cls, z, decided: changed || d.qop !== undefined, changed };
}
