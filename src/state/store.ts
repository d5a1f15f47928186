/**
 * The app store: one vanilla zustand store built from slices, so the worker
 * pool writes into it without React and components read it through
 * selectors (`useApp`). Decisions live in their own store (decisionsStore).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createBackendSlice, type BackendSlice } from './backendSlice.ts';
import { createFilesSlice, type FilesSlice } from './filesSlice.ts';
import { createMapSlice, type MapSlice } from './mapSlice.ts';
import { createProgressSlice, type ProgressSlice } from './progressSlice.ts';
import { createResultsSlice, type ResultsSlice } from './resultsSlice.ts';
import { createViewSlice, type ViewSlice } from './viewSlice.ts';

export type AppState = FilesSlice & ResultsSlice & ProgressSlice & BackendSlice & ViewSlice & MapSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createFilesSlice(...a),
    ...createResultsSlice(...a),
    ...createProgressSlice(...a),
    ...createBackendSlice(...a),
    ...createViewSlice(...a),
    ...createMapSlice(...a),
  }));
}

/** The page's store. Tests make their own with createAppStore() and provide it. */
export const appStore: AppStore = createAppStore();

/** Which store components read; the page's by default. */
export const AppStoreContext = createContext<AppStore>(appStore);

export function useAppStore(): AppStore {
  return useContext(AppStoreContext);
}

/** Read a slice of the app state; re-renders when the selected value changes (Object.is). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
