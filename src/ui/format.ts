/** Number formatting for the table and readouts. */

/** Redshift with 5 decimals; '—' when missing. */
export function formatZ(z: number | undefined): string {
  return z === undefined || !Number.isFinite(z) ? '—' : z.toFixed(5);
}

/** A redshift error σ_z with 2 significant digits ('9.3e-6'); '—' when missing or NaN (no convex minimum). */
export function formatZErr(e: number | undefined): string {
  if (e === undefined || !Number.isFinite(e)) return '—';
  return e.toExponential(1);
}

/** z ± σ_z for titles: the z as formatZ, σ as formatZErr (or z alone without σ). */
export function formatZWithErr(z: number | undefined, e: number | undefined): string {
  const zt = formatZ(z);
  return e === undefined || !Number.isFinite(e) || zt === '—' ? zt : `${zt} ± ${formatZErr(e)}`;
}

/** Reduced χ² with 3 significant digits. */
export function formatChi2(c: number | undefined): string {
  if (c === undefined || !Number.isFinite(c)) return '—';
  return c >= 1000 ? c.toExponential(2) : c.toPrecision(3);
}

/** Robustness R; 'unique' when the curve has a single minimum. */
export function formatRobustness(r: number | undefined): string {
  return r === undefined ? 'unique' : Number.isFinite(r) ? r.toFixed(3) : '—';
}

/** Seconds as '12 s' or '3 min 05 s'. */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * A measured duration in the unit that keeps it readable: '480 ms' below 1 s (a 0.5 s batch is not
 * "0 s"), '2.4 s' below 10 s, '37 s' below a minute, then as formatEta.
 */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  const ms = Math.round(seconds * 1000);
  if (ms < 1000) return `${Math.max(0, ms)} ms`;
  const tenths = Math.round(seconds * 10) / 10;
  if (tenths < 10) return `${tenths.toFixed(1)} s`;
  return formatEta(seconds);
}

/** Milliseconds with two significant digits below 10. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
}
