/** The model's input grid in one place: centres, edges, and SDSS's own loglam lattice. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import { inputLogLamAt, inputPixelEdges, inputWavelengthAt, inputWavelengths, N_INPUT } from '../../../src/core/grid/modelGrid.ts';

describe('input grid', () => {
  it('pixel centres are 10^(3.5563 + 1e-4·k) and sit at the geometric middle of their edges', () => {
    const c = inputWavelengths();
    const e = inputPixelEdges();
    expect(c).toHaveLength(N_INPUT);
    expect(e).toHaveLength(N_INPUT + 1);
    expect(inputLogLamAt(0)).toBe(3.5563);
    expect(c[0]).toBeCloseTo(3600.0, 0);
    expect(e[0]).toBeCloseTo(3599.56, 2);
    expect(e[N_INPUT]).toBeCloseTo(9201.3, 1);
    for (const k of [0, 1234, N_INPUT - 1]) {
      expect(c[k]).toBe(inputWavelengthAt(k));
      expect(Math.sqrt(e[k] * e[k + 1]) / c[k]).toBeCloseTo(1, 12);
    }
  });

  it("is the lattice of an SDSS spectrum's own wavelengths (10^loglam)", async () => {
    const file = 'spec-0375-52140-0356.fits';
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'sdss', file)));
    const opened = await openSpectra(bytesSource(file, bytes));
    if (!opened.ok) throw new Error(opened.error.message);
    const s = await opened.value.read(0);
    if (!s.ok) throw new Error(s.error.message);
    const w = s.value.wavelength;
    const k0 = Math.round(Math.log10(w[0]) / 1e-4 - 35563);
    for (const i of [0, 100, 2000]) expect(w[i] / inputWavelengthAt(k0 + i)).toBeCloseTo(1, 6); // SDSS stores loglam in float32
  });
});
