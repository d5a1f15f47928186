/**
 * What a heliocentric or barycentric correction needs, taken from header
 * cards: the mid-exposure MJD, the observatory's position and the pointing.
 * Header values are untrusted: every value is parsed as a number or a
 * sexagesimal string and dropped when it is out of range, never interpreted
 * otherwise.
 *
 * Observatory positions, when a header does not carry its own, come from the
 * IRAF observatory database as packaged by astropy (astropy/astropy-data
 * `coordinates/sites.json` @ 1ec3f59, entries aao, sso, mdm, lapalma;
 * longitudes there are east-positive 0–360°, written here as ±180°).
 */
import type { FitsHeader } from '../fits/types.ts';
import type { Observation } from '../types.ts';

export type Site = NonNullable<Observation['site']>;

/** Observatories whose files may omit their coordinates, found by TELESCOP / OBSERVAT / INSTRUME text. */
export const OBSERVATORIES: readonly { key: string; pattern: RegExp; site: Site }[] = [
  // sites.json 'aao': Anglo-Australian Observatory (the AAT; 2dF, AAOmega)
  { key: 'AAT', pattern: /anglo.australian|^aat\b|\b2df\b|aaomega/i, site: { lon: 149.066086, lat: -31.277039, height: 1164, name: 'Anglo-Australian Telescope' } },
  // sites.json 'sso': Siding Spring Observatory (the UK Schmidt Telescope; 6dF)
  { key: 'UKST', pattern: /ukst|uk.schmidt|^uk-schm|\b6df\b|siding spring|^sso\b/i, site: { lon: 149.061194, lat: -31.273361, height: 1149, name: 'UK Schmidt Telescope, Siding Spring' } },
  // sites.json 'mdm': MDM Observatory, Kitt Peak
  { key: 'MDM', pattern: /^mdm\b|mcgraw.hill|hiltner/i, site: { lon: -111.616667, lat: 31.95, height: 1938, name: 'MDM Observatory' } },
  // sites.json 'lapalma': Roque de los Muchachos, La Palma (the Liverpool Telescope)
  { key: 'LT', pattern: /liverpool|roque de los muchachos|la palma/i, site: { lon: -17.88, lat: 28.758333, height: 2327, name: 'Roque de los Muchachos, La Palma' } },
];

/** The table entry for an instrument key ('AAT', 'UKST', …). */
export function knownSite(key: string): Site {
  const hit = OBSERVATORIES.find((o) => o.key === key);
  if (!hit) throw new RangeError(`no observatory '${key}' in OBSERVATORIES`);
  return { ...hit.site };
}

/** '±dd mm ss.s' or '±dd:mm:ss.s' (or a plain number in text) → decimal, else undefined. */
export function parseSexagesimal(text: string): number | undefined {
  const t = text.trim();
  const m = /^([+-]?)(\d{1,3})(?:[:\s]+(\d{1,2})(?:[:\s]+(\d{1,2}(?:\.\d*)?))?)?$/.exec(t);
  if (!m) {
    const x = Number(t);
    return t !== '' && Number.isFinite(x) ? x : undefined;
  }
  const [, sign, d, mm = '0', ss = '0'] = m;
  if (Number(mm) >= 60 || Number(ss) >= 60) return undefined;
  const v = Number(d) + Number(mm) / 60 + Number(ss) / 3600;
  return sign === '-' ? -v : v;
}

/** The comment of a header card, lower-cased ('' when none). */
function commentOf(h: FitsHeader, key: string): string {
  const k = key.toUpperCase();
  let c = '';
  for (const card of h.cards()) if (card.keyword === k && card.value !== undefined) c = card.comment ?? '';
  return c.toLowerCase();
}

/**
 * An angle in degrees from a card: numbers are degrees unless the comment says radians
 * (or `radians` is set for a layout known to store them); text is sexagesimal, in hours when
 * `hours` (right ascensions written as strings are hours by convention).
 */
export function angleDeg(h: FitsHeader, key: string, opts: { radians?: boolean; hours?: boolean } = {}): number | undefined {
  const v = h.get(key);
  let deg: number | undefined;
  if (typeof v === 'number') {
    const c = commentOf(h, key);
    const rad = /radian/.test(c) || (opts.radians === true && !/deg/.test(c));
    deg = rad ? (v * 180) / Math.PI : v;
  } else if (typeof v === 'string') {
    const x = parseSexagesimal(v);
    deg = x === undefined ? undefined : opts.hours ? x * 15 : x;
  }
  return deg !== undefined && Number.isFinite(deg) ? deg : undefined;
}

/** Days from 1858-11-17 (MJD 0) to a proleptic Gregorian civil date. */
function mjdOfDate(y: number, m: number, d: number): number {
  // days-from-civil (H. Hinnant's algorithm), shifted so 1970-01-01 = MJD 40587
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + 40587;
}

/** 'YYYY-MM-DD', 'YYYY:MM:DD' or 'YYYY/MM/DD' (optionally 'THH:MM:SS') → MJD, else undefined. */
export function parseDate(text: string): { mjd: number; hasTime: boolean } | undefined {
  const m = /^\s*(\d{4})[-:/](\d{1,2})[-:/](\d{1,2})(?:[T\s](.+))?\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  let mjd = mjdOfDate(y, mo, d);
  if (m[4] !== undefined) {
    const t = parseTime(m[4]);
    if (t === undefined) return undefined;
    mjd += t;
  }
  return { mjd, hasTime: m[4] !== undefined };
}

/** 'HH:MM:SS.s' → fraction of a day, else undefined. */
export function parseTime(text: string): number | undefined {
  const hours = parseSexagesimal(text.replace(/Z$/, ''));
  return hours !== undefined && hours >= 0 && hours < 24 ? hours / 24 : undefined;
}

const num = (h: FitsHeader, k: string): number | undefined => {
  const v = h.getNumber(k);
  return v !== undefined && Number.isFinite(v) ? v : undefined;
};

/** Key names for the mid-exposure time; surveys that suffix them per arm (6dF _V/_R) pass their own. */
export interface TimeKeys {
  mjd: readonly string[];
  date: readonly string[];
  start: readonly string[];
  end: readonly string[];
  exposure: readonly string[];
}

export const TIME_KEYS: TimeKeys = {
  mjd: ['UTMJD', 'MJD-OBS', 'MJD_OBS', 'MJD'],
  date: ['DATE-OBS', 'UTDATE', 'DATE_OBS'],
  start: ['UTSTART', 'TIME-OBS', 'UT', 'UTC', 'UT-START'],
  end: ['UTEND', 'UT-END', 'TIME-END'],
  exposure: ['EXPTIME', 'EXPOSED', 'EXPOSURE', 'TOTALEXP'],
};

/**
 * Mid-exposure MJD: the start (an MJD card, or a date with a start time) plus half the
 * exposure (UTEND − UTSTART when both are given, else the exposure time). A date with no
 * time of day gives nothing: the Earth's velocity is not known well enough from it.
 */
export function midExposureMjd(h: FitsHeader, keys: TimeKeys = TIME_KEYS): number | undefined {
  const first = (list: readonly string[]) => list.map((k) => h.getString(k)).find((v) => v !== undefined && v.trim() !== '');
  const dateText = first(keys.date);
  const date = dateText !== undefined ? parseDate(dateText) : undefined;
  const startText = first(keys.start);
  const endText = first(keys.end);
  const startTime = startText !== undefined ? parseTime(startText) : undefined;
  const endTime = endText !== undefined ? parseTime(endText) : undefined;
  const dated = date === undefined ? undefined : date.hasTime ? date.mjd : startTime !== undefined ? date.mjd + startTime : undefined;
  // A whole-number MJD card is a night's label (SDSS, LAMOST), not a time: a dated start time wins over it.
  let start = keys.mjd.map((k) => num(h, k)).find((v) => v !== undefined && v > 15000 && v < 100000 && !(dated !== undefined && Number.isInteger(v)));
  start ??= dated;
  if (start === undefined) return undefined;
  let half = 0;
  if (startTime !== undefined && endTime !== undefined) {
    half = (endTime - startTime + (endTime < startTime ? 1 : 0)) / 2; // across UT midnight
  } else {
    const exp = keys.exposure.map((k) => num(h, k)).find((v) => v !== undefined && v > 0);
    if (exp !== undefined) half = exp / 86400 / 2;
  }
  return start + half;
}

/** Key triples (latitude, longitude, height) observatories write. */
const SITE_KEYS: readonly [string, string, string][] = [
  ['LAT_OBS', 'LONG_OBS', 'ALT_OBS'],
  ['LAT-OBS', 'LONG-OBS', 'ALT-OBS'],
  ['OBS-LAT', 'OBS-LONG', 'OBS-ELEV'],
  ['OBSLAT', 'OBSLONG', 'OBSELEV'],
  ['LATITUDE', 'LONGITUD', 'HEIGHT'],
  ['SITELAT', 'SITELONG', 'SITEELEV'],
];

/**
 * The observatory: coordinates from the header when it gives them, else the table entry its
 * TELESCOP / OBSERVAT / INSTRUME names, else `fallback` (the layout's known telescope).
 * A longitude whose comment says "degrees west" (IRAF/NOAO headers) is turned east-positive.
 */
export function siteFromHeader(h: FitsHeader, fallback?: string): Site | undefined {
  for (const [latK, lonK, hK] of SITE_KEYS) {
    const lat = angleDeg(h, latK);
    let lon = angleDeg(h, lonK);
    if (lat === undefined || lon === undefined || Math.abs(lat) > 90) continue;
    const c = commentOf(h, lonK);
    if (/\bwest\b/.test(c) && !/-ve|negative|east/.test(c)) lon = -lon;
    if (lon > 180) lon -= 360;
    if (Math.abs(lon) > 180) continue;
    const height = num(h, hK) ?? 0;
    const named = siteByName(h);
    return { lon, lat, height, ...(named?.name && { name: named.name }) };
  }
  const named = siteByName(h);
  if (named) return named;
  return fallback !== undefined ? knownSite(fallback) : undefined;
}

function siteByName(h: FitsHeader): Site | undefined {
  for (const k of ['TELESCOP', 'OBSERVAT', 'INSTRUME']) {
    const v = h.getString(k)?.trim();
    if (!v) continue;
    const hit = OBSERVATORIES.find((o) => o.pattern.test(v));
    if (hit) return { ...hit.site };
  }
  return undefined;
}

/** What one header says: its mid-exposure MJD and site (else the `fallbackSite` telescope), with the pointing. */
export function headerObservation(h: FitsHeader, pointing: { ra?: number; dec?: number }, fallbackSite?: string): Observation | undefined {
  return observationOf({ mjd: midExposureMjd(h), site: siteFromHeader(h, fallbackSite), ...pointing });
}

/** Drop undefined fields; undefined when nothing is known. */
export function observationOf(o: Observation): Observation | undefined {
  const out: Observation = {};
  if (o.mjd !== undefined && Number.isFinite(o.mjd)) out.mjd = o.mjd;
  if (o.site !== undefined) out.site = o.site;
  if (o.ra !== undefined && Number.isFinite(o.ra) && o.ra >= 0 && o.ra <= 360) out.ra = o.ra;
  if (o.dec !== undefined && Number.isFinite(o.dec) && Math.abs(o.dec) <= 90) out.dec = o.dec;
  return Object.keys(out).length > 0 ? out : undefined;
}
