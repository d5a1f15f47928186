/**
 * Any decisions file, whichever tool wrote it: this app's JSON or CSV export, Marz's `.mz`, or a
 * DESI VI CSV (Prospect). Read either as one inspector's answers about the open spectra (for the
 * merge) or as decisions to restore (Import decisions…). The format is told from the contents;
 * a `.mz` name is only a tie-breaker for a file that starts like one.
 */
import { decisionFromUnknown } from '../export/decision.ts';
import { parseExport } from '../export/parseExport.ts';
import { keyOf } from '../export/spectrumKey.ts';
import type { Decision, ImportError, ImportedDecisions } from '../export/types.ts';
import type { SpectrumResult } from '../result/spectrumResult.ts';
import { fail, ok, type Result } from '../types.ts';
import { patchOf } from './answers.ts';
import { readMz } from './mzRead.ts';
import type { InspectorFile, InspectorFormat } from './types.ts';
import { looksLikeDesiVi, readDesiVi } from './viRead.ts';

export interface FileText {
  name: string;
  text: string;
  /** ms since 1970 (File.lastModified): the time of a file that does not say when it was written. */
  lastModified?: number;
}

function kindOf(f: FileText): InspectorFormat | 'empty' {
  const body = f.text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') return 'empty';
  if (body.startsWith('{')) return 'json';
  if (body.startsWith('#') || /\.mz$/i.test(f.name)) return 'mz';
  return looksLikeDesiVi(body.split('\n')[0]) ? 'desi-vi' : 'csv';
}

const EMPTY: ImportError = { code: 'empty', message: 'The file is empty.' };

/** One inspector's answers about the open spectra. */
export function readInspectorFile(f: FileText, open: readonly SpectrumResult[]): Result<InspectorFile, ImportError> {
  const kind = kindOf(f);
  if (kind === 'empty') return fail(EMPTY);
  if (kind === 'mz') return readMz(f.name, f.text, open, f.lastModified);
  if (kind === 'desi-vi') return readDesiVi(f.name, f.text, open, f.lastModified);
  const parsed = parseExport(f.text);
  if (!parsed.ok) return parsed;
  const byKey = new Map(open.map((r) => [keyOf(r), r]));
  const file: InspectorFile = { format: parsed.value.format, inspector: f.name.replace(/\.(json|csv)$/i, ''), answers: [], notOpen: [], issues: parsed.value.issues };
  for (const d of parsed.value.decisions) {
    if (!byKey.has(d.key)) {
      file.notOpen.push(`${d.fileName} #${d.index}`);
      continue;
    }
    file.answers.push({ ident: { fileName: d.fileName, index: d.index, spectrumId: d.spectrumId }, cls: d.cls, z: d.z, zTolerance: 0, qop: d.qop, comment: d.comment });
  }
  return ok(file);
}

/** Decisions read from a file, with the spectra it names that are not open (Marz and VI files only). */
export interface DecisionsFromFile extends Omit<ImportedDecisions, 'format'> {
  format: InspectorFormat;
  notOpen: string[];
}

/**
 * Decisions to restore from any of the formats. Our exports keep every decision (open or not);
 * a Marz or VI line becomes the decision that records its answer against the open spectrum's
 * pipeline answer, dated when the file says it was written (else its modification time), so
 * the newer decision wins as for our own exports.
 */
export function readDecisionsFile(f: FileText, open: readonly SpectrumResult[]): Result<DecisionsFromFile, ImportError> {
  const kind = kindOf(f);
  if (kind === 'empty') return fail(EMPTY);
  if (kind === 'json' || kind === 'csv') {
    const parsed = parseExport(f.text);
    return parsed.ok ? ok({ ...parsed.value, notOpen: [] }) : parsed;
  }
  const read = readInspectorFile(f, open);
  if (!read.ok) return read;
  const byKey = new Map(open.map((r) => [keyOf(r), r]));
  const decisions: Decision[] = [];
  const issues = [...read.value.issues];
  let rowsWithoutDecision = 0;
  for (const a of read.value.answers) {
    const d = decisionFromUnknown({ ...a.ident, ...patchOf(a, byKey.get(keyOf(a.ident))), updatedAt: read.value.writtenAt ?? 0 });
    if (typeof d === 'string') rowsWithoutDecision++;
    else decisions.push(d);
  }
  return ok({ format: read.value.format, decisions, rowsWithoutDecision, issues, notOpen: read.value.notOpen });
}
