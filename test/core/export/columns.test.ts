/**
 * The CSV/FITS column list covers every scalar of the result contract. Adding a
 * scalar to RESULT_SCALARS fails to compile here until its column is named
 * (docs/architecture.md, "Adding a field").
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../src/core/export/columns.ts';
import { buildExportRecords } from '../../../src/core/export/records.ts';
import { RESULT_SCALARS, type ResultScalar } from '../../../src/core/result/spectrumResult.ts';
import { ROWS } from './sampleRows.ts';

const COLUMNS_OF: Record<ResultScalar, string[]> = {
  cls: ['class'],
  z: ['z'],
  chi2: ['chi2_star', 'chi2_galaxy', 'chi2_qso'],
  zByClass: ['z_star', 'z_galaxy', 'z_qso'],
  robustness: ['robustness'],
  nGood: ['n_good'],
  estimator: ['estimator'],
  zErr: ['z_err'],
  zErrByClass: ['z_err_star', 'z_err_galaxy', 'z_err_qso'],
  zErrScale: ['z_err_scale_star', 'z_err_scale_galaxy', 'z_err_scale_qso'],
  rankedMinima: ['minima'],
  deltaChi2: ['deltachi2'],
  secondRedshift: ['z2', 'z2_snr', 'z2_lines'],
  coefficients: [...['star', 'galaxy', 'qso'].flatMap((c) => [...Array.from({ length: 10 }, (_, j) => `coef_${c}_${j}`), `amp_${c}`])],
};

describe('export columns', () => {
  it('name every scalar of the contract, once, keeping the published names', () => {
    const names = EXPORT_COLUMNS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const k of RESULT_SCALARS) for (const n of COLUMNS_OF[k]) expect(names).toContain(n);
    expect(names.slice(0, 3)).toEqual(['file', 'index', 'id']);
  });

  it('read each cell from the record: a row, its decision, or nothing', () => {
    const [rec] = buildExportRecords([ROWS[0]], {});
    const cell = (name: string) => EXPORT_COLUMNS.find((c) => c.name === name)!.value(rec);
    expect(cell('class')).toBe('QSO');
    expect(cell('chi2_galaxy')).toBe(2.9051);
    expect(cell('z_qso')).toBe(2.1819304);
    expect(cell('n_good')).toBe(3987);
    expect(cell('truth_class')).toBe('QSO');
    expect(cell('user_qop')).toBeUndefined();
    expect(cell('coef_qso_9')).toBe(0.431805);
    expect(cell('amp_star')).toBe(5.64835);
    expect(cell('outlier_lof')).toBe(1.8734);
  });
});
