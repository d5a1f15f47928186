/** Reading decisions back from a CSV export (csvWrite.ts). */
import { fail, ok, type Result } from '../types.ts';
import { parseCsv } from './csvParse.ts';
import { undefuseCell } from './csvWrite.ts';
import { decisionFromUnknown, frameFromText } from './decision.ts';
import type { Decision, ImportError, ImportedDecisions } from './types.ts';

const IDENT_COLUMNS = ['file', 'index', 'id'] as const;
const USER_COLUMNS = ['user_qop', 'user_z', 'user_class', 'user_comment', 'user_frame', 'user_updated_at'] as const;

export function importCsv(text: string): Result<ImportedDecisions, ImportError> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return fail({ code: 'not-an-export', message: `The CSV file cannot be read: ${parsed.error}.` });
  const [header, ...lines] = parsed.value;
  if (!header) return fail({ code: 'empty', message: 'The file is empty.' });
  const at = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = IDENT_COLUMNS.filter((c) => !at.has(c));
  if (missing.length > 0) {
    return fail({
      code: 'not-an-export',
      message: `This CSV has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: it is not an export of this app.`,
    });
  }
  if (!USER_COLUMNS.some((c) => at.has(c))) {
    return fail({ code: 'missing-columns', message: `This CSV has none of the columns ${USER_COLUMNS.join(', ')}, so it holds no decisions.` });
  }

  const decisions: Decision[] = [];
  const issues: string[] = [];
  let rowsWithoutDecision = 0;
  lines.forEach((cells, i) => {
    const lineNo = i + 2;
    if (cells.length !== header.length) {
      issues.push(`line ${lineNo}: ${cells.length} fields, the header has ${header.length}`);
      return;
    }
    const cell = (name: string): string => {
      const j = at.get(name);
      return j === undefined ? '' : cells[j];
    };
    const text = (name: string): string => undefuseCell(cell(name));
    const user = Object.fromEntries(USER_COLUMNS.map((c) => [c, text(c)]));
    if (USER_COLUMNS.every((c) => user[c] === '')) {
      rowsWithoutDecision++;
      return;
    }
    const updatedAt = user.user_updated_at === '' ? 0 : Date.parse(user.user_updated_at);
    if (Number.isNaN(updatedAt)) {
      issues.push(`line ${lineNo}: user_updated_at '${user.user_updated_at}' is not a date`);
      return;
    }
    const frame = frameFromText(user.user_frame);
    if (typeof frame === 'string') {
      issues.push(`line ${lineNo}: ${frame}`);
      return;
    }
    const d = decisionFromUnknown({
      fileName: text('file'),
      index: numberOrText(cell('index')),
      spectrumId: text('id'),
      qop: user.user_qop === '' ? undefined : numberOrText(user.user_qop),
      z: user.user_z === '' ? undefined : numberOrText(user.user_z),
      cls: user.user_class === '' ? undefined : user.user_class,
      comment: user.user_comment === '' ? undefined : user.user_comment,
      frame,
      updatedAt,
    });
    if (typeof d === 'string') issues.push(`line ${lineNo}: ${d}`);
    else decisions.push(d);
  });
  return ok({ format: 'csv', decisions, rowsWithoutDecision, issues });
}

/** A number cell as a number; anything else stays text so the validator names it. */
function numberOrText(cell: string): number | string {
  const t = cell.trim();
  const n = Number(t);
  return t !== '' && !Number.isNaN(n) ? n : cell;
}
