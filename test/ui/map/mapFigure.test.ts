/** The map's traces: one legend entry per class, flag kind or QOP, or one colour scale of outlier scores; hover text is plain. */
import { describe, expect, it } from 'vitest';
import { mapTraces, type MapPoint } from '../../../src/ui/map/mapFigure.ts';

// Ids and answers of SDSS fixtures (test/fixtures/sdss/truth.csv), one with a hostile id.
const POINTS: MapPoint[] = [
  { key: 'a', id: 'spec-7401-56808-0703', cls: 'QSO', z: 2.17327, flags: ['high-chi2', 'coefficient-outlier'], qop: 4, outlier: 1.34 },
  { key: 'b', id: 'spec-0375-52140-0356', cls: 'GALAXY', z: 0.04503, flags: [], qop: undefined, outlier: 1.01 },
  { key: 'c', id: '<b onmouseover=x>', cls: 'STAR', z: 0.00092, flags: ['close-classes'], qop: 6, outlier: undefined },
];
const XY = Float32Array.from([0, 1, 2, 3, 4, 5]);

type T = { name: string; x: number[]; customdata: string[]; hovertext: string[]; marker: { color: unknown } };
const traces = (c: Parameters<typeof mapTraces>[2]) => mapTraces(POINTS, XY, c) as unknown as T[];

describe('mapTraces', () => {
  it('by class: a trace per class present, each point at its place with its key', () => {
    const t = traces('class');
    expect(t.map((x) => x.name)).toEqual(['STAR (1)', 'GALAXY (1)', 'QSO (1)']);
    expect(t[2].x).toEqual([0]);
    expect(t[2].customdata).toEqual(['a']);
  });

  it('by flag: the coefficient outlier apart from the other flags and the unflagged', () => {
    expect(traces('flag').map((x) => x.name)).toEqual(['no flag (1)', 'other flag (1)', 'coefficient-outlier (1)']);
  });

  it('by QOP and by outlier score (unscored points grey, the rest on one scale)', () => {
    expect(traces('qop').map((x) => x.name)).toEqual(['no QOP (1)', 'QOP 4 (1)', 'QOP 6 (1)']);
    const o = traces('outlier');
    expect(o.map((x) => x.name)).toEqual(['no score (1)', 'outlier score (2)']);
    expect(o[1].marker.color).toEqual([1.34, 1.01]);
  });

  it('shows header text as plain text in the hover', () => {
    const star = traces('class')[0];
    expect(star.hovertext[0]).toContain('&lt;b onmouseover=x&gt;');
    expect(star.hovertext[0]).not.toContain('<b ');
  });
});
