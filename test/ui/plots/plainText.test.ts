import { describe, expect, it } from 'vitest';
import { plainText } from '../../../src/ui/plots/plainText.ts';

describe('plainText', () => {
  it('escapes markup as entities (Plotly draws them as the characters) and drops control characters', () => {
    expect(plainText('1E-17 erg/s/cm^2/Ang')).toBe('1E-17 erg/s/cm^2/Ang');
    expect(plainText('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror="alert(1)"&gt;');
    expect(plainText('<a href="javascript:alert(1)">x</a>', 80)).toBe('&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;');
    expect(plainText('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;'); // an entity in the file stays text too
    expect(plainText('a\u0000b\nc')).toBe('abc');
    expect(plainText('<>&')).not.toMatch(/[<>]/);
  });
  it('caps the length before escaping (no entity is cut in half)', () => {
    const s = plainText('x'.repeat(100), 10);
    expect(s).toHaveLength(10);
    expect(s.endsWith('…')).toBe(true);
    expect(plainText('<'.repeat(20), 5)).toBe('&lt;&lt;&lt;&lt;…');
  });
});
