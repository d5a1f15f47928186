/** The anomaly map's pane: open or not, which class's coefficient space, what colours the points. */
import type { StateCreator } from 'zustand/vanilla';
import type { SpectralClass } from '../core/types.ts';
import type { AppState } from './store.ts';

export type MapColour = 'class' | 'flag' | 'qop' | 'outlier';

export interface MapSlice {
  mapOpen: boolean;
  mapSpace: SpectralClass;
  mapColour: MapColour;
  setMapOpen(open: boolean): void;
  setMapSpace(space: SpectralClass): void;
  setMapColour(colour: MapColour): void;
  /** Filter the table to the spectra drawn round on the map (undefined: clear the selection). */
  setMapSelection(keys: readonly string[] | undefined): void;
}

export const createMapSlice: StateCreator<AppState, [], [], MapSlice> = (set) => ({
  mapOpen: false,
  mapSpace: 'QSO',
  mapColour: 'class',
  setMapOpen: (mapOpen) => set({ mapOpen }),
  setMapSpace: (mapSpace) => set({ mapSpace }),
  setMapColour: (mapColour) => set({ mapColour }),
  setMapSelection: (keys) => set((s) => ({ filter: { ...s.filter, keys: keys ? new Set(keys) : undefined } })),
});
