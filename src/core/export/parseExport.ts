/** Read decisions from a JSON or CSV export, whichever the text is. */
import { fail, type Result } from '../types.ts';
import { importCsv } from './importCsv.ts';
import { importJson } from './importJson.ts';
import type { ImportError, ImportedDecisions } from './types.ts';

export function parseExport(text: string): Result<ImportedDecisions, ImportError> {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') return fail({ code: 'empty', message: 'The file is empty.' });
  return body.startsWith('{') ? importJson(body) : importCsv(body);
}
