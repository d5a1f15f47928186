import { beforeEach, describe, expect, it } from 'vitest';
import { keyOf } from '../../src/core/export/spectrumKey.ts';
import { createInspectorMerge } from '../../src/state/inspectorMerge.ts';
import type { DecisionsStore } from '../../src/state/decisionsStore.ts';
import { fixture, OPEN } from '../core/interop/openRows.ts';
import { freshIndexedDb, newStore } from './decisionsFixtures.ts';

const FILES = ['desi-vi_sdss-three_AB.csv', 'spec-0375-52140-0356_CD.mz', 'spec-0564-52224-0581_CD.mz', 'spec-3188-54831-0169_CD.mz'];
const [k0375, k0564, k3188] = OPEN.map(keyOf);

let decisions: DecisionsStore;
beforeEach(() => {
  freshIndexedDb();
  decisions = newStore();
});

describe('inspectorMerge', () => {
  it("groups files by inspector (Marz's initials, VI_scanner) and reports each file; a bad one is named and skipped", () => {
    const merge = createInspectorMerge();
    merge.getState().addFiles([...FILES.map(fixture), { name: 'notes_ZZ.mz', text: '# nothing here\n' }], OPEN);
    const s = merge.getState();
    expect(s.open).toBe(true);
    expect(s.inspectors.map((i) => [i.name, Object.keys(i.answers).length])).toEqual([['AB', 3], ['CD', 3]]);
    expect(s.reports.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok', 'ok', 'error']);
    expect(s.reports[4].text).toBe("notes_ZZ.mz: Its column line ('# nothing here') lacks ID, QOP, FinZ: not a Marz result file.");
  });

  it("picking an inspector writes their answer as the person's decision (stored), keeping the person's comment; 'own' writes nothing", async () => {
    const merge = createInspectorMerge();
    merge.getState().addFiles(FILES.map(fixture), OPEN);
    await decisions.getState().setDecision(k0564, { qop: 2, comment: 'mine' }, OPEN[1]);
    expect(await merge.getState().resolve(k3188, 1, OPEN, decisions)).toBe(true);
    expect(await merge.getState().resolve(k0564, 0, OPEN, decisions)).toBe(true);
    expect(await merge.getState().resolve(k0375, 'own', OPEN, decisions)).toBe(true);
    const d = decisions.getState().decisions;
    expect(d[k3188]).toMatchObject({ cls: 'GALAXY', z: 0.0007, qop: 2 });
    expect(d[k0564]).toMatchObject({ qop: 3, comment: 'mine' });
    expect(d[k0564].z).toBeUndefined();
    expect(d[k0375]).toBeUndefined();
    expect(merge.getState().resolutions).toEqual({ [k3188]: 1, [k0564]: 0, [k0375]: 'own' });
    // Written through to IndexedDB: a new store over the same database sees them.
    const again = newStore();
    await again.getState().hydrate();
    expect(Object.keys(again.getState().decisions).sort()).toEqual([k0564, k3188].sort());
  });
});
