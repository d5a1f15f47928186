/**
 * DESI's VI_quality (Prospect utilities.vi_flags) against Marz's QOP, which this app uses:
 *
 *   DESI 4 confident (two or more secure features)  ↔ QOP 4 great
 *   DESI 3 probable                                 ↔ QOP 3 good
 *   DESI 2 possible (one strong feature)            ↔ QOP 2 possible
 *   DESI 1 unlikely (signal, features unidentified) → QOP 1 unknown
 *   DESI 0 nothing there                            → QOP 1 unknown
 *   QOP 1 → DESI 1 (a person saw something worth flagging; 0 would claim "no signal")
 *   QOP 6 star → DESI 4 with VI_spectype STAR; DESI 3 or 4 with STAR → QOP 6, as Marz marks a sure star
 *
 * DESI's -1 (or an empty cell) means no quality was given.
 */
import type { Qop } from '../export/types.ts';
import type { SpectralClass } from '../types.ts';

/** Our QOP as DESI's VI_quality. */
export function desiQualityOf(qop: Qop): number {
  return qop === 6 ? 4 : qop;
}

/** DESI's VI_quality (0–4) as a QOP, given the class the inspector settled on. */
export function qopOfDesiQuality(quality: number, cls: SpectralClass | undefined): Qop {
  if (quality <= 1) return 1;
  if (cls === 'STAR' && quality >= 3) return 6;
  return quality as 2 | 3 | 4;
}
