/** The inference backend: what the user asked for, what the browser offers, what runs. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';
import type { BackendState } from './types.ts';

export interface BackendSlice {
  backend: BackendState;
  setBackend(patch: Partial<BackendState>): void;
}

const INITIAL: BackendState = {
  choice: 'auto',
  probe: undefined,
  plan: undefined,
  status: 'idle',
  active: undefined,
  error: undefined,
};

export const createBackendSlice: StateCreator<AppState, [], [], BackendSlice> = (set) => ({
  backend: INITIAL,
  setBackend: (patch) => set((s) => ({ backend: { ...s.backend, ...patch } })),
});
