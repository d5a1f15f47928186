/**
 * DESI Redrock output (redrock-*.fits, formerly zbest-*.fits; FORMATS.md §6):
 * a REDSHIFTS (or ZBEST) table with TARGETID, Z, ZWARN, SPECTYPE — the
 * pipeline's answers for the spectra of a coadd, not a spectrum. Recognised
 * so that opening one says what it is and which file to open instead.
 */
import type { FitsFile } from '../fits/types.ts';
import { hasColumns, tableRows } from './columns.ts';

/** A message for a Redrock catalogue, or undefined when the file is not one. */
export function redrockMessage(file: FitsFile, fileName: string): string | undefined {
  const t = file.byName('REDSHIFTS') ?? file.byName('ZBEST');
  if (t?.kind !== 'bintable' || !hasColumns(file, t, ['TARGETID', 'Z', 'ZWARN', 'SPECTYPE'])) return undefined;
  const n = tableRows(t);
  return `${fileName} is a DESI redshift catalogue (Redrock output: ${n} target${n === 1 ? '' : 's'} with Z, ZWARN and SPECTYPE in HDU ${t.extname}), not a spectrum. ` +
    'Open the DESI coadd-*.fits or spectra-*.fits file it was measured from (B/R/Z_FLUX images with a FIBERMAP).';
}
