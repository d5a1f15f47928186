/**
 * The target facts a file gives, as short plain-text lines for the view's header: position
 * (sexagesimal and degrees), the survey's target type, magnitudes. Header strings are untrusted:
 * they are only ever rendered as text, capped in length, control characters dropped.
 */
import type { SpectrumMeta } from '../../core/types.ts';

/** Longest header-derived text shown (characters); longer text ends in '…'. */
export const MAX_TEXT = 80;

export interface TargetFact {
  /** Stable key (and data-testid suffix). */
  key: 'position' | 'type' | 'mags';
  label: string;
  text: string;
}

/** Untrusted text made displayable: control characters removed, whitespace collapsed, at most `max` characters. */
export function capText(s: string, max = MAX_TEXT): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'hh:mm:ss.ss' of a right ascension in degrees. */
export function raHms(deg: number): string {
  const totalCs = Math.round((((deg % 360) + 360) % 360) * 240 * 100); // hundredths of a time second
  const h = Math.floor(totalCs / 360000) % 24;
  const m = Math.floor((totalCs % 360000) / 6000);
  const cs = totalCs % 6000;
  return `${pad2(h)}:${pad2(m)}:${pad2(Math.floor(cs / 100))}.${pad2(cs % 100)}`;
}

/** '±dd:mm:ss.s' of a declination in degrees. */
export function decDms(deg: number): string {
  const sign = deg < 0 ? '−' : '+';
  const totalDs = Math.round(Math.abs(deg) * 36000); // tenths of an arcsecond
  const d = Math.floor(totalDs / 36000);
  const m = Math.floor((totalDs % 36000) / 600);
  const ds = totalDs % 600;
  return `${sign}${pad2(d)}:${pad2(m)}:${pad2(Math.floor(ds / 10))}.${ds % 10}`;
}

export function targetFacts(meta: Pick<SpectrumMeta, 'ra' | 'dec' | 'targetType' | 'magnitudes'>): TargetFact[] {
  const out: TargetFact[] = [];
  const { ra, dec } = meta;
  if (ra !== undefined && dec !== undefined && Number.isFinite(ra) && Number.isFinite(dec) && Math.abs(dec) <= 90) {
    const degs = `${ra.toFixed(5)}°, ${dec >= 0 ? '+' : '−'}${Math.abs(dec).toFixed(5)}°`;
    out.push({ key: 'position', label: 'RA, Dec', text: `${raHms(ra)} ${decDms(dec)} (${degs})` });
  }
  if (meta.targetType) {
    const t = capText(meta.targetType);
    if (t) out.push({ key: 'type', label: 'target', text: t });
  }
  const mags = Object.entries(meta.magnitudes ?? {}).filter(([, v]) => Number.isFinite(v));
  if (mags.length > 0) {
    out.push({ key: 'mags', label: 'mag', text: capText(mags.map(([band, v]) => `${band} ${v.toFixed(2)}`).join(' · '), MAX_TEXT * 2) });
  }
  return out;
}
