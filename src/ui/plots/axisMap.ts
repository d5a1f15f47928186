/**
 * Data → pixel mapping of a drawn Plotly chart, read from its graph div, so
 * a canvas over the chart can draw what moves (the reconstruction while z is
 * dragged) without asking Plotly to redraw.
 *
 * Reads Plotly's `_fullLayout` axis fields (`_offset`, `_length`, `range`,
 * `type`): internal, but stable across Plotly 1–4. When they are missing the
 * map is undefined and callers fall back to plain Plotly updates.
 */

export interface AxisScale {
  /** Pixels from the chart's left (x) or top (y) edge to the axis start. */
  offset: number;
  /** Axis length in pixels. */
  length: number;
  /** Visible range in axis units (log10 of the value for a log axis). */
  range: [number, number];
  log: boolean;
}

export type AxisName = 'x' | 'x2' | 'y' | 'y2';

export interface AxisMap {
  /** Chart size in CSS pixels. */
  width: number;
  height: number;
  axes: Partial<Record<AxisName, AxisScale>>;
}

const LAYOUT_KEY: Record<AxisName, string> = { x: 'xaxis', x2: 'xaxis2', y: 'yaxis', y2: 'yaxis2' };

function scaleOf(ax: unknown): AxisScale | undefined {
  if (typeof ax !== 'object' || ax === null) return undefined;
  const a = ax as { _offset?: unknown; _length?: unknown; range?: unknown; type?: unknown };
  const r = a.range;
  if (typeof a._offset !== 'number' || typeof a._length !== 'number' || !Array.isArray(r) || r.length !== 2) return undefined;
  const r0 = Number(r[0]);
  const r1 = Number(r[1]);
  if (!Number.isFinite(r0) || !Number.isFinite(r1) || r0 === r1 || !(a._length > 0)) return undefined;
  return { offset: a._offset, length: a._length, range: [r0, r1], log: a.type === 'log' };
}

/** The axes of a drawn chart, or undefined when the graph div does not look like one. */
export function readAxisMap(gd: unknown): AxisMap | undefined {
  const fl = (gd as { _fullLayout?: Record<string, unknown> } | null)?._fullLayout;
  if (!fl || typeof fl.width !== 'number' || typeof fl.height !== 'number') return undefined;
  const axes: Partial<Record<AxisName, AxisScale>> = {};
  for (const name of Object.keys(LAYOUT_KEY) as AxisName[]) {
    const s = scaleOf(fl[LAYOUT_KEY[name]]);
    if (s) axes[name] = s;
  }
  if (!axes.x || !axes.y) return undefined;
  return { width: fl.width, height: fl.height, axes };
}

/** Pixel of value v on an x axis (from the left) or a y axis (from the top); NaN for a non-positive value on a log axis. */
export function toPixel(s: AxisScale, v: number, vertical: boolean): number {
  const u = s.log ? (v > 0 ? Math.log10(v) : Number.NaN) : v;
  const f = (u - s.range[0]) / (s.range[1] - s.range[0]);
  return s.offset + (vertical ? 1 - f : f) * s.length;
}
