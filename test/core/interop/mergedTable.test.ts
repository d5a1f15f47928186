import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/export/csvParse.ts';
import { toJson } from '../../../src/core/export/jsonWrite.ts';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { keyOf } from '../../../src/core/export/spectrumKey.ts';
import { columnPrefixes, mergedCsv, mergeSpectra, type Inspector } from '../../../src/core/interop/mergedTable.ts';
import { readInspectorFile } from '../../../src/core/interop/readInspectorFile.ts';
import { fixture, OPEN } from './openRows.ts';

const inspector = (...names: string[]): Inspector => {
  const files = names.map((n) => {
    const r = readInspectorFile(fixture(n), OPEN);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
  return { name: files[0].inspector, answers: Object.fromEntries(files.flatMap((f) => f.answers.map((a) => [keyOf(a.ident), a]))) };
};

describe('merging the fixtures of two inspectors (DESI VI AB, Marz CD)', () => {
  const inspectors = [inspector('desi-vi_sdss-three_AB.csv'), inspector('spec-0375-52140-0356_CD.mz', 'spec-0564-52224-0581_CD.mz', 'spec-3188-54831-0169_CD.mz')];
  const k = OPEN.map(keyOf);

  it('lists where they disagree and resolves agreements to the common answer', () => {
    const merged = mergeSpectra(OPEN, inspectors, {}, {});
    expect(merged.map((m) => [m.row.spectrumId, m.reasons.join(';'), m.resolvedFrom])).toEqual([
      ['spec-0375-52140-0356', '', 'agreed'],
      ['spec-0564-52224-0581', 'qop', 'unresolved'],
      ['spec-3188-54831-0169', 'class;z;qop', 'unresolved'],
    ]);
  });

  it('writes every inspector’s answer, the own one and the resolved one', () => {
    const own = { [k[1]]: { key: k[1], fileName: OPEN[1].fileName, index: 0, spectrumId: OPEN[1].spectrumId, qop: 2 as const, comment: 'mine', updatedAt: 1 } };
    const merged = mergeSpectra(OPEN, inspectors, own, { [k[1]]: 'own', [k[2]]: 1 });
    const csv = parseCsv(mergedCsv(merged, inspectors.map((i) => i.name)));
    if (!csv.ok) throw new Error(csv.error);
    const [head, ...rows] = csv.value;
    expect(head).toEqual([
      'file', 'index', 'id', 'pipeline_class', 'pipeline_z',
      'AB_class', 'AB_z', 'AB_qop', 'AB_comment', 'CD_class', 'CD_z', 'CD_qop', 'CD_comment',
      'own_class', 'own_z', 'own_qop', 'own_comment', 'resolved_class', 'resolved_z', 'resolved_qop', 'resolved_comment', 'resolved_from', 'disagreement',
    ]);
    const rec = rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
    expect(rec[1]).toMatchObject({ AB_qop: '3', CD_qop: '4', own_qop: '2', own_comment: 'mine', resolved_qop: '2', resolved_from: 'own', disagreement: 'qop' });
    expect(rec[2]).toMatchObject({ AB_class: 'STAR', CD_class: 'GALAXY', CD_z: '0.0007', resolved_class: 'GALAXY', resolved_z: '0.0007', resolved_qop: '2', resolved_from: 'CD' });
    expect(rec[0]).toMatchObject({ resolved_from: 'agreed', resolved_qop: '4', disagreement: '' });
  });

  it('counts your own decision as one more answer: an inspector who agrees among the imports but not with you is listed', () => {
    // AB and CD agree on spec-0375 (GALAXY, QOP 4); you gave it QOP 2.
    const mine = { [k[0]]: { key: k[0], fileName: OPEN[0].fileName, index: 0, spectrumId: OPEN[0].spectrumId, qop: 2 as const, updatedAt: 1 } };
    const merged = mergeSpectra(OPEN, inspectors, mine, {});
    expect(merged.map((m) => [m.row.spectrumId, m.reasons.join(';'), m.resolvedFrom])[0]).toEqual(['spec-0375-52140-0356', 'qop', 'unresolved']);
  });

  it('makes inspector names safe, unique column prefixes', () => {
    expect(columnPrefixes(['A B', 'A-B', '', 'own', '=cmd'])).toEqual(['A_B', 'A_B_2', 'inspector', 'own_2', 'cmd']);
  });
});

describe('an inspector from our own JSON export', () => {
  it('answers only where they decided; the class and z they left are the pipeline’s', () => {
    const json = toJson(
      buildExportRecords(OPEN, {
        [keyOf(OPEN[0])]: { key: keyOf(OPEN[0]), fileName: OPEN[0].fileName, index: 0, spectrumId: OPEN[0].spectrumId, qop: 3, updatedAt: 1 },
        [keyOf(OPEN[2])]: { key: keyOf(OPEN[2]), fileName: OPEN[2].fileName, index: 0, spectrumId: OPEN[2].spectrumId, qop: 2, cls: 'GALAXY', z: 0.0007, updatedAt: 1 },
      }),
      new Date(0),
    );
    const r = readInspectorFile({ name: 'ursula.json', text: json }, OPEN);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.inspector).toBe('ursula');
    const ursula: Inspector = { name: 'ursula', answers: Object.fromEntries(r.value.answers.map((a) => [keyOf(a.ident), a])) };
    const cd = inspector('spec-0375-52140-0356_CD.mz', 'spec-3188-54831-0169_CD.mz');
    const merged = mergeSpectra(OPEN, [ursula, cd], {}, {});
    expect(merged.map((m) => [m.row.spectrumId, m.answers[0], m.reasons])).toEqual([
      ['spec-0375-52140-0356', { cls: 'GALAXY', z: 0.045033621, qop: 3 }, ['qop']],
      ['spec-3188-54831-0169', { cls: 'GALAXY', z: 0.0007, qop: 2 }, []],
    ]);
  });
});
