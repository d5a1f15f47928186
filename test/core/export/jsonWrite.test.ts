import { describe, expect, it } from 'vitest';
import { toJson } from '../../../src/core/export/jsonWrite.ts';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { RESULT_SCALARS } from '../../../src/core/result/spectrumResult.ts';
import { DECISION_MAP, DECISIONS, ROWS } from './sampleRows.ts';

const AT = new Date(Date.UTC(2025, 4, 6, 7, 8, 9));

describe('toJson', () => {
  const doc = JSON.parse(toJson(buildExportRecords(ROWS, DECISION_MAP), AT));

  it('is versioned and dated', () => {
    expect(doc.format).toBe('gasnet-explorer-results');
    expect(doc.version).toBe(1);
    expect(doc.exportedAt).toBe('2025-05-06T07:08:09.000Z');
    expect(doc.rows).toHaveLength(ROWS.length + 1);
  });

  it('keeps the result structured, with null for unique robustness and NaN', () => {
    expect(doc.rows[0].result).toEqual({
      meta: ROWS[0].meta,
      family: 'encoder',
      cls: 'QSO',
      z: ROWS[0].z,
      chi2: ROWS[0].chi2,
      zByClass: ROWS[0].zByClass,
      robustness: 0.4127,
      flags: [],
      nGood: 3987,
      estimator: 'encoder',
      zErr: ROWS[0].zErr,
      zErrByClass: ROWS[0].zErrByClass,
      zErrScale: ROWS[0].zErrScale,
      rankedMinima: ROWS[0].rankedMinima,
      deltaChi2: ROWS[0].deltaChi2,
      secondRedshift: ROWS[0].secondRedshift,
      coefficients: ROWS[0].coefficients,
      outlier: 1.8734,
    });
    expect(doc.rows[1].result.robustness).toBeNull();
    expect(doc.rows[2].result.chi2.STAR).toBeNull();
    expect(doc.rows[3].result).toMatchObject({ cls: null, z: null, error: ROWS[3].error });
  });

  it('carries every scalar of the result contract by its own name (null when missing)', () => {
    for (const k of RESULT_SCALARS) for (const row of doc.rows.slice(0, ROWS.length)) expect(k in row.result).toBe(true);
  });

  it('nests each decision with its identity and key', () => {
    const { key, fileName, index, spectrumId, updatedAt, qop, comment } = DECISIONS[0];
    expect(doc.rows[0]).toMatchObject({ key, fileName, index, spectrumId, decision: { qop, comment, updatedAt } });
    expect(doc.rows[3].decision).toBeUndefined();
    expect(doc.rows[4].result).toBeUndefined();
    expect(doc.rows[4].decision).toMatchObject({ qop: 2, z: 1.5355, cls: 'QSO' });
  });
});
