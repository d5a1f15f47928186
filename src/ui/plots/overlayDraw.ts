/**
 * What a live overlay draws — polylines on an axis pair and vertical lines —
 * and the drawing itself against the few canvas calls it needs (so it can be
 * checked without a browser).
 */
import { toPixel, type AxisMap, type AxisName } from './axisMap.ts';

export interface OverlaySeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  xaxis: 'x' | 'x2';
  yaxis: 'y' | 'y2';
  color: string;
  width: number;
  /** Dash pattern in px (solid when absent). */
  dash?: number[];
}

export interface OverlayVLine {
  x: number;
  xaxis: 'x' | 'x2';
  /** The line spans this y axis's extent. */
  yaxis: 'y' | 'y2';
  color: string;
  width: number;
  dash?: number[];
}

export interface OverlaySpec {
  series: OverlaySeries[];
  vlines: OverlayVLine[];
}

/** The subset of CanvasRenderingContext2D the overlay uses. */
export interface Ctx2D {
  save(): void;
  restore(): void;
  beginPath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  clip(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
  strokeStyle: unknown;
  lineWidth: number;
}

/** Draw `spec` onto a cleared context whose units are CSS pixels of the chart. Parts on missing axes are skipped. */
export function drawOverlay(ctx: Ctx2D, map: AxisMap, spec: OverlaySpec): void {
  const ax = (n: AxisName) => map.axes[n];
  for (const s of spec.series) {
    const sx = ax(s.xaxis);
    const sy = ax(s.yaxis);
    if (!sx || !sy) continue;
    ctx.save();
    ctx.beginPath();
    ctx.rect(sx.offset, sy.offset, sx.length, sy.length);
    ctx.clip();
    ctx.beginPath();
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width;
    ctx.setLineDash(s.dash ?? []);
    let pen = false;
    const n = Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      const px = toPixel(sx, s.x[i], false);
      const py = toPixel(sy, s.y[i], true);
      if (!Number.isFinite(px) || !Number.isFinite(py)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    }
    ctx.stroke();
    ctx.restore();
  }
  for (const l of spec.vlines) {
    const sx = ax(l.xaxis);
    const sy = ax(l.yaxis);
    if (!sx || !sy) continue;
    const px = toPixel(sx, l.x, false);
    if (!(px >= sx.offset && px <= sx.offset + sx.length)) continue;
    ctx.save();
    ctx.beginPath();
    ctx.strokeStyle = l.color;
    ctx.lineWidth = l.width;
    ctx.setLineDash(l.dash ?? []);
    ctx.moveTo(px, sy.offset);
    ctx.lineTo(px, sy.offset + sy.length);
    ctx.stroke();
    ctx.restore();
  }
}
