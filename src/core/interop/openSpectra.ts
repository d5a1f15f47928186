/** Finding the open spectrum a line of another tool's file names. */
import type { SpectrumResult } from '../result/spectrumResult.ts';

/** Marz's name for a FITS file: its name without the last extension ('a.fits' → 'a', 'a.fits.gz' → 'a.fits'). */
export function marzStem(fileName: string): string {
  return fileName.replace(/\.[^/.]+$/, '');
}

/** Marz's spectrum: fibre `id` (1-based row of the file) of the file Marz calls `stem`. */
export function findMarzSpectrum(rows: readonly SpectrumResult[], stem: string, id: number): SpectrumResult | undefined {
  return rows.find((r) => r.index === id - 1 && (marzStem(r.fileName) === stem || r.fileName === stem));
}

/** The TARGETID a VI file gives a spectrum: DESI's own, else our spectrum id (other surveys have none). */
export function targetIdOf(row: SpectrumResult): string {
  const t = row.meta.ids?.TARGETID;
  return t === undefined ? row.spectrumId : String(t);
}

/** Open spectra with this TARGETID, optionally narrowed by EXPID (a DESI spectra file holds one row per exposure). */
export function findByTargetId(rows: readonly SpectrumResult[], targetId: string, expId?: string): SpectrumResult[] {
  const hits = rows.filter((r) => targetIdOf(r) === targetId);
  if (expId === undefined || hits.length < 2) return hits;
  const narrowed = hits.filter((r) => String(r.meta.ids?.EXPID ?? '') === expId);
  return narrowed.length > 0 ? narrowed : hits;
}
