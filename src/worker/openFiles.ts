/**
 * Files a worker has opened, by file id: a detail request for a spectrum of a
 * file analysed a moment ago does not parse its headers again. Headers only;
 * data are read on demand.
 */
import type { OpenedSpectra } from '../core/formats/types.ts';
import type { FrameCorrection } from '../core/grid/velocityFrame.ts';
import { prepareSpectrum, type FrameOverride } from '../core/prepareSpectrum.ts';
import { fail, ok, type GriddedSpectrum, type InputError, type Result, type Spectrum } from '../core/types.ts';
import { internalError } from './protocol.ts';

/** @default 16 — opened files kept. */
export const OPEN_FILES_KEPT = 16;

export type OpenFile = (fileId: number, file: Blob, fileName: string) => Promise<Result<OpenedSpectra>>;

export function keptOpenFiles(openFile: (file: Blob, fileName: string) => Promise<Result<OpenedSpectra>>, kept = OPEN_FILES_KEPT): OpenFile {
  const openFiles = new Map<number, Promise<Result<OpenedSpectra>>>();
  return (fileId, file, fileName) => {
    let p = openFiles.get(fileId);
    if (!p) {
      p = openFile(file, fileName).catch((e: unknown) => fail(internalError(e, `opening ${fileName}`)));
      openFiles.set(fileId, p);
      if (openFiles.size > kept) openFiles.delete(openFiles.keys().next().value as number);
    }
    return p;
  };
}

/** An error about a spectrum names it (the table shows the message alone). */
export function named(error: InputError, s: Spectrum | undefined): InputError {
  return s && !error.message.startsWith(s.id) ? { ...error, message: `${s.id}: ${error.message}` } : error;
}

/** Read one spectrum of an opened file; a failure names the spectrum. */
export async function readSpectrum(o: OpenedSpectra, index: number): Promise<Result<Spectrum>> {
  try {
    return await o.read(index);
  } catch (e) {
    return fail(internalError(e, `reading spectrum ${index}`));
  }
}

/** Read and grid one spectrum as an analysis does (its instrument profile, the user's override); a failure names the spectrum. */
export async function readGridded(
  o: OpenedSpectra,
  index: number,
  override?: FrameOverride,
): Promise<Result<{ spectrum: Spectrum; gridded: GriddedSpectrum; correction: FrameCorrection; instrument: string }>> {
  const s = await readSpectrum(o, index);
  if (!s.ok) return s;
  const g = prepareSpectrum(s.value, { override });
  if (!g.ok) return fail(named(g.error, s.value));
  return ok({ spectrum: { ...s.value, frame: g.value.frame }, gridded: g.value.gridded, correction: g.value.correction, instrument: g.value.profile.name });
}
