/**
 * The open survey catalog: its columns (read in a worker), the row order
 * for the current sort and filter, and the folder its spectra are in. Its
 * own vanilla zustand store, apart from the analysis rows: a catalog of a
 * million rows is not a million results, only the rows the user inspects
 * are analysed (catalogInspect.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { bestChi2Column, catalogRoles, flaggedRows, type CatalogRoles } from '../core/catalog/catalogSchema.ts';
import { filterRows, NO_FILTER, type CatalogFilter } from '../core/catalog/filterRows.ts';
import { indexFolder, type FolderIndex } from '../core/catalog/folderIndex.ts';
import { dictionaryRanks, sortByNumber, sortKeys } from '../core/catalog/sortOrder.ts';
import type { CatalogTable } from '../core/catalog/types.ts';
import type { CatalogReply } from '../worker/catalogProtocol.ts';

/** The derived sort column: each row's best reduced χ² (catalogSchema.ts bestChi2Column). */
export const CHI2_COLUMN = 'χ² (best)';

export interface CatalogSort {
  /** A column name, or CHI2_COLUMN; undefined = file order. */
  column: string | undefined;
  descending: boolean;
}

/** A spectrum file of the picked folder, with its path inside it. */
export interface FolderFile {
  path: string;
  file: File;
}

export interface OpenCatalog {
  table: CatalogTable;
  roles: CatalogRoles;
  chi2: Float64Array;
  flagged: Uint8Array;
  flaggedCount: number;
  /** Milliseconds the worker took to read it. */
  readMs: number;
}

export interface CatalogState {
  status: 'empty' | 'reading' | 'ready' | 'error';
  /** The file being read, or why the last one could not be (names the file). */
  message?: string;
  catalog?: OpenCatalog;
  sort: CatalogSort;
  filter: CatalogFilter;
  /** Rows in sort order (all of them). */
  sorted?: Uint32Array;
  /** Rows shown: `sorted` filtered. */
  shown?: Uint32Array;
  /** Show the catalog (true) or the analysed spectra (false) in the table pane. */
  visible: boolean;
  folder?: { name: string; index: FolderIndex<FolderFile> };
  /** The catalog row last opened, and what happened (not found, analysing…). */
  inspected?: { row: number; note?: string };

  openFile(file: File): Promise<void>;
  sortBy(column: string | undefined): void;
  setFilter(patch: Partial<CatalogFilter>): void;
  setFolder(name: string, files: readonly FolderFile[]): void;
  setVisible(visible: boolean): void;
  setInspected(inspected: CatalogState['inspected']): void;
  close(): void;
}

export type CatalogStore = StoreApi<CatalogState>;

export interface CatalogDeps {
  read(file: File): Promise<CatalogReply>;
}

function prepare(table: CatalogTable, readMs: number): OpenCatalog {
  const roles = catalogRoles(table.columns);
  if (!roles) throw new TypeError('a catalog table without a file column reached the store');
  const flagged = flaggedRows(roles, table.nRows);
  let flaggedCount = 0;
  for (let i = 0; i < flagged.length; i++) flaggedCount += flagged[i];
  return { table, roles, chi2: bestChi2Column(table.columns, roles, table.nRows), flagged, flaggedCount, readMs };
}

function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

export function createCatalogStore(deps: CatalogDeps): CatalogStore {
  /** Dictionary ranks per text column, computed on its first sort. */
  let ranks = new Map<string, Float64Array>();

  const order = (c: OpenCatalog, sort: CatalogSort): Uint32Array => {
    if (sort.column === undefined) return identity(c.table.nRows);
    if (sort.column === CHI2_COLUMN) return sortByNumber(c.chi2, sort.descending);
    const column = c.table.columns.find((x) => x.name === sort.column);
    if (!column) return identity(c.table.nRows);
    let rank: Float64Array | undefined;
    if (column.kind === 'text') {
      rank = ranks.get(column.name) ?? dictionaryRanks(column);
      ranks.set(column.name, rank);
    }
    return sortByNumber(sortKeys(column, rank), sort.descending);
  };

  return createStore<CatalogState>()((set, get) => ({
    status: 'empty',
    sort: { column: undefined, descending: false },
    filter: NO_FILTER,
    visible: false,

    async openFile(file) {
      // A catalog already open stays usable while another is read, and if that one fails.
      const keep = get().catalog !== undefined;
      set({ status: keep ? 'ready' : 'reading', message: `Reading ${file.name}…`, visible: true });
      const reply = await deps.read(file);
      if (!reply.ok) {
        set({ status: keep ? 'ready' : 'error', message: reply.error.message });
        return;
      }
      ranks = new Map();
      const catalog = prepare(reply.table, reply.ms);
      const sort = { column: undefined, descending: false };
      const sorted = identity(catalog.table.nRows);
      set({ status: 'ready', message: undefined, catalog, sort, filter: NO_FILTER, sorted, shown: sorted, inspected: undefined, visible: true });
    },

    sortBy(column) {
      const { catalog, sort, filter } = get();
      if (!catalog) return;
      // The same column again flips the direction.
      const next = { column, descending: column !== undefined && sort.column === column ? !sort.descending : false };
      const sorted = order(catalog, next);
      set({ sort: next, sorted, shown: filterRows(sorted, filter, catalog.roles, catalog.flagged) });
    },

    setFilter(patch) {
      const { catalog, sorted } = get();
      const filter = { ...get().filter, ...patch };
      if (!catalog || !sorted) {
        set({ filter });
        return;
      }
      set({ filter, shown: filterRows(sorted, filter, catalog.roles, catalog.flagged) });
    },

    setFolder(name, files) {
      set({ folder: { name, index: indexFolder(files) } });
    },

    setVisible(visible) {
      set({ visible });
    },

    setInspected(inspected) {
      set({ inspected });
    },

    close() {
      ranks = new Map();
      set({ status: 'empty', message: undefined, catalog: undefined, sorted: undefined, shown: undefined, inspected: undefined, visible: false, filter: NO_FILTER });
    },
  }));
}
