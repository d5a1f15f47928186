/**
 * `value` once it has stopped changing for `delayMs`: lets costly parts of
 * the view (labels, full-resolution traces, the eigenspectra band) wait until
 * a slider drag pauses.
 */
import { useEffect, useState } from 'react';

export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const t = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(t);
  }, [value, settled, delayMs]);
  return settled;
}
