/** The model switch's rules: families per choice, the shown answer, and disagreement at the GF thresholds. */
import { describe, expect, it } from 'vitest';
import type { ExportRow } from '../../src/core/export/types.ts';
import { deriveRow, familiesDisagree, familiesOf, mergeAnswers, shownFamily } from '../../src/state/familyAnswers.ts';
import type { ResultRow } from '../../src/state/types.ts';

const answer = (family: 'encoder' | 'unet', cls: 'STAR' | 'GALAXY' | 'QSO' | undefined, z?: number): ExportRow => ({
  fileName: 'a.fits',
  index: 0,
  spectrumId: 'a',
  meta: { format: 'sdss-spec' },
  family,
  cls,
  z,
  chi2: cls ? { STAR: 3, GALAXY: 2, QSO: 1.5 } : undefined,
  flags: [],
  ...(cls ? {} : { error: 'model-load: could not fetch unet-qso.onnx' }),
});

const row = (answers: ResultRow['answers']): ResultRow =>
  deriveRow({ key: 'k', fileId: 1, fileLevel: false, answers }, 'encoder');

describe('familiesOf / shownFamily', () => {
  it('runs one family or both, the shown one first', () => {
    expect(familiesOf('encoder')).toEqual(['encoder']);
    expect(familiesOf('unet')).toEqual(['unet']);
    expect(familiesOf('both')).toEqual(['encoder', 'unet']);
    expect(shownFamily('both')).toBe('encoder');
    expect(shownFamily('unet')).toBe('unet');
  });
});

describe('familiesDisagree', () => {
  it('another class disagrees', () => {
    expect(familiesDisagree(answer('encoder', 'GALAXY', 0.5), answer('unet', 'QSO', 0.5))).toBe(true);
  });

  it('the same class disagrees only beyond the class GF threshold in |Δz|/(1+z)', () => {
    // GALAXY at z = 1: threshold 3e-4 · 2 = 6e-4 in z.
    expect(familiesDisagree(answer('encoder', 'GALAXY', 1), answer('unet', 'GALAXY', 1 + 5.9e-4))).toBe(false);
    expect(familiesDisagree(answer('encoder', 'GALAXY', 1), answer('unet', 'GALAXY', 1 - 6.1e-4))).toBe(true);
    // QSO at z = 2: threshold 3e-3 · 3 = 9e-3 in z.
    expect(familiesDisagree(answer('encoder', 'QSO', 2), answer('unet', 'QSO', 2.0089))).toBe(false);
    expect(familiesDisagree(answer('encoder', 'QSO', 2), answer('unet', 'QSO', 2.0091))).toBe(true);
  });

  it('is undefined while either family has no answer', () => {
    expect(familiesDisagree(answer('encoder', 'STAR', 0), undefined)).toBeUndefined();
    expect(familiesDisagree(answer('encoder', 'STAR', 0), answer('unet', undefined))).toBeUndefined();
  });
});

describe('deriveRow / mergeAnswers', () => {
  it('shows the chosen family, falls back to the other until it arrives, and keeps both answers', () => {
    const enc = answer('encoder', 'GALAXY', 0.1);
    const unet = answer('unet', 'QSO', 2.3);
    const onlyEnc = row({ encoder: enc });
    expect(deriveRow(onlyEnc, 'unet').row).toBe(enc);
    expect(onlyEnc.disagree).toBeUndefined();

    const incoming = deriveRow({ key: 'k', fileId: 1, fileLevel: false, answers: { unet } }, 'both');
    const merged = mergeAnswers(onlyEnc, incoming, 'both');
    expect(merged.answers).toEqual({ encoder: enc, unet });
    expect(merged.row).toBe(enc);
    expect(merged.chi2Best).toBe(2);
    expect(merged.disagree).toBe(true);
    const asUnet = deriveRow(merged, 'unet');
    expect(asUnet.row).toBe(unet);
    expect(asUnet.chi2Best).toBe(1.5);
    expect(asUnet.disagree).toBe(true);
  });
});
