/**
 * The explorer page: header (backend, model switch, guided mode, export, help), input and
 * progress, the results table with its filters, and the open spectrum.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { useDecisions } from '../state/decisionsContext.ts';
import { shownFamily } from '../state/familyAnswers.ts';
import { msPerSpectrum } from '../state/selectors.ts';
import type { Session } from '../state/session.ts';
import { useApp } from '../state/store.ts';
import './app.css';
import { catalogStore, useCatalog } from '../state/catalogContext.ts';
import { CatalogControl } from './catalog/CatalogControl.tsx';
import { CatalogPane } from './catalog/CatalogPane.tsx';
import { splitCatalogs } from './catalog/splitCatalogs.ts';
import { ExportMenu } from './decisions/ExportMenu.tsx';
import { InteropMenu } from './interop/InteropMenu.tsx';
import { SessionContext, useSession } from './sessionContext.ts';
import { CommandsContext, createCommandsHolder } from './spectrumCommands.ts';
import { BackendControl } from './shell/BackendControl.tsx';
import { DetailPane } from './shell/DetailPane.tsx';
import { DropZone } from './shell/DropZone.tsx';
import { HelpOverlay } from './shell/HelpOverlay.tsx';
import { ModelControl } from './shell/ModelControl.tsx';
import { ProgressBar } from './shell/ProgressBar.tsx';
import { FilterBar } from './table/FilterBar.tsx';
import { ResultsTable } from './table/ResultsTable.tsx';
import { columnsFor } from './table/columns.ts';
import { useGlobalKeys } from './useGlobalKeys.ts';
import { useVisibleRows } from './useVisibleRows.ts';

const Gallery = lazy(() => import('./teach/Gallery.tsx').then((m) => ({ default: m.Gallery })));
// The map (and UMAP, in its worker) loads only when opened.
const MapPane = lazy(() => import('./map/MapPane.tsx').then((m) => ({ default: m.MapPane })));

export function App({ session }: { session: Session }) {
  const [commands] = useState(createCommandsHolder);
  return (
    <SessionContext.Provider value={session}>
      <CommandsContext.Provider value={commands}>
        <Shell />
      </CommandsContext.Provider>
    </SessionContext.Provider>
  );
}

function Shell() {
  const session = useSession();
  const rows = useVisibleRows();
  useGlobalKeys(rows);
  const helpOpen = useApp((s) => s.helpOpen);
  const galleryOpen = useApp((s) => s.galleryOpen);
  const mapOpen = useApp((s) => s.mapOpen);
  const setHelpOpen = useApp((s) => s.setHelpOpen);
  const setGalleryOpen = useApp((s) => s.setGalleryOpen);
  const guided = useApp((s) => s.guided);
  const catalogShown = useCatalog((s) => s.visible && s.status !== 'empty');
  const open = (files: File[]) => {
    setGalleryOpen(false);
    // Catalogs (Parquet, FITS tables, CSV with a file column) open in the catalog pane; the rest are spectra.
    void splitCatalogs(files).then(({ catalogs, spectra }) => {
      for (const c of catalogs) void catalogStore.getState().openFile(c);
      session.addFiles(spectra);
    });
  };
  return (
    <div className="app">
      <Header />
      <section className="inputs">
        <DropZone onFiles={open} onExamples={() => setGalleryOpen(!galleryOpen)} />
        <ConnectedProgress />
      </section>
      {galleryOpen && (
        <section className="gallery-pane" aria-label="Examples">
          <Suspense fallback={<p className="muted">Loading examples…</p>}>
            <Gallery onOpen={open} hideAnswers={guided} />
          </Suspense>
        </section>
      )}
      {mapOpen && (
        <section className="map-pane" aria-label="Anomaly map" data-testid="map-pane">
          <Suspense fallback={<p className="muted">Loading the map…</p>}>
            <MapPane />
          </Suspense>
        </section>
      )}
      <main className="workspace">
        {catalogShown && <CatalogPane />}
        <section className="table-pane" aria-label="Results" hidden={catalogShown}>
          <ConnectedFilters shown={rows.length} />
          <ConnectedTable rows={rows} />
        </section>
        <section className="detail-pane" aria-label="Spectrum">
          <DetailPane />
        </section>
      </main>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

function Header() {
  const session = useSession();
  const backend = useApp((s) => s.backend);
  const ms = useApp((s) => msPerSpectrum(s.progress));
  const guided = useApp((s) => s.guided);
  const setGuided = useApp((s) => s.setGuided);
  const setHelpOpen = useApp((s) => s.setHelpOpen);
  const allRows = useApp((s) => s.rows);
  const modelChoice = useApp((s) => s.modelChoice);
  const exportRows = useMemo(() => allRows.map((r) => r.row), [allRows]);
  return (
    <header className="app-header">
      <h1>
        GaSNet<span className="muted">·explorer</span>
      </h1>
      <BackendControl backend={backend} msPerSpectrum={ms} onChoose={(c) => void session.setBackendChoice(c)} />
      <ModelControl choice={modelChoice} onChoose={(c) => session.setModelChoice(c)} />
      <span className="spacer" />
      <CatalogControl />
      <label className="chip">
        <input type="checkbox" checked={guided} onChange={(e) => setGuided(e.target.checked)} />
        guided
      </label>
      <MapToggle />
      <ExportMenu rows={exportRows} />
      <InteropMenu rows={exportRows} />
      <button type="button" onClick={() => setHelpOpen(true)} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
    </header>
  );
}

/** Opens and closes the anomaly map pane. */
function MapToggle() {
  const open = useApp((s) => s.mapOpen);
  const setOpen = useApp((s) => s.setMapOpen);
  return (
    <button type="button" aria-pressed={open} data-testid="map-toggle" title="The anomaly map: the batch in the encoder's coefficient space, and the R cut" onClick={() => setOpen(!open)}>
      map
    </button>
  );
}

function ConnectedProgress() {
  const session = useSession();
  const progress = useApp((s) => s.progress);
  return <ProgressBar progress={progress} onCancel={() => session.cancel()} />;
}

function ConnectedFilters({ shown }: { shown: number }) {
  const filter = useApp((s) => s.filter);
  const total = useApp((s) => s.rows.length);
  const setFilter = useApp((s) => s.setFilter);
  const resetFilter = useApp((s) => s.resetFilter);
  const compare = useApp((s) => s.modelChoice === 'both');
  // Remount on reset so the number fields clear.
  const [generation, setGeneration] = useState(0);
  return (
    <FilterBar
      key={generation}
      filter={filter}
      shown={shown}
      total={total}
      onChange={setFilter}
      compare={compare}
      onReset={() => {
        resetFilter();
        setGeneration((g) => g + 1);
      }}
    />
  );
}

function ConnectedTable({ rows }: { rows: ReturnType<typeof useVisibleRows> }) {
  const session = useSession();
  const decisions = useDecisions((s) => s.decisions);
  const sort = useApp((s) => s.sort);
  const selectedKey = useApp((s) => s.selectedKey);
  const sortBy = useApp((s) => s.sortBy);
  const choice = useApp((s) => s.modelChoice);
  const hiddenKey = useApp((s) => s.answerHidden);
  const columns = useMemo(() => columnsFor(choice), [choice]);
  return (
    <ResultsTable
      rows={rows}
      decisions={decisions}
      sort={sort}
      selectedKey={selectedKey}
      onSort={sortBy}
      onOpen={(k) => session.open(k)}
      columns={columns}
      family={shownFamily(choice)}
      hiddenKey={hiddenKey}
    />
  );
}
