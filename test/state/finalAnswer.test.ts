/** The table's final answer: the inspector's where accepted, the pipeline's otherwise (issue 9). */
import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../src/core/export/decision.ts';
import { finalAnswer } from '../../src/state/finalAnswer.ts';
import { realRows } from './realRows.ts';

describe('finalAnswer', () => {
  it("is the pipeline's answer, not decided, without a decision or with a comment only", async () => {
    const r = (await realRows())[0];
    expect(finalAnswer(r, undefined)).toEqual({ cls: r.row.cls, z: r.row.z, decided: false, changed: false });
    const comment = applyPatch(undefined, { comment: 'look again' }, r.row, 1);
    expect(finalAnswer(r, comment)).toEqual({ cls: r.row.cls, z: r.row.z, decided: false, changed: false });
  });

  it('a QOP alone decides without changing the answer; a class or z changes it', async () => {
    const r = (await realRows())[0];
    expect(finalAnswer(r, applyPatch(undefined, { qop: 4 }, r.row, 1))).toMatchObject({ cls: r.row.cls, z: r.row.z, decided: true, changed: false });
    expect(finalAnswer(r, applyPatch(undefined, { cls: 'QSO', z: 2.5 }, r.row, 1))).toEqual({ cls: 'QSO', z: 2.5, decided: true, changed: true });
  });

  it("a class without a z stands at that class's best z", async () => {
    const r = (await realRows()).find((x) => x.row.cls === 'GALAXY')!;
    expect(finalAnswer(r, applyPatch(undefined, { cls: 'STAR' }, r.row, 1)).z).toBe(r.row.zByClass!.STAR);
  });

  it('a failed row stays an error whatever was decided', async () => {
    const bad = (await realRows()).find((x) => x.row.error !== undefined)!;
    expect(finalAnswer(bad, applyPatch(undefined, { qop: 1 }, bad.row, 1))).toMatchObject({ cls: 'error', decided: true });
  });
});
