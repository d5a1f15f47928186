/** Table rows from real results, a failed spectrum, a failed file and a saved row: keys, answers, best χ². */
import { describe, expect, it } from 'vitest';
import { spectrumKey } from '../../src/core/export/spectrumKey.ts';
import { rowFromFailure, rowFromSaved } from '../../src/state/rows.ts';
import { realRows } from './realRows.ts';

describe('rows', () => {
  it("an analysed spectrum is keyed by file, index and id, holds its family's answer and its best χ²", async () => {
    const [r] = await realRows();
    expect(r.key).toBe(spectrumKey(r.row.fileName, r.row.index, r.row.spectrumId));
    expect(r.answers).toEqual({ encoder: r.row });
    expect(r.chi2Best).toBe(r.row.chi2![r.row.cls!]);
    expect(r.fileId).toBe(1);
  });

  it('a failed spectrum keeps its index; a failed file is one row keyed by its file id; a saved row comes back', async () => {
    const spectrum = rowFromFailure({ fileId: 4, fileName: 'p.fits', index: 7, error: { code: 'all-masked', message: 'every pixel masked' } }, 'unet');
    expect(spectrum).toMatchObject({ key: spectrumKey('p.fits', 7, '#7'), fileLevel: false, row: { family: 'unet', error: 'all-masked: every pixel masked' } });
    expect(spectrum.chi2Best).toBeNaN();
    const file = rowFromFailure({ fileId: 5, fileName: 'odd.fits', index: undefined, error: { code: 'not-fits', message: 'not FITS' } }, 'encoder');
    expect(file).toMatchObject({ key: 'file:5', fileLevel: true, row: { spectrumId: '' } });
    expect(rowFromSaved(file.row)).toMatchObject({ key: 'file:odd.fits', fileLevel: true, fileId: undefined });
    const [real] = await realRows();
    expect(rowFromSaved(structuredClone(real.row))).toMatchObject({ key: real.key, fileId: undefined, chi2Best: real.chi2Best });
  });
});
