/** Reading decisions back from a JSON export (jsonWrite.ts). */
import { fail, ok, type Result } from '../types.ts';
import { decisionFromUnknown } from './decision.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './jsonWrite.ts';
import type { Decision, ImportError, ImportedDecisions } from './types.ts';

export function importJson(text: string): Result<ImportedDecisions, ImportError> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail({ code: 'bad-json', message: `The file is not valid JSON (${(e as Error).message}). Choose a JSON file exported by this app.` });
  }
  if (typeof doc !== 'object' || doc === null || (doc as { format?: unknown }).format !== EXPORT_FORMAT) {
    return fail({ code: 'not-an-export', message: `This JSON file is not a ${EXPORT_FORMAT} export. Choose a file made with this app's Export → JSON.` });
  }
  const { version, rows } = doc as { version?: unknown; rows?: unknown };
  if (version !== EXPORT_VERSION) {
    const newer = typeof version === 'number' && version > EXPORT_VERSION;
    return fail({
      code: 'unsupported-version',
      message: newer
        ? `This export is version ${version}, made by a newer version of the app; this one reads version ${EXPORT_VERSION}. Update the app and try again.`
        : `This export has an unknown version (${String(version)}); this app reads version ${EXPORT_VERSION}.`,
    });
  }
  if (!Array.isArray(rows)) return fail({ code: 'not-an-export', message: 'The export has no "rows" list.' });

  const decisions: Decision[] = [];
  const issues: string[] = [];
  let rowsWithoutDecision = 0;
  rows.forEach((row: unknown, i) => {
    if (typeof row !== 'object' || row === null) {
      issues.push(`row ${i + 1}: not an object`);
      return;
    }
    const { fileName, index, spectrumId, decision } = row as Record<string, unknown>;
    if (decision === undefined || decision === null) {
      rowsWithoutDecision++;
      return;
    }
    if (typeof decision !== 'object') {
      issues.push(`row ${i + 1}: decision is not an object`);
      return;
    }
    const d = decisionFromUnknown({ ...decision, fileName, index, spectrumId });
    if (typeof d === 'string') issues.push(`row ${i + 1}: ${d}`);
    else decisions.push(d);
  });
  return ok({ format: 'json', decisions, rowsWithoutDecision, issues });
}
