/**
 * A catalog's rows joined with the user's decisions, as CSV or JSON: every
 * catalog column as read, then the decision columns of the app's export
 * (`user_qop`, `user_z`, …, core/export/columns.ts). A row matches a
 * decision by file name (without folders, as the browser names files),
 * index and, when the catalog has one, the spectrum id. A catalog that
 * already carries decision columns (an earlier joined export) keeps its
 * values where no newer decision exists. Output comes as text chunks, so a
 * million rows never form one string.
 */
import { EXPORT_COLUMNS } from '../export/columns.ts';
import { csvText } from '../export/csvWrite.ts';
import type { Decision } from '../export/types.ts';
import type { CatalogRoles } from './catalogSchema.ts';
import { baseName } from './folderIndex.ts';
import type { CatalogColumn, CatalogTable } from './types.ts';

const DECISION_COLUMNS = EXPORT_COLUMNS.filter((c) => c.name.startsWith('user_'));

const pairKey = (file: string, index: number) => `${file}\u0000${index}`;

/** Decisions by (file name, index). */
export function decisionsByFile(decisions: Readonly<Record<string, Decision>>): Map<string, Decision[]> {
  const out = new Map<string, Decision[]>();
  for (const d of Object.values(decisions)) {
    const k = pairKey(d.fileName, d.index);
    const list = out.get(k);
    if (list) list.push(d);
    else out.set(k, [d]);
  }
  return out;
}

/** The decision about catalog row `r`, if any. */
export function decisionOfRow(byFile: Map<string, Decision[]>, roles: CatalogRoles, r: number): Decision | undefined {
  const index = roles.index ? roles.index.data[r] : 0;
  const list = byFile.get(pairKey(baseName(roles.file.dict[roles.file.codes[r]]), Number.isFinite(index) ? index : 0));
  if (!list) return undefined;
  if (!roles.id) return list[0];
  const id = roles.id.dict[roles.id.codes[r]];
  return id === '' ? list[0] : list.find((d) => d.spectrumId === id);
}

type Cell = string | number | undefined;

interface JoinPlan {
  header: string[];
  cells(r: number): Cell[];
}

function plan(table: CatalogTable, roles: CatalogRoles, decisions: Readonly<Record<string, Decision>>): JoinPlan {
  const byFile = decisionsByFile(decisions);
  const own = new Set(DECISION_COLUMNS.map((c) => c.name));
  const kept = table.columns.filter((c) => !own.has(c.name.trim().toLowerCase()));
  const earlier = new Map<string, CatalogColumn>(
    table.columns.filter((c) => own.has(c.name.trim().toLowerCase())).map((c) => [c.name.trim().toLowerCase(), c]),
  );
  const value = (c: CatalogColumn, r: number): Cell => {
    if (c.kind === 'text') return c.dict[c.codes[r]] === '' ? undefined : c.dict[c.codes[r]];
    return Number.isNaN(c.data[r]) ? undefined : c.data[r];
  };
  return {
    header: [...kept.map((c) => c.name), ...DECISION_COLUMNS.map((c) => c.name)],
    cells(r) {
      const decision = decisionOfRow(byFile, roles, r);
      const ident = { fileName: '', index: 0, spectrumId: '' };
      const fresh = decision ? DECISION_COLUMNS.map((c) => c.value({ key: '', ident, decision })) : undefined;
      return [
        ...kept.map((c) => value(c, r)),
        ...DECISION_COLUMNS.map((c, j) => {
          if (fresh) return fresh[j];
          const old = earlier.get(c.name);
          return old ? value(old, r) : undefined;
        }),
      ];
    },
  };
}

const CHUNK_ROWS = 10_000;

/** CSV (with a BOM, as the app's CSV export) of `rows` in that order. */
export function joinedCsv(table: CatalogTable, roles: CatalogRoles, rows: Uint32Array, decisions: Readonly<Record<string, Decision>>): string[] {
  const p = plan(table, roles, decisions);
  const chunks = ['\uFEFF' + csvText(p.header, [])];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const part: Cell[][] = [];
    for (let i = start; i < Math.min(rows.length, start + CHUNK_ROWS); i++) part.push(p.cells(rows[i]));
    // csvText writes a header line first; drop it.
    const text = csvText([], part);
    chunks.push(text.slice(text.indexOf('\r\n') + 2));
  }
  return chunks;
}

export const CATALOG_JSON_FORMAT = 'gasnet-explorer-catalog';

/** JSON `{format, version, catalog, exportedAt, columns, rows: [{column: value, …}]}`, missing cells null. */
export function joinedJson(
  table: CatalogTable,
  roles: CatalogRoles,
  rows: Uint32Array,
  decisions: Readonly<Record<string, Decision>>,
  exportedAt: Date,
): string[] {
  const p = plan(table, roles, decisions);
  const head = { format: CATALOG_JSON_FORMAT, version: 1, catalog: table.source, exportedAt: exportedAt.toISOString(), columns: p.header };
  const opening = JSON.stringify(head).slice(0, -1) + ',"rows":[\n';
  const chunks = [opening];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows.length, start + CHUNK_ROWS); i++) {
      const cells = p.cells(rows[i]);
      const obj: Record<string, Cell | null> = {};
      p.header.forEach((h, j) => (obj[h] = cells[j] ?? null));
      lines.push(JSON.stringify(obj));
    }
    chunks.push((start > 0 ? ',\n' : '') + lines.join(',\n'));
  }
  chunks.push('\n]}\n');
  return chunks;
}
