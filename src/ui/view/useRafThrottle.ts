/**
 * A callback that runs at most once per animation frame with the latest
 * argument: slider input fires faster than Plotly can redraw.
 */
import { useCallback, useEffect, useRef } from 'react';

export function useRafThrottle<T>(fn: (value: T) => void): (value: T) => void {
  const fnRef = useRef(fn);
  const pending = useRef<{ value: T } | null>(null);
  const frame = useRef<number | null>(null);
  useEffect(() => {
    fnRef.current = fn;
  }, [fn]);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  return useCallback((value: T) => {
    pending.current = { value };
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const p = pending.current;
      pending.current = null;
      if (p) fnRef.current(p.value);
    });
  }, []);
}
