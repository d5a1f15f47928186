/** The latest axis map of a chart (see axisMap.ts), updated after every Plotly draw. */
import { useCallback, useState } from 'react';
import { readAxisMap, type AxisMap } from './axisMap.ts';

function same(a: AxisMap | undefined, b: AxisMap | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.width !== b.width || a.height !== b.height) return false;
  const names = new Set([...Object.keys(a.axes), ...Object.keys(b.axes)]) as Set<keyof AxisMap['axes']>;
  for (const n of names) {
    const p = a.axes[n];
    const q = b.axes[n];
    if (!p || !q || p.offset !== q.offset || p.length !== q.length || p.log !== q.log || p.range[0] !== q.range[0] || p.range[1] !== q.range[1]) return false;
  }
  return true;
}

export function useAxisMap(): [AxisMap | undefined, (gd: HTMLElement) => void] {
  const [map, setMap] = useState<AxisMap | undefined>(undefined);
  const onGraph = useCallback((gd: HTMLElement) => {
    const next = readAxisMap(gd);
    setMap((prev) => (same(prev, next) ? prev : next));
  }, []);
  return [map, onGraph];
}
