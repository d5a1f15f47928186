import { describe, expect, it } from 'vitest';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { DECISION_MAP, DECISIONS, ROWS } from './sampleRows.ts';

describe('buildExportRecords', () => {
  it('joins each row with its decision by key, in row order', () => {
    const recs = buildExportRecords(ROWS, DECISION_MAP);
    expect(recs.slice(0, ROWS.length).map((r) => r.row)).toEqual(ROWS);
    expect(recs[0].decision).toBe(DECISIONS[0]);
    expect(recs[2].decision).toBe(DECISIONS[2]);
    expect(recs[3].decision).toBeUndefined();
  });

  it('appends decisions without a row (earlier sessions) so none is lost, unless told not to', () => {
    const recs = buildExportRecords(ROWS, DECISION_MAP);
    expect(recs).toHaveLength(ROWS.length + 1);
    expect(recs[ROWS.length]).toEqual({
      key: DECISIONS[3].key,
      ident: { fileName: DECISIONS[3].fileName, index: 0, spectrumId: DECISIONS[3].spectrumId },
      decision: DECISIONS[3],
    });
    expect(buildExportRecords(ROWS, DECISION_MAP, { includeOrphans: false })).toHaveLength(ROWS.length);
  });

  it('sorts orphans by file name then index', () => {
    const a = { ...DECISIONS[3], key: 'k1', fileName: 'b.fits', index: 2 };
    const b = { ...DECISIONS[3], key: 'k2', fileName: 'b.fits', index: 1 };
    const c = { ...DECISIONS[3], key: 'k3', fileName: 'a.fits', index: 9 };
    const recs = buildExportRecords([], { k1: a, k2: b, k3: c });
    expect(recs.map((r) => r.key)).toEqual(['k3', 'k2', 'k1']);
  });
});
