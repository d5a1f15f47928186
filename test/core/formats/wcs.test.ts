import { describe, expect, it } from 'vitest';
import type { FitsHeader, HeaderValue } from '../../../src/core/fits/types.ts';
import { hasSpectralWcs, wcsWavelength } from '../../../src/core/formats/wcs.ts';

/** A header from plain key/values (keys upper-cased, as the reader stores them). */
function header(cards: Record<string, HeaderValue>): FitsHeader {
  const m = new Map(Object.entries(cards).map(([k, v]) => [k.toUpperCase(), v]));
  return {
    get: (k) => m.get(k.toUpperCase()),
    getString: (k) => (typeof m.get(k.toUpperCase()) === 'string' ? (m.get(k.toUpperCase()) as string) : undefined),
    getNumber: (k) => (typeof m.get(k.toUpperCase()) === 'number' ? (m.get(k.toUpperCase()) as number) : undefined),
    getBoolean: (k) => (typeof m.get(k.toUpperCase()) === 'boolean' ? (m.get(k.toUpperCase()) as boolean) : undefined),
    has: (k) => m.has(k.toUpperCase()),
    keywords: () => [...m.keys()],
    cards: () => [...m].map(([keyword, value]) => ({ keyword, value })),
  };
}

function wave(cards: Record<string, HeaderValue>, n = 5) {
  const r = wcsWavelength(header(cards), n);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('wcsWavelength', () => {
  it('a header read again (every fibre of a plate) gives the same axis in arrays of its own', () => {
    const h = header({ COEFF0: 3.58, COEFF1: 1e-4, CUNIT1: 'nm' });
    const axes = [1, 2, 3, 4].map(() => {
      const r = wcsWavelength(h, 6);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
    const first = Array.from(axes[0].wavelength);
    axes[1].wavelength.fill(0); // a caller that changes its axis (reversal, air → vacuum in place)
    axes[1].issues.push('changed');
    for (const a of [axes[2], axes[3]]) {
      expect(Array.from(a.wavelength)).toEqual(first);
      expect(a.issues).toEqual(axes[0].issues);
    }
    expect(new Set(axes.map((a) => a.wavelength)).size).toBe(4);
    // another length of the same header is its own axis
    const longer = wcsWavelength(h, 8);
    expect(longer.ok && longer.value.wavelength.length).toBe(8);
  });

  it('linear axis: CRVAL1 + CDELT1·(p − CRPIX1) with 1-based p; CD1_1 wins over CDELT1; CRPIX1 defaults to 1', () => {
    expect(Array.from(wave({ CRVAL1: 5000, CDELT1: 2, CRPIX1: 3 }).wavelength)).toEqual([4996, 4998, 5000, 5002, 5004]);
    expect(Array.from(wave({ CRVAL1: 5000, CDELT1: 2, CD1_1: 3 }).wavelength)).toEqual([5000, 5003, 5006, 5009, 5012]);
  });

  it('log10 axes: DC-FLAG = 1, WFITTYPE LOG-LINEAR, LOGSCALE = T, and COEFF0/COEFF1 (which win)', () => {
    const flags: Record<string, HeaderValue>[] = [{ 'DC-FLAG': 1 }, { WFITTYPE: 'LOG-LINEAR' }, { LOGSCALE: true }];
    for (const extra of flags) {
      expect(wave({ CRVAL1: 3.6, CDELT1: 1e-4, ...extra }).wavelength[2]).toBeCloseTo(10 ** 3.6002, 8);
    }
    const w = wave({ COEFF0: 3.58, COEFF1: 1e-4, CRVAL1: 1, CDELT1: 1 });
    expect(w.wavelength[0]).toBeCloseTo(10 ** 3.58, 9);
    expect(w.wavelength[4]).toBeCloseTo(10 ** 3.5804, 9);
  });

  it('an unflagged axis running 2.5–5 is read as log10 Å, with an issue', () => {
    const w = wave({ CRVAL1: 3.6, CDELT1: 1e-4 });
    expect(w.wavelength[0]).toBeCloseTo(10 ** 3.6, 8);
    expect(w.issues[0]).toMatch(/read as log10/);
  });

  it("CTYPE1 '-LOG' axes follow FITS paper III: λ = CRVAL1·exp(CDELT1·(p − CRPIX1)/CRVAL1)", () => {
    const w = wave({ CTYPE1: 'WAVE-LOG', CRVAL1: 5000, CDELT1: 1, CRPIX1: 2 }).wavelength;
    expect(w[1]).toBe(5000);
    expect(w[2]).toBeCloseTo(5000 * Math.exp(1 / 5000), 9);
  });

  it('converts CUNIT1 to Å and reports an unknown unit', () => {
    expect(wave({ CRVAL1: 400, CDELT1: 0.1, CUNIT1: 'nm' }).wavelength[1]).toBeCloseTo(4001, 9);
    expect(wave({ CRVAL1: 0.4, CDELT1: 1e-4, CUNIT1: 'um' }).wavelength[0]).toBeCloseTo(4000, 9);
    expect(wave({ CRVAL1: 4000, CDELT1: 1, CUNIT1: 'furlong' }).issues[0]).toMatch(/Unknown wavelength unit/);
  });

  it('air/vacuum hints: AWAV and AIRORVAC/VACUUM say; WAVELENGTH or LINEAR say nothing', () => {
    const hint = (cards: Record<string, HeaderValue>) => wave({ CRVAL1: 4000, CDELT1: 1, ...cards }).airHint;
    expect(hint({ CTYPE1: 'AWAV' })).toBe(true);
    expect(hint({ CTYPE1: 'AWAV-LOG' })).toBe(true);
    expect(hint({ CTYPE1: 'WAVE' })).toBe(false);
    expect(hint({ AIRORVAC: 'air' })).toBe(true);
    expect(hint({ AIRORVAC: 'vac' })).toBe(false);
    expect(hint({ VACUUM: true })).toBe(false);
    expect(hint({ VACUUM: false })).toBe(true);
    expect(hint({ CTYPE1: 'Wavelength' })).toBeUndefined(); // 2dfdr writes this for air wavelengths
    expect(hint({ CTYPE1: 'LINEAR' })).toBeUndefined();
  });

  it("refuses a header without a wavelength axis ('bad-wavelengths')", () => {
    const r = wcsWavelength(header({ CRVAL1: 4000 }), 10);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bad-wavelengths');
  });
});

describe('hasSpectralWcs', () => {
  it('accepts spectral and neutral CTYPE1 values, rejects celestial ones', () => {
    expect(hasSpectralWcs(header({ CRVAL1: 4000, CDELT1: 1 }))).toBe(true);
    expect(hasSpectralWcs(header({ CRVAL1: 4000, CDELT1: 1, CTYPE1: 'AWAV' }))).toBe(true);
    expect(hasSpectralWcs(header({ COEFF0: 3.5, COEFF1: 1e-4 }))).toBe(true);
    expect(hasSpectralWcs(header({ CRVAL1: 150, CDELT1: -1e-4, CTYPE1: 'RA---TAN' }))).toBe(false);
    expect(hasSpectralWcs(header({ CRVAL1: 4000 }))).toBe(false);
  });
});
