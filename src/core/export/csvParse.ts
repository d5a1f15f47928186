/**
 * RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and
 * line breaks; lines end in CRLF or LF (spreadsheets differ); a UTF-8 BOM
 * is ignored; blank lines are skipped (a line holding only "" is not blank).
 */
import { fail, ok, type Result } from '../types.ts';

export function parseCsv(text: string): Result<string[][], string> {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  /** The current line had a quoted field: `""` alone is a line with one empty field, not a blank line. */
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (quoted || !(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    quoted = false;
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && field === '') {
      // Quoted field: runs to the next lone quote.
      const start = line;
      quoted = true;
      i++;
      for (;;) {
        if (i >= src.length) return fail(`a quoted field opened on line ${start} is never closed`);
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return fail(`unexpected text after a closing quote on line ${line}`);
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' && src[i + 1] === '\n') {
      endRow();
      line++;
      i += 2;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      line++;
      i++;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0 || quoted) endRow();
  return ok(rows);
}
