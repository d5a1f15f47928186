/** Finding the open spectrum a line of another tool's file names. */
import type { SpectrumResult } from '../result/spectrumResult.ts';

/** Marz's name for a FITS file: its name without the last extension ('a.fits' → 'a', 'a.fits.gz' → 'a.fits'). */
export function marzStem(fileName: string): string {
  return fileName.replace(/\.[^/.]+$/, '');
}

/**
 * Marz's ID of a spectrum: the 1-based row of its fibre in the file (sky and parked fibres keep
 * their numbers, as Marz skips them after numbering), which a 2dF spectrum carries as FIBRE; our
 * index counts only the spectra read, so it is the ID only for files without a fibre table.
 */
export function marzIdOf(row: SpectrumResult): number {
  const fibre = Number(row.meta.ids?.FIBRE);
  return row.meta.format === '2df' && Number.isInteger(fibre) && fibre >= 1 ? fibre : row.index + 1;
}

/** Marz's spectrum `id` of the file Marz calls `stem`. */
export function findMarzSpectrum(rows: readonly SpectrumResult[], stem: string, id: number): SpectrumResult | undefined {
  return rows.find((r) => marzIdOf(r) === id && (marzStem(r.fileName) === stem || r.fileName === stem));
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
