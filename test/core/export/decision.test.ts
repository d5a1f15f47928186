import { describe, expect, it } from 'vitest';
import { acceptPatch, applyPatch, classPatch, decisionFromUnknown, frameFromText, frameToText, isEmptyDecision, zPatch } from '../../../src/core/export/decision.ts';
import { spectrumKey } from '../../../src/core/export/spectrumKey.ts';

const ident = { fileName: 'spec-3298-54924-0141.fits', index: 0, spectrumId: 'spec-3298-54924-0141' };
const key = spectrumKey(ident.fileName, ident.index, ident.spectrumId);

describe('applyPatch', () => {
  it('sets fields and stamps key and time', () => {
    expect(applyPatch(undefined, { qop: 4 }, ident, 10)).toEqual({ key, ...ident, qop: 4, updatedAt: 10 });
  });

  it('keeps earlier fields and removes those patched to undefined', () => {
    const a = applyPatch(undefined, { qop: 3, z: 0.1, cls: 'GALAXY', comment: 'Hα' }, ident, 1)!;
    const b = applyPatch(a, { z: undefined, cls: undefined }, ident, 2)!;
    expect(b).toEqual({ key, ...ident, qop: 3, comment: 'Hα', updatedAt: 2 });
  });

  it('returns undefined when nothing decided is left (an empty comment counts as none)', () => {
    const a = applyPatch(undefined, { comment: 'x' }, ident, 1)!;
    expect(applyPatch(a, { comment: '' }, ident, 2)).toBeUndefined();
    expect(isEmptyDecision({ comment: '' })).toBe(true);
  });

  it('throws for values the UI must never send', () => {
    expect(() => applyPatch(undefined, { qop: 5 as never }, ident, 1)).toThrow(RangeError);
    expect(() => applyPatch(undefined, { z: NaN }, ident, 1)).toThrow(RangeError);
    expect(() => applyPatch(undefined, { cls: 'PLANET' as never }, ident, 1)).toThrow(RangeError);
  });
});

describe('decisionFromUnknown', () => {
  it('rebuilds a valid decision with its key, dropping nulls', () => {
    expect(decisionFromUnknown({ ...ident, key: 'forged', qop: 6, z: null, comment: 'star', updatedAt: 5 })).toEqual({
      key,
      ...ident,
      qop: 6,
      comment: 'star',
      updatedAt: 5,
    });
  });

  it('names what is wrong', () => {
    expect(decisionFromUnknown({ ...ident, qop: 5 })).toMatch(/QOP 5/);
    expect(decisionFromUnknown({ ...ident, index: -1, qop: 4 })).toMatch(/index/);
    expect(decisionFromUnknown({ ...ident, cls: 'star' })).toMatch(/class star/);
    expect(decisionFromUnknown({ ...ident })).toBe('records no decision');
    expect(decisionFromUnknown('x')).toBe('not an object');
  });

  it('treats a missing or impossible time as the oldest (0)', () => {
    expect(decisionFromUnknown({ ...ident, qop: 4 })).toMatchObject({ updatedAt: 0 });
    expect(decisionFromUnknown({ ...ident, qop: 4, updatedAt: 1e300 })).toMatchObject({ updatedAt: 0 });
  });
});

describe('classPatch / zPatch', () => {
  it("a manual class equal to the pipeline's clears the override; another class sets it", () => {
    expect(classPatch('GALAXY', 'GALAXY')).toEqual({ cls: undefined });
    expect(classPatch('QSO', 'GALAXY')).toEqual({ cls: 'QSO' });
    expect(classPatch('STAR', undefined)).toEqual({ cls: 'STAR' });
  });

  it("a manual z at the pipeline's z on the pipeline's class clears the override", () => {
    const pipeline = { cls: 'GALAXY' as const, z: 0.045033621 };
    expect(zPatch(0.045033621 + 1e-12, 'GALAXY', pipeline)).toEqual({ z: undefined });
    expect(zPatch(0.046, 'GALAXY', pipeline)).toEqual({ z: 0.046 });
    // The same number on another class is a decision: that class's z is not the pipeline's answer.
    expect(zPatch(0.045033621, 'QSO', pipeline)).toEqual({ z: 0.04503362 });
  });

  it('a manual z is saved with 7 significant digits, by zPatch and by applyPatch whatever built the patch', () => {
    const pipeline = { cls: 'GALAXY' as const, z: 0.045033621 };
    expect(zPatch(0.123517910261157, 'GALAXY', pipeline)).toEqual({ z: 0.1235179 });
    expect(zPatch(-0.000312345678, 'STAR', { cls: 'STAR', z: 0 })).toEqual({ z: -0.0003123457 });
    expect(applyPatch(undefined, { z: 0.123517910261157 }, ident, 1)?.z).toBe(0.1235179);
    expect(applyPatch(undefined, { z: 2.71828182845 }, ident, 1)?.z).toBe(2.718282);
    // A z equal to the pipeline's once rounded as saved is the pipeline's answer, not a decision.
    expect(zPatch(0.0450336214, 'GALAXY', pipeline)).toEqual({ z: undefined });
    // An earlier stored z is kept as it was when another field changes.
    const old = { key, ...ident, z: 0.123517910261157, updatedAt: 1 };
    expect(applyPatch(old, { qop: 3 }, ident, 2)?.z).toBe(0.123517910261157);
  });
});

describe('frame override in a decision', () => {
  it('is kept, removed by undefined, and alone makes a decision', () => {
    const a = applyPatch(undefined, { frame: { medium: 'air' } }, ident, 1)!;
    expect(a.frame).toEqual({ medium: 'air' });
    expect(isEmptyDecision(a)).toBe(false);
    const b = applyPatch(a, { qop: 3 }, ident, 2)!;
    expect(b.frame).toEqual({ medium: 'air' });
    expect(applyPatch(a, { frame: undefined }, ident, 3)).toBeUndefined();
  });

  it('round-trips through the CSV text form and refuses unknown values', () => {
    const f = { medium: 'vacuum' as const, velocity: 'topocentric' as const, treatAs: 'other' as const };
    expect(frameToText(f)).toBe('medium=vacuum;velocity=topocentric;treat=other');
    expect(frameFromText(frameToText(f)!)).toEqual(f);
    expect(frameFromText('')).toBeUndefined();
    expect(frameFromText('medium=water')).toMatch(/not air or vacuum/);
    expect(decisionFromUnknown({ ...ident, frame: { velocity: 'galactic' } })).toMatch(/not one of/);
    expect(decisionFromUnknown({ ...ident, frame: { medium: 'air' }, updatedAt: 5 })).toMatchObject({ frame: { medium: 'air' }, updatedAt: 5 });
  });
});

describe('acceptPatch (issue 9: explore, then accept)', () => {
  const pipeline = { cls: 'GALAXY' as const, z: 0.04503 };
  it('accepting the pipeline answer with a QOP writes the QOP only (class and z stay the pipeline\'s)', () => {
    expect(acceptPatch({ cls: 'GALAXY', z: 0.04503 }, pipeline, 4)).toEqual({ cls: undefined, z: undefined, qop: 4 });
  });
  it('a moved z is written rounded to 7 digits; another class is written with its z', () => {
    expect(acceptPatch({ cls: 'GALAXY', z: 0.123517910261157 }, pipeline, 3)).toEqual({ cls: undefined, z: 0.1235179, qop: 3 });
    expect(acceptPatch({ cls: 'QSO', z: 0.04503 }, pipeline)).toEqual({ cls: 'QSO', z: 0.04503 });
  });
  it('without a QOP (Enter) the patch leaves the QOP already set alone', () => {
    const before = applyPatch(undefined, { qop: 2 }, ident, 1);
    const after = applyPatch(before, acceptPatch({ cls: 'STAR', z: 0.0001 }, pipeline), ident, 2)!;
    expect(after).toMatchObject({ qop: 2, cls: 'STAR', z: 0.0001 });
  });
});
