/** The anomaly map's traces: one point per embedded spectrum, coloured by class, flag, QOP or outlier score. */
import type { Data } from 'plotly.js-dist-min';
import { CLASSES } from '../../core/types.ts';
import type { MapColour } from '../../state/mapSlice.ts';
import { formatZ } from '../format.ts';
import { CLASS_COLORS } from '../plots/palette.ts';
import { plainText } from '../plots/plainText.ts';

/** What a point shows of its spectrum. */
export interface MapPoint {
  key: string;
  id: string;
  cls: string;
  z: number | undefined;
  flags: readonly string[];
  qop: number | undefined;
  outlier: number | undefined;
}

/** Points of one legend entry. */
function trace(name: string, pts: readonly { p: MapPoint; i: number }[], xy: Float32Array, marker: Record<string, unknown>): Data {
  return {
    type: 'scatter',
    mode: 'markers',
    name: `${name} (${pts.length})`,
    x: pts.map(({ i }) => xy[2 * i]),
    y: pts.map(({ i }) => xy[2 * i + 1]),
    customdata: pts.map(({ p }) => p.key),
    hovertext: pts.map(({ p }) => `${plainText(p.id)}<br>${p.cls} z = ${formatZ(p.z)}${p.outlier !== undefined ? `<br>LOF ${p.outlier.toFixed(2)}` : ''}`),
    hovertemplate: '%{hovertext}<extra></extra>',
    marker: { size: 7, line: { width: 0.5, color: 'rgba(0,0,0,0.35)' }, ...marker },
  } as Data;
}

const QOP_COLORS: Readonly<Record<string, string>> = { '4': '#009E73', '3': '#56B4E9', '2': '#E69F00', '1': '#D55E00', '6': '#CC79A7', none: '#BBBBBB' };

/** The map's traces for `points` at `xy` ([x0, y0, x1, y1, …], same order). */
export function mapTraces(points: readonly MapPoint[], xy: Float32Array, colour: MapColour): Data[] {
  const all = points.map((p, i) => ({ p, i }));
  const groups = (key: (p: MapPoint) => string, order: readonly string[]) => order.map((g) => ({ g, pts: all.filter(({ p }) => key(p) === g) })).filter((x) => x.pts.length > 0);
  switch (colour) {
    case 'class':
      return groups((p) => p.cls, [...CLASSES, 'error']).map(({ g, pts }) => trace(g, pts, xy, { color: CLASS_COLORS[g as keyof typeof CLASS_COLORS] ?? '#888' }));
    case 'flag': {
      const kind = (p: MapPoint) => (p.flags.includes('coefficient-outlier') ? 'coefficient-outlier' : p.flags.some((f) => f === 'high-chi2' || f === 'low-robustness') ? 'χ² / R flag' : p.flags.length > 0 ? 'other flag' : 'no flag');
      const colours: Record<string, string> = { 'coefficient-outlier': '#D55E00', 'χ² / R flag': '#E69F00', 'other flag': '#56B4E9', 'no flag': '#BBBBBB' };
      return groups(kind, ['no flag', 'other flag', 'χ² / R flag', 'coefficient-outlier']).map(({ g, pts }) => trace(g, pts, xy, { color: colours[g] }));
    }
    case 'qop': {
      const q = (p: MapPoint) => (p.qop === undefined ? 'none' : String(p.qop));
      return groups(q, ['none', '1', '2', '3', '4', '6']).map(({ g, pts }) => trace(g === 'none' ? 'no QOP' : `QOP ${g}`, pts, xy, { color: QOP_COLORS[g] }));
    }
    case 'outlier': {
      const scored = all.filter(({ p }) => p.outlier !== undefined);
      const rest = all.filter(({ p }) => p.outlier === undefined);
      const out: Data[] = [];
      if (rest.length > 0) out.push(trace('no score', rest, xy, { color: '#DDDDDD' }));
      if (scored.length > 0) {
        out.push(
          trace('outlier score', scored, xy, {
            color: scored.map(({ p }) => p.outlier),
            colorscale: 'Viridis',
            cmin: 1,
            cmax: Math.max(1.2, ...scored.map(({ p }) => p.outlier!)),
            showscale: true,
            colorbar: { title: { text: 'LOF' }, thickness: 12 },
          }),
        );
      }
      return out;
    }
  }
}
