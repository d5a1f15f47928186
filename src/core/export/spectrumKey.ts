/**
 * The identity of a spectrum across sessions.
 *
 * Made of the file name, the index in the file and the spectrum's own id,
 * because no one of them is enough: ids repeat across files ('fiber-12' of
 * two plates), an index alone says nothing once another file is opened, and
 * file names repeat when a user keeps copies. The spectrum id also guards
 * against a same-named file with different contents. Browsers give file
 * names without folders, so the key does too; a renamed file starts fresh.
 *
 * The key is the JSON text of [fileName, index, spectrumId]: unambiguous
 * whatever characters the parts contain, and readable in exports.
 */
import type { DecisionIdent } from './types.ts';

export function spectrumKey(fileName: string, index: number, spectrumId: string): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`spectrum index must be an integer ≥ 0, got ${index}`);
  return JSON.stringify([fileName, index, spectrumId]);
}

export function keyOf(ident: DecisionIdent): string {
  return spectrumKey(ident.fileName, ident.index, ident.spectrumId);
}
