/**
 * Shapes of user decisions and of the result exports. Pure data: the
 * decisions store (src/state) and the writers in this folder share them.
 */
import type { SpectrumIdent, SpectrumResult } from '../result/spectrumResult.ts';
import type { FrameOverride, SpectralClass } from '../types.ts';

/**
 * Quality of the redshift as judged by a person, with Marz's meaning
 * (Hinton et al. 2016): 4 great (≥ 99 %), 3 good (~95 %), 2 possible (~75 %),
 * 1 unknown / unusable, 6 a star or other non-galaxy.
 */
export type Qop = 1 | 2 | 3 | 4 | 6;
export const QOP_VALUES: readonly Qop[] = [4, 3, 2, 1, 6];

/** Which spectrum a decision is about (the parts of its key). */
export type DecisionIdent = SpectrumIdent;

/** What a person decided about one spectrum. Absent fields = not decided. */
export interface Decision extends DecisionIdent {
  /** spectrumKey(fileName, index, spectrumId). */
  key: string;
  qop?: Qop;
  comment?: string;
  /** Manual redshift overriding the pipeline's. */
  z?: number;
  /** Manual class overriding the pipeline's. */
  cls?: SpectralClass;
  /** The user's wavelength-frame / instrument choice for this spectrum's file (re-analysed with it). */
  frame?: FrameOverride;
  /** ms since 1970 of the last change: the newer one wins when imports conflict. */
  updatedAt: number;
}

/** A change to a decision; a field present with value `undefined` removes it. */
export type DecisionPatch = Partial<Pick<Decision, 'qop' | 'comment' | 'z' | 'cls' | 'frame'>>;

/**
 * One line of an export: a result row and/or a decision. A decision whose
 * spectrum is not among the rows still gets a line (row absent), so an export
 * never loses a decision.
 */
export interface ExportRecord {
  key: string;
  ident: DecisionIdent;
  row?: SpectrumResult;
  decision?: Decision;
}

export type ImportErrorCode = 'empty' | 'not-an-export' | 'unsupported-version' | 'bad-json' | 'missing-columns';

/** Why an import file was refused as a whole. `message` says what to do. */
export interface ImportError {
  code: ImportErrorCode;
  message: string;
}

/** Decisions read back from one of our exports. */
export interface ImportedDecisions {
  format: 'json' | 'csv';
  decisions: Decision[];
  /** Lines that carried no decision (pipeline-only rows). */
  rowsWithoutDecision: number;
  /** Lines skipped as unreadable, each with its reason (for people). */
  issues: string[];
}
