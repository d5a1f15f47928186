/** The model switch's rules: families per choice, the shown answer and its disagreement mark. */
import { describe, expect, it } from 'vitest';
import type { SpectrumResult } from '../../src/core/result/spectrumResult.ts';
import { deriveRow, familiesOf, mergeAnswers, shownFamily } from '../../src/state/familyAnswers.ts';
import type { ResultRow } from '../../src/state/types.ts';

const answer = (family: 'encoder' | 'unet', cls: 'STAR' | 'GALAXY' | 'QSO' | undefined, z?: number): SpectrumResult => ({
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
