import { describe, expect, it } from 'vitest';
import { mergeImported } from '../../../src/core/export/mergeImported.ts';
import type { Decision } from '../../../src/core/export/types.ts';
import { DECISION_MAP, DECISIONS } from './sampleRows.ts';

const older = (d: Decision, ms: number): Decision => ({ ...d, updatedAt: d.updatedAt - ms });
const newer = (d: Decision, ms: number): Decision => ({ ...d, updatedAt: d.updatedAt + ms });

describe('mergeImported (the newer updatedAt wins)', () => {
  it('accepts everything into an empty store', () => {
    expect(mergeImported({}, DECISIONS)).toEqual({ accepted: DECISIONS, keptLocal: 0, duplicates: 0 });
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

  it('counts only the newest of repeated keys in one import', () => {
    const a = { ...DECISIONS[0], qop: 1 as const };
    const b = { ...newer(DECISIONS[0], 5), qop: 2 as const };
    const plan = mergeImported({}, [a, b, older(a, 3)]);
    expect(plan.accepted).toEqual([b]);
    expect(plan.duplicates).toBe(2);
  });
});
