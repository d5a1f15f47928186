import { describe, expect, it } from 'vitest';
import { plainText } from '../../../src/ui/plots/plainText.ts';

describe('plainText', () => {
  it('drops markup and control characters from header text', () => {
    expect(plainText('1E-17 erg/s/cm^2/Ang')).toBe('1E-17 erg/s/cm^2/Ang');
    expect(plainText('<img src=x onerror="alert(1)">')).toBe('img src=x onerror=alert(1)');
    expect(plainText('a\u0000b\nc')).toBe('abc');
  });
  it('caps the length', () => {
    const s = plainText('x'.repeat(100), 10);
    expect(s).toHaveLength(10);
    expect(s.endsWith('…')).toBe(true);
  });
});
