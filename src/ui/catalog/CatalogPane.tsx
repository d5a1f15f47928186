/**
 * The catalog in the table pane: sort by any column (χ² first), filter
 * flagged only, by class or by text in the file name or id; choose or drop
 * the folder that holds the spectra; click a row to analyse its spectrum
 * and open it in the spectrum view; export the shown rows joined with the
 * decisions.
 */
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { createPortal } from 'react-dom';
import { decisionOfRow, decisionsByFile } from '../../core/catalog/joinDecisions.ts';
import { inspectCatalogRow } from '../../state/catalogInspect.ts';
import { useCatalog, useCatalogApi } from '../../state/catalogContext.ts';
import type { OpenCatalog } from '../../state/catalogStore.ts';
import { useDecisions } from '../../state/decisionsContext.ts';
import { useAppStore } from '../../state/store.ts';
import { useSession } from '../sessionContext.ts';
import { catalogViewColumns } from './catalogColumns.ts';
import { CatalogExport } from './CatalogExport.tsx';
import { CatalogTable } from './CatalogTable.tsx';
import { folderFromDrop, folderFromInput, hasDirectoryPicker, pickFolder, type PickedFolder } from './folderFiles.ts';
import './catalog.css';

export function CatalogPane() {
  const status = useCatalog((s) => s.status);
  const message = useCatalog((s) => s.message);
  const catalog = useCatalog((s) => s.catalog);
  return (
    <section className="table-pane catalog-pane" aria-label="Catalog" data-testid="catalog-pane" data-status={status}>
      {status === 'ready' && catalog ? (
        <OpenCatalogView catalog={catalog} message={message} />
      ) : (
        <div className="catalog-message">
          <Message text={message} />
          <CloseButton />
        </div>
      )}
    </section>
  );
}

function Message({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p className={/^Reading /.test(text) ? 'muted catalog-note' : 'problem catalog-note'} role="status" data-testid="catalog-message">
      {text}
    </p>
  );
}

function CloseButton() {
  const api = useCatalogApi();
  return (
    <button type="button" onClick={() => api.getState().close()} title="Close the catalog">
      close
    </button>
  );
}

function OpenCatalogView({ catalog, message }: { catalog: OpenCatalog; message: string | undefined }) {
  const api = useCatalogApi();
  const app = useAppStore();
  const session = useSession();
  const shown = useCatalog((s) => s.shown);
  const sort = useCatalog((s) => s.sort);
  const folder = useCatalog((s) => s.folder);
  const inspected = useCatalog((s) => s.inspected);
  const decisions = useDecisions((s) => s.decisions);
  const byFile = useMemo(() => decisionsByFile(decisions), [decisions]);
  const columns = useMemo(() => catalogViewColumns(catalog), [catalog]);
  const { table, roles } = catalog;
  const [over, setOver] = useState(false);

  const takeFolder = (f: PickedFolder | undefined) => {
    if (!f) return;
    api.getState().setFolder(f.name, f.files);
    // Retry the row that was waiting for a folder.
    const waiting = api.getState().inspected;
    if (waiting) inspectCatalogRow(waiting.row, api, app, session);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    void folderFromDrop(e.dataTransfer).then(takeFolder);
  };

  return (
    <div
      className={`catalog-view${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="catalog-bar">
        <strong title={table.source}>{table.source}</strong>
        <span className="muted" data-testid="catalog-summary">
          {table.nRows.toLocaleString('en')} rows · {table.format} · read in {(catalog.readMs / 1000).toFixed(2)} s
        </span>
        <span className="spacer" />
        <CatalogExport catalog={catalog} rows={shown} />
        <button type="button" onClick={() => api.getState().setVisible(false)} title="Show the analysed spectra">
          analysed spectra
        </button>
        <CloseButton />
      </div>
      <Message text={message} />
      <Filters catalog={catalog} shown={shown?.length ?? 0} />
      <FolderBar folderName={folder?.name} size={folder?.index.size} onFolder={takeFolder} />
      {table.issues.length > 0 && <p className="muted catalog-note">{table.issues.join('; ')}</p>}
      {inspected?.note && (
        <p className="catalog-note" role="status" data-testid="catalog-note">
          {inspected.note}
        </p>
      )}
      {shown && (
        <CatalogTable
          columns={columns}
          rows={shown}
          sort={sort}
          selectedRow={inspected?.row}
          fileOf={(r) => roles.file.dict[roles.file.codes[r]]}
          indexOf={(r) => (roles.index && Number.isFinite(roles.index.data[r]) ? roles.index.data[r] : 0)}
          decisionOf={(r) => decisionOfRow(byFile, roles, r)}
          onSort={(k) => api.getState().sortBy(k)}
          onOpen={(r) => inspectCatalogRow(r, api, app, session)}
        />
      )}
    </div>
  );
}

function Filters({ catalog, shown }: { catalog: OpenCatalog; shown: number }) {
  const api = useCatalogApi();
  const filter = useCatalog((s) => s.filter);
  const [text, setText] = useState(filter.text);
  // The text filter runs over every distinct file name: wait for a pause in typing.
  useEffect(() => {
    const t = setTimeout(() => api.getState().setFilter({ text }), 150);
    return () => clearTimeout(t);
  }, [text, api]);
  const classes = useMemo(() => (catalog.roles.cls ? [...new Set(catalog.roles.cls.dict.filter((c) => c.trim() !== ''))].sort() : []), [catalog]);
  return (
    <div className="filters catalog-filters">
      <label>
        <input type="checkbox" checked={filter.flaggedOnly} data-testid="catalog-flagged" onChange={(e) => api.getState().setFilter({ flaggedOnly: e.target.checked })} />
        flagged only ({catalog.flaggedCount.toLocaleString('en')})
      </label>
      {classes.length > 0 && (
        <label>
          class{' '}
          <select value={filter.cls} data-testid="catalog-class" onChange={(e) => api.getState().setFilter({ cls: e.target.value })}>
            <option value="">all</option>
            {classes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <input type="search" placeholder="file or id contains…" value={text} data-testid="catalog-search" onChange={(e) => setText(e.target.value)} />
      <span className="muted" data-testid="catalog-shown">
        {shown.toLocaleString('en')} of {catalog.table.nRows.toLocaleString('en')} shown
      </span>
    </div>
  );
}

function FolderBar({ folderName, size, onFolder }: { folderName?: string; size?: number; onFolder(f: PickedFolder | undefined): void }) {
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  const choose = () => {
    if (hasDirectoryPicker()) void pickFolder().then(onFolder);
    else input?.click();
  };
  return (
    <div className="catalog-folder">
      <button type="button" onClick={choose} data-testid="catalog-folder-button">
        choose spectra folder…
      </button>
      <span className="muted" data-testid="catalog-folder">
        {folderName ? `${folderName}: ${size} spectrum file${size === 1 ? '' : 's'}` : 'or drop the folder here; then click a row to see its spectrum'}
      </span>
      {/* Portalled after the page's spectra picker (the first file input stays that one). */}
      {createPortal(
        <input
          ref={setInput}
          type="file"
          hidden
          data-testid="catalog-folder-input"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const files = e.target.files;
            if (files && files.length > 0) onFolder(folderFromInput(files));
            e.target.value = '';
          }}
        />,
        document.body,
      )}
    </div>
  );
}
