/** Export the catalog rows shown, joined with the user's decisions, as CSV or JSON. */
import { joinedCsv, joinedJson } from '../../core/catalog/joinDecisions.ts';
import type { OpenCatalog } from '../../state/catalogStore.ts';
import { useDecisionsApi } from '../../state/decisionsContext.ts';
import { downloadFile } from '../decisions/download.ts';

function stem(source: string): string {
  return source.replace(/\.(parquet|pq|fits|fit|csv)$/i, '') || 'catalog';
}

export function CatalogExport({ catalog, rows }: { catalog: OpenCatalog; rows: Uint32Array | undefined }) {
  const api = useDecisionsApi();
  const save = (kind: 'csv' | 'json') => {
    if (!rows) return;
    const at = new Date();
    const decisions = api.getState().decisions;
    const stamp = at.toISOString().slice(0, 19).replaceAll('-', '').replace('T', '-').replaceAll(':', '');
    const chunks =
      kind === 'csv' ? joinedCsv(catalog.table, catalog.roles, rows, decisions) : joinedJson(catalog.table, catalog.roles, rows, decisions, at);
    downloadFile(`${stem(catalog.table.source)}-decisions-${stamp}.${kind}`, new Blob(chunks), kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
  };
  return (
    <span className="catalog-export" data-testid="catalog-export">
      <span className="muted">export shown rows + decisions</span>
      <button type="button" onClick={() => save('csv')} data-testid="catalog-export-csv">
        CSV
      </button>
      <button type="button" onClick={() => save('json')} data-testid="catalog-export-json">
        JSON
      </button>
    </span>
  );
}
