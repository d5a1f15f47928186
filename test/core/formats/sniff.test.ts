import { describe, expect, it } from 'vitest';
import { sniff } from '../../../src/core/formats/sniff.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('sniff', () => {
  it('tells FITS, gzip, text and anything else apart from the first bytes', () => {
    expect(sniff(bytes('SIMPLE  =                    T'))).toBe('fits');
    expect(sniff(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe('gzip');
    expect(sniff(bytes('# λ flux\n4000.0 1.5\n'))).toBe('text');
    expect(sniff(bytes('wavelength,flux\r\n4000,1\r\n'))).toBe('text');
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('unknown'); // PNG
    expect(sniff(new Uint8Array(0))).toBe('unknown');
  });
});
