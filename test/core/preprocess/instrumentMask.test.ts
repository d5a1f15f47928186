import { describe, expect, it } from 'vitest';
import { N_INPUT } from '../../../src/core/grid/modelGrid.ts';
import { applyInstrumentMasks, modelPixelWavelength } from '../../../src/core/preprocess/instrumentMask.ts';

const grid = () => ({ flux: new Float32Array(N_INPUT).fill(1), ivar: new Float32Array(N_INPUT).fill(1) });
const masked = (g: { ivar: Float32Array }, lambda: number) => {
  let k = 0;
  while (modelPixelWavelength(k) < lambda) k++;
  return g.ivar[k] === 0;
};

describe('instrument masks', () => {
  it('takes out [O I] 5577 and the A band as no data, and leaves the rest', () => {
    const g = applyInstrumentMasks(grid(), { skyLineHalfWidthA: 8, tellurics: true });
    expect(masked(g, 5578.9)).toBe(true);
    expect(masked(g, 7620)).toBe(true);
    expect(masked(g, 5000)).toBe(false);
    expect(g.noData![g.ivar.indexOf(0)]).toBe(1);
    expect(g.nMasked).toBeGreaterThan(100);
  });

  it('trims the ends of the coverage, not of the grid', () => {
    const src = grid();
    src.ivar.fill(0, 0, 500); // coverage starts at pixel 500
    const g = applyInstrumentMasks(src, { edgePixels: 20 });
    expect(g.ivar[519]).toBe(0);
    expect(g.ivar[520]).toBe(1);
    expect(g.ivar[N_INPUT - 20]).toBe(0);
    expect(g.ivar[N_INPUT - 21]).toBe(1);
    expect(src.ivar[519]).toBe(1); // the input is not changed
  });
});
