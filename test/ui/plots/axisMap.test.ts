import { describe, expect, it } from 'vitest';
import { readAxisMap, toPixel } from '../../../src/ui/plots/axisMap.ts';

// The fields Plotly keeps on a drawn graph div (gd._fullLayout).
const gd = {
  _fullLayout: {
    width: 700,
    height: 440,
    xaxis: { _offset: 60, _length: 630, range: [3600, 9200], type: 'linear' },
    yaxis: { _offset: 10, _length: 300, range: [-2, 18], type: 'linear' },
    yaxis2: { _offset: 330, _length: 100, range: [-1, 1], type: 'linear' },
    xaxis2: { _offset: 60, _length: 630, range: [0, 1], type: 'log' },
  },
};

describe('axis map', () => {
  it('reads the axes of a drawn chart', () => {
    const m = readAxisMap(gd)!;
    expect(m.width).toBe(700);
    expect(Object.keys(m.axes).sort()).toEqual(['x', 'x2', 'y', 'y2']);
    expect(m.axes.x2!.log).toBe(true);
  });
  it('maps range ends to the axis ends, y from the top', () => {
    const m = readAxisMap(gd)!;
    expect(toPixel(m.axes.x!, 3600, false)).toBe(60);
    expect(toPixel(m.axes.x!, 9200, false)).toBe(690);
    expect(toPixel(m.axes.y!, 18, true)).toBe(10);
    expect(toPixel(m.axes.y!, -2, true)).toBe(310);
    expect(toPixel(m.axes.y2!, 0, true)).toBe(380);
  });
  it('maps log axes in log10 and refuses non-positive values there', () => {
    const m = readAxisMap(gd)!;
    expect(toPixel(m.axes.x2!, 10, false)).toBe(690);
    expect(toPixel(m.axes.x2!, 10 ** 0.5, false)).toBeCloseTo(375, 9);
    expect(toPixel(m.axes.x2!, 0, false)).toBeNaN();
  });
  it('is undefined for anything that is not a drawn chart', () => {
    expect(readAxisMap(null)).toBeUndefined();
    expect(readAxisMap({})).toBeUndefined();
    expect(readAxisMap({ _fullLayout: { width: 1, height: 1, xaxis: { _offset: 0, _length: 0, range: [0, 1] }, yaxis: {} } })).toBeUndefined();
  });
});
