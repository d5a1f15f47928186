/**
 * A callback that runs at most once per animation frame with the latest
 * argument: slider input fires faster than Plotly can redraw. A value still
 * waiting for its frame is delivered at once when the component unmounts,
 * and when the page goes away ('pagehide': reload, tab closed) — in the
 * capture phase, so the listeners that save it (DetailPane) see it first.
 */
import { useCallback, useEffect, useRef } from 'react';

export function useRafThrottle<T>(fn: (value: T) => void): (value: T) => void {
  const fnRef = useRef(fn);
  const pending = useRef<{ value: T } | null>(null);
  const frame = useRef<number | null>(null);
  useEffect(() => {
    fnRef.current = fn;
  }, [fn]);
  useEffect(() => {
    const deliverNow = () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
      const p = pending.current;
      pending.current = null;
      if (p) fnRef.current(p.value);
    };
    window.addEventListener('pagehide', deliverNow, { capture: true });
    return () => {
      window.removeEventListener('pagehide', deliverNow, { capture: true });
      deliverNow(); // unmounting (another spectrum opened): the last slider position is not dropped
    };
  }, []);
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
