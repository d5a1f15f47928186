/**
 * Shapes shared by the readers and writers of other inspectors' formats (Marz `.mz`, DESI
 * visual-inspection CSV as Prospect writes it) and by the merge of several inspectors.
 */
import type { DecisionIdent, Qop } from '../export/types.ts';
import type { SpectralClass } from '../types.ts';

/**
 * One inspector's answer about one spectrum, matched to a spectrum that is open. `cls` or `z`
 * absent means the inspector accepted the pipeline's (our JSON/CSV exports record only overrides).
 */
export interface InspectorAnswer {
  ident: DecisionIdent;
  cls?: SpectralClass;
  z?: number;
  /**
   * Half a unit of the last digit the file wrote z with (Marz: 5 decimals → 5e-6): a z this
   * close to the pipeline's is the pipeline's, not a manual one. 0 when written in full.
   */
  zTolerance: number;
  qop?: Qop;
  comment?: string;
}

/** Which reader understood a file. */
export type InspectorFormat = 'mz' | 'desi-vi' | 'json' | 'csv';

/** What one file gave: the answers it holds about open spectra, and what it could not use. */
export interface InspectorFile {
  format: InspectorFormat;
  /** Who inspected: Marz's initials (from the file name), VI_scanner, or the file's name. */
  inspector: string;
  answers: InspectorAnswer[];
  /** When the file says it was written (ms since 1970), if it says. */
  writtenAt?: number;
  /** Lines naming a spectrum that is not open (Marz and VI files need the spectra open to be matched). */
  notOpen: string[];
  /** Lines skipped, each with its reason (for people). */
  issues: string[];
}

/** An answer complete with the pipeline's where the inspector left it: what the comparison uses. */
export interface FinalAnswer {
  cls?: SpectralClass;
  z?: number;
  qop?: Qop;
  comment?: string;
}
