/**
 * The app's decisions store and the React hooks that read it. Components
 * use `useDecisions(selector)`; tests and storybook-like pages can wrap them
 * in `<DecisionsContext.Provider value={createDecisionsStore(…)}>`.
 * Code outside React uses `decisionsStore.getState()` / `.subscribe()`.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createDecisionsStore, type DecisionsState, type DecisionsStore } from './decisionsStore.ts';

/** The page's one decisions store (IndexedDB 'gasnet-explorer'); nothing is opened until first use. */
export const decisionsStore: DecisionsStore = createDecisionsStore();

export const DecisionsContext = createContext<DecisionsStore>(decisionsStore);

/** The store in context (the page's store unless a provider says otherwise). */
export function useDecisionsApi(): DecisionsStore {
  return useContext(DecisionsContext);
}

/** Select the smallest piece you need: `useDecisions((s) => s.decisions[key])`. */
export function useDecisions<T>(selector: (s: DecisionsState) => T): T {
  return useStore(useContext(DecisionsContext), selector);
}
