import { describe, expect, it } from 'vitest';
import { keyOf, spectrumKey } from '../../../src/core/export/spectrumKey.ts';

describe('spectrumKey', () => {
  it('differs when any part differs', () => {
    const k = spectrumKey('spec-0375-52140-0356.fits', 0, 'spec-0375-52140-0356');
    expect(spectrumKey('spec-0375-52140-0356.fits', 1, 'spec-0375-52140-0356')).not.toBe(k);
    expect(spectrumKey('copy.fits', 0, 'spec-0375-52140-0356')).not.toBe(k);
    expect(spectrumKey('spec-0375-52140-0356.fits', 0, 'fiber-1')).not.toBe(k);
  });

  it('cannot be forged by separators inside the parts', () => {
    expect(spectrumKey('a","1', 2, 'b')).not.toBe(spectrumKey('a', 1, '2","b'));
    expect(JSON.parse(spectrumKey('a","1', 2, 'b'))).toEqual(['a","1', 2, 'b']);
  });

  it('is the same for an ident object', () => {
    expect(keyOf({ fileName: 'f.fits', index: 3, spectrumId: 'x' })).toBe(spectrumKey('f.fits', 3, 'x'));
  });

  it('throws for an index that is not an integer ≥ 0 (programmer error)', () => {
    expect(() => spectrumKey('f', -1, 'x')).toThrow(RangeError);
    expect(() => spectrumKey('f', 1.5, 'x')).toThrow(RangeError);
  });
});
