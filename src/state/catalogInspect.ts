/**
 * Inspecting one catalog row: find its spectrum file in the picked folder,
 * have the session analyse it (the normal pipeline, in the analysis
 * workers) unless it already has, and open the spectrum once its row
 * exists, so the plots and the decision keys are exactly those of any
 * dropped spectrum.
 */
import { baseName, findFile } from '../core/catalog/folderIndex.ts';
import type { CatalogStore } from './catalogStore.ts';
import type { Session } from './session.ts';
import type { AppStore } from './store.ts';
import type { ResultRow } from './types.ts';

function rowFor(rows: readonly ResultRow[], fileName: string, index: number, id: string): ResultRow | undefined {
  const same = rows.filter((r) => r.row.fileName === fileName && (r.row.index === index || r.row.error !== undefined && r.key.startsWith('file:')));
  return same.find((r) => id === '' || r.row.spectrumId === id) ?? same.find((r) => r.row.index === index) ?? same[0];
}

/** Open catalog row `r` (a row number of the table). Says in the store what happened. */
export function inspectCatalogRow(r: number, catalog: CatalogStore, app: AppStore, session: Session): void {
  const { catalog: open, folder } = catalog.getState();
  if (!open) return;
  const { roles } = open;
  const path = roles.file.dict[roles.file.codes[r]];
  const indexValue = roles.index ? roles.index.data[r] : 0;
  const index = Number.isFinite(indexValue) ? indexValue : 0;
  const id = roles.id ? roles.id.dict[roles.id.codes[r]] : '';
  const name = baseName(path);
  const note = (text: string | undefined) => catalog.getState().setInspected({ row: r, note: text });

  const existing = rowFor(app.getState().rows, name, index, id);
  if (existing && existing.fileId !== undefined) {
    note(undefined);
    session.open(existing.key);
    return;
  }
  if (!folder) {
    note(`Choose the folder that holds the spectra to open ${name}.`);
    return;
  }
  const hit = findFile(folder.index, path);
  if (!hit) {
    note(`${name} is not in the folder ${folder.name} (${folder.index.size} files).`);
    return;
  }
  note(`Analysing ${hit.path}…`);
  session.addFiles([hit.file]);
  // The row appears when the worker answers; open it then (or the error row, which says why).
  const unsubscribe = app.subscribe((s) => {
    if (catalog.getState().inspected?.row !== r) {
      unsubscribe();
      return;
    }
    const found = rowFor(s.rows, name, index, id);
    if (!found || found.fileId === undefined) return;
    unsubscribe();
    note(found.row.error !== undefined ? `${name}: ${found.row.error}` : undefined);
    session.open(found.key);
  });
}
