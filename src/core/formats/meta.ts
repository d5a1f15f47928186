/**
 * Turning header cards and catalogue cells into SpectrumMeta fields: numbers
 * and identifiers from untrusted values, survey sentinels (−9999) dropped,
 * the file's own pipeline answer collected into `truth`.
 */
import type { FitsHeader } from '../fits/types.ts';
import type { SpectrumMeta } from '../types.ts';
import type { CellValue } from './columns.ts';

/** Values surveys write for "none" (LAMOST, SDSS photometry). */
const SENTINELS = new Set([-9999, -999, -99]);

/** A finite number that is not a survey sentinel, else undefined. */
export function num(v: CellValue | null | undefined): number | undefined {
  const x = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : undefined;
  return x !== undefined && Number.isFinite(x) && !SENTINELS.has(x) ? x : undefined;
}

/** Trimmed non-empty text, else undefined. Untrusted: show as text only. */
export function str(v: CellValue | null | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** An identifier: integers (bigint included) as exact decimal strings or numbers, text trimmed. */
export function ident(v: CellValue | null | undefined): string | number | undefined {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return str(v);
}

/** First defined value of `keys` in a header. */
export function headerValue(h: FitsHeader, keys: readonly string[]): CellValue | undefined {
  for (const k of keys) {
    const v = h.get(k);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** Zero-padded decimal of an integer identifier. */
export function pad(v: string | number, width: number): string {
  return String(v).padStart(width, '0');
}

/** Build `truth`, leaving out what is missing; undefined when nothing is known. */
export function truthOf(t: {
  class?: CellValue;
  subclass?: CellValue;
  z?: CellValue;
  zErr?: CellValue;
  zWarning?: CellValue;
  quality?: CellValue;
}): SpectrumMeta['truth'] {
  const out: NonNullable<SpectrumMeta['truth']> = {};
  const cls = str(t.class);
  if (cls !== undefined) out.class = cls.toUpperCase();
  const sub = str(t.subclass);
  if (sub !== undefined) out.subclass = sub;
  const z = num(t.z);
  if (z !== undefined) out.z = z;
  const zErr = num(t.zErr);
  if (zErr !== undefined) out.zErr = zErr;
  const zw = num(t.zWarning);
  if (zw !== undefined) out.zWarning = zw;
  const q = num(t.quality);
  if (q !== undefined) out.quality = q;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Drop undefined entries of an id record. */
export function ids(rec: Record<string, string | number | undefined>): Record<string, string | number> | undefined {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(rec)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Remove keys whose value is undefined (keeps meta objects tidy for equality checks and JSON). */
export function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Magnitudes from header cards, keyed by the card's name; missing, sentinel or absurd values left out. */
export function magnitudes(h: FitsHeader, keys: readonly string[]): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const key of keys) {
    const v = num(h.get(key) ?? undefined);
    if (v !== undefined && v > -5 && v < 40) out[key] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A survey redshift, or undefined for the "no redshift" values (−9, −9.999, −99 …) surveys write. */
export function redshift(v: CellValue | null | undefined): number | undefined {
  const z = num(v);
  return z !== undefined && z > -0.5 ? z : undefined;
}

/** AB magnitude of a flux in nanomaggies (SDSS SPECTROFLUX, Legacy Surveys FLUX_G/R/Z): 22.5 − 2.5 log10 f; undefined for f ≤ 0. */
export function nanomaggyMag(v: CellValue | null | undefined): number | undefined {
  const f = num(v);
  return f !== undefined && f > 0 ? 22.5 - 2.5 * Math.log10(f) : undefined;
}

/** Magnitudes keyed by band from nanomaggy fluxes, leaving out the non-positive ones; undefined when none is left. */
export function nanomaggyMags(fluxes: Record<string, CellValue | null | undefined>): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const [band, f] of Object.entries(fluxes)) {
    const m = nanomaggyMag(f);
    if (m !== undefined) out[band] = m;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
