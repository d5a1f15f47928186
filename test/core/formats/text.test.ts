import { describe, expect, it } from 'vitest';
import { parseTextSpectrum } from '../../../src/core/formats/text.ts';
import type { Spectrum } from '../../../src/core/types.ts';
import { TRUTH, checkFixture } from './fixtureHelpers.ts';

function parsed(text: string): Spectrum {
  const r = parseTextSpectrum(text, 'x.txt');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function refused(text: string) {
  const r = parseTextSpectrum(text, 'x.txt');
  if (r.ok) throw new Error('expected bad-text');
  return r.error;
}

describe('text adapter fixtures', () => {
  it('CSV with a header line (σ column, nan flux, inf σ)', async () => {
    const [s] = await checkFixture('spectrum.csv');
    for (const p of TRUTH['spectrum.csv'].spectra[0].noDataPixels!) {
      expect(Number.isNaN(s.flux[p])).toBe(true);
      expect(s.ivar[p]).toBe(0);
    }
  });

  it('whitespace text with column names on the last comment line (ivar column)', async () => {
    await checkFixture('spectrum.txt');
  });
});

describe('parseTextSpectrum', () => {
  it('reads named columns in any order and case, σ → ivar', () => {
    const s = parsed('Flux, Wavelength, Sigma\n2, 4000, 0.5\n3, 4001, 0.25\n');
    expect(Array.from(s.wavelength)).toEqual([4000, 4001]);
    expect(Array.from(s.flux)).toEqual([2, 3]);
    expect(Array.from(s.ivar)).toEqual([4, 16]);
  });

  it('recognises ivar, variance and mask columns', () => {
    expect(Array.from(parsed('wave flux ivar\n4000 1 9\n4001 1 4\n').ivar)).toEqual([9, 4]);
    expect(Array.from(parsed('wave flux var\n4000 1 4\n4001 1 0\n').ivar)).toEqual([0.25, 0]);
    expect(Array.from(parsed('wave flux err mask\n4000 1 1 0\n4001 1 1 8\n').mask!)).toEqual([0, 1]);
  });

  it('without names reads wavelength, flux, σ and says so; two columns get equal weights', () => {
    const three = parsed('4000 1 0.5\n4001 2 0.5\n4002 3 0.5 \n');
    expect(Array.from(three.ivar)).toEqual([4, 4, 4]);
    expect(three.issues?.join(' ')).toMatch(/wavelength, flux, σ/);
    const two = parsed('4000 1\n4001 2\n');
    expect(Array.from(two.ivar)).toEqual([1, 1]);
    expect(two.issues?.join(' ')).toMatch(/weighted equally/);
  });

  it('converts nm and loglam wavelength columns to Å', () => {
    expect(Array.from(parsed('wavelength(nm),flux,error\n400,1,1\n401,1,1\n').wavelength)).toEqual([4000, 4010]);
    expect(parsed('wave_nm flux err\n400 1 1\n401 1 1\n').wavelength[0]).toBe(4000);
    expect(parsed('loglam flux ivar\n3.6 1 1\n3.7 1 1\n').wavelength[0]).toBeCloseTo(10 ** 3.6, 9);
  });

  it('accepts CRLF, a BOM, nan/inf and Fortran D exponents; reverses decreasing wavelengths', () => {
    const s = parsed('\uFEFF# comment\r\nwave,flux,error\r\n4002,NaN,0.1D0\r\n4001,2.5E0,inf\r\n4000,1,0.1\r\n');
    expect(Array.from(s.wavelength)).toEqual([4000, 4001, 4002]);
    expect(s.flux[1]).toBe(2.5);
    expect(Number.isNaN(s.flux[2])).toBe(true);
    expect(s.ivar[1]).toBe(0); // σ = inf
    expect(s.ivar[2]).toBe(0); // NaN flux
    expect(s.ivar[0]).toBeCloseTo(100, 4);
    expect(s.issues?.join(' ')).toMatch(/reversed/);
  });

  it("refuses malformed text with 'bad-text' and the line number", () => {
    const notNumber = refused('wave,flux,err\n4000,1,1\n# a comment\n4001,x1,1\n');
    expect(notNumber.code).toBe('bad-text');
    expect(notNumber.message).toMatch(/^Line 4: "x1" is not a number/);
    expect(refused('4000 1 1\n4001 1\n').message).toMatch(/^Line 2: 2 columns where the first data line has 3/);
    expect(refused('# only comments\n\n').message).toMatch(/no data lines/);
    expect(refused('4000\n4001\n').message).toMatch(/^Line 1: only one column/);
  });
});
