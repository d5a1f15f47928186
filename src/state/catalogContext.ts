/**
 * The page's catalog store (catalogs read in a worker of their own) and the
 * hook components read it with; tests provide their own store.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { readCatalogInWorker } from '../worker/catalogRead.ts';
import { createCatalogStore, type CatalogState, type CatalogStore } from './catalogStore.ts';

export const catalogStore: CatalogStore = createCatalogStore({ read: readCatalogInWorker });

export const CatalogStoreContext = createContext<CatalogStore>(catalogStore);

export function useCatalogApi(): CatalogStore {
  return useContext(CatalogStoreContext);
}

export function useCatalog<T>(selector: (s: CatalogState) => T): T {
  return useStore(useContext(CatalogStoreContext), selector);
}
