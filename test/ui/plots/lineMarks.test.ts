import { describe, expect, it } from 'vitest';
import { linesInRange } from '../../../src/core/lines/index.ts';
import { LABEL_MIN_PX, labelledMarkers, lineMarks } from '../../../src/ui/plots/lineMarks.ts';

describe('line markers at z = 0.1 over 3600–9200 Å', () => {
  const markers = linesInRange(0.1, 3600, 9200);

  it('draws one vertical line per line in range, emission dotted and absorption dashed', () => {
    const { shapes } = lineMarks(markers, { yDomain: [0.3, 1], allLabels: false, spanA: 5600 });
    expect(shapes).toHaveLength(markers.length);
    shapes.forEach((s, i) => {
      expect(s.x0).toBe(markers[i].observedA);
      expect(s.x1).toBe(markers[i].observedA);
      expect(s.y0).toBe(0.3);
      expect(s.y1).toBe(1);
      expect(s.line!.dash).toBe(markers[i].line.kind === 'emission' ? 'dot' : 'dash');
    });
  });

  it('labels major lines only, never two of a kind closer than the minimum separation', () => {
    const minSep = 5600 / 90;
    const kept = labelledMarkers(markers, minSep, false);
    expect(kept.length).toBeGreaterThan(3);
    expect(kept.every((m) => m.line.major)).toBe(true);
    for (const kind of ['emission', 'absorption']) {
      const xs = kept.filter((m) => m.line.kind === kind).map((m) => m.observedA);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(minSep);
    }
    // Hα is major and wins its crowded neighbourhood ([N II] 6548 is minor, [N II] 6583 is 20 Å away)
    expect(kept.map((m) => m.line.name)).toContain('Hα');
  });

  it('labels more lines when asked to label every line', () => {
    const some = labelledMarkers(markers, 10, false).length;
    const all = labelledMarkers(markers, 10, true).length;
    expect(all).toBeGreaterThan(some);
    const { annotations } = lineMarks(markers, { yDomain: [0.3, 1], allLabels: true, spanA: 900 });
    expect(annotations.every((a) => a.textangle === -90)).toBe(true);
    const em = annotations.find((a) => a.text === 'Hα')!;
    expect(em.y).toBe(1);
    expect(em.yanchor).toBe('top');
    const ab = annotations.find((a) => a.text === 'K')!;
    expect(ab.y).toBe(0.3);
  });
});

describe('line labels do not overlap', () => {
  it.each([
    ['GALAXY', 0.05],
    ['GALAXY', 0.4],
    ['STAR', 0],
    ['QSO', 2.2],
  ] as const)('%s at z = %f, every line labelled: no two labels (either kind) closer than LABEL_MIN_PX at 700 px', (cls, z) => {
    const span = 10400 - 3600;
    const { annotations } = lineMarks(linesInRange(z, 3600, 10400, { cls }), { yDomain: [0.3, 1], allLabels: true, spanA: span, widthPx: 700 });
    const px = annotations.map((a) => ((Number(a.x) - 3600) / span) * 700).sort((a, b) => a - b);
    expect(px.length).toBeGreaterThan(3);
    for (let i = 1; i < px.length; i++) expect(px[i] - px[i - 1]).toBeGreaterThanOrEqual(LABEL_MIN_PX - 1e-9);
  });
});
