/** A canvas over a chart that draws the parts that move while z is dragged. */
import { useEffect, useRef } from 'react';
import type { AxisMap } from './axisMap.ts';
import { drawOverlay, type OverlaySpec } from './overlayDraw.ts';

export function LiveOverlay({ map, spec }: { map: AxisMap; spec: OverlaySpec }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(map.width * dpr);
    const h = Math.round(map.height * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, map.width, map.height);
    drawOverlay(ctx, map, spec);
  }, [map, spec]);
  return (
    <canvas
      ref={ref}
      data-testid="live-overlay"
      aria-hidden="true"
      style={{ position: 'absolute', left: 0, top: 0, width: map.width, height: map.height, pointerEvents: 'none' }}
    />
  );
}
