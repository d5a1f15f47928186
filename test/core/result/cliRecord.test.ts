/** The command line's JSON keys, which users' scripts read: present, in order, rounded. */
import { describe, expect, it } from 'vitest';
import { toCliRecord } from '../../../src/core/result/cliRecord.ts';
import { RESULT_SCALARS, type ResultScalar } from '../../../src/core/result/spectrumResult.ts';
import { ROWS } from '../export/sampleRows.ts';

/** The CLI key of each scalar: a new scalar fails to compile here until it is named (or knowingly left out). */
const CLI_KEY: Record<ResultScalar, string | undefined> = {
  cls: 'class',
  z: 'z',
  chi2: 'chi2',
  zByClass: 'z_by_class',
  robustness: 'robustness',
  nGood: undefined,
  estimator: 'estimator',
  zErr: 'z_err',
  zErrByClass: 'z_err_by_class',
  zErrScale: 'z_err_scale',
  rankedMinima: 'minima',
  deltaChi2: 'deltachi2',
  secondRedshift: undefined, // z2, z2_snr, z2_lines only when the flag is set
  coefficients: 'coefficients',
};

describe('toCliRecord', () => {
  it('prints every scalar it names', () => {
    const rec = toCliRecord(ROWS[0], false) as unknown as Record<string, unknown>;
    for (const k of RESULT_SCALARS) if (CLI_KEY[k]) expect(rec[CLI_KEY[k]!]).toBeDefined();
  });

  it('maps an analysed spectrum to file, index, id, class, z, chi2, z_by_class, robustness, anomaly, ms', () => {
    const rec = toCliRecord({ ...ROWS[0], ms: 3.14159265 }, false);
    // the published keys first, in their order; later issues' keys after them; ms last
    expect(Object.keys(rec).slice(0, 9)).toEqual(['file', 'index', 'id', 'class', 'z', 'chi2', 'z_by_class', 'robustness', 'anomaly']);
    expect(Object.keys(rec).slice(9)).toEqual(['z_err', 'z_err_by_class', 'z_err_scale', 'minima', 'deltachi2', 'estimator', 'coefficients', 'outlier_lof', 'ms']);
    expect(rec).toMatchObject({ file: ROWS[0].fileName, index: 0, id: ROWS[0].spectrumId, class: 'QSO', z: 2.1819304, robustness: 0.4127, anomaly: [], ms: 3.142 });
    expect(rec.chi2).toEqual({ STAR: 4.812, GALAXY: 2.9051, QSO: 1.0432 });
    expect(rec.coefficients?.QSO).toHaveLength(11);
    expect(rec.coefficients?.QSO[9]).toBe(0.431805);
    expect(rec.outlier_lof).toBe(1.8734);
  });

  it('a unique minimum is robustness null; the model is named when asked', () => {
    const rec = toCliRecord(ROWS[1], true);
    expect(rec.robustness).toBeNull();
    expect(rec.model).toBe('encoder');
    expect(rec.anomaly).toEqual(['edge-of-range', 'close-classes']);
  });

  it('a failure keeps file, index and id and says why', () => {
    const rec = toCliRecord({ fileName: 'b.fits', index: 2, spectrumId: 'fiber-3', meta: { format: '' }, family: 'encoder', flags: [], error: 'all-masked: every pixel is masked' }, false);
    expect(rec).toEqual({ file: 'b.fits', index: 2, id: 'fiber-3', error: 'b.fits[2]: all-masked: every pixel is masked' });
  });
});
