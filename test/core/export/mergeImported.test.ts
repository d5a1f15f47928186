import { describe, expect, it } from 'vitest';
import { mergeImported } from '../../../src/core/export/mergeImported.ts';
import type { Decision } from '../../../src/core/export/types.ts';
import { DECISION_MAP, DECISIONS } from './sampleRows.ts';

const older = (d: Decision, ms: number): Decision => ({ ...d, updatedAt: d.updatedAt - ms });
const newer = (d: Decision, ms: number): Decision => ({ ...d, updatedAt: d.updatedAt + ms });

describe('mergeImported (the newer updatedAt wins)', () => {
  it('accepts everything into an empty store', () => {
    expect(mergeImported({}, DECISIONS)).toEqual({ accepted: DECISIONS, keptLocal: 0, alreadyThere: 0, duplicates: 0 });
  });

  it('keeps held decisions that are newer or equally new, takes newer imports', () => {
    const incoming = [
      { ...older(DECISIONS[0], 1), qop: 1 as const },
      { ...newer(DECISIONS[1], 1), qop: 3 as const },
      { ...DECISIONS[2], qop: 4 as const }, // tie: held wins
    ];
    const plan = mergeImported(DECISION_MAP, incoming);
    expect(plan.accepted).toEqual([incoming[1]]);
    expect(plan.keptLocal).toBe(2);
  });

  it('counts the same decision (equal content, equal or any time) as already there, not as a conflict', () => {
    const incoming = [
      { ...DECISIONS[0] }, // the CSV of a JSON imported before: same time, same content
      newer(DECISIONS[1], 1000), // re-exported later: nothing to change either
      { ...DECISIONS[2], comment: 'changed' }, // same time, other content: held wins
    ];
    const plan = mergeImported(DECISION_MAP, incoming);
    expect(plan).toEqual({ accepted: [], keptLocal: 1, alreadyThere: 2, duplicates: 0 });
  });

  it('counts only the newest of repeated keys in one import', () => {
    const a = { ...DECISIONS[0], qop: 1 as const };
    const b = { ...newer(DECISIONS[0], 5), qop: 2 as const };
    const plan = mergeImported({}, [a, b, older(a, 3)]);
    expect(plan.accepted).toEqual([b]);
    expect(plan.duplicates).toBe(2);
  });
});
