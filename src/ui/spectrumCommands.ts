/**
 * What the keyboard can ask of the open spectrum. The open spectrum (DetailPane) owns what is shown
 * (explored class and z, not saved) and registers these commands while it is mounted; the one global
 * key handler (useGlobalKeys) calls them, so the keys work wherever the focus is (issue 9).
 */
import { createContext, useContext } from 'react';
import type { Qop } from '../core/export/types.ts';
import type { SpectralClass } from '../core/types.ts';

export interface SpectrumCommands {
  /** The spectrum these commands act on. */
  key: string;
  /** Explore: the next (+1) or previous (−1) χ² minimum of the shown class. */
  stepMinimum(dir: 1 | -1): void;
  /** Explore: show this class at the current z when its χ² curve covers it, else at its best z. */
  setClass(cls: SpectralClass): void;
  /** Explore: show the pipeline's class and z again. */
  showPipeline(): void;
  /** Save the shown class and z (with this QOP, or the one already set); false when nothing was accepted. */
  accept(qop?: Qop): boolean;
}

export interface CommandsHolder {
  /** The open spectrum's commands; undefined while none is shown (loading, closed). */
  current: SpectrumCommands | undefined;
  /** Open the next visible row (set by the key handler, which knows the visible rows). */
  next(): void;
}

export function createCommandsHolder(): CommandsHolder {
  return { current: undefined, next: () => undefined };
}

export const CommandsContext = createContext<CommandsHolder>(createCommandsHolder());

export function useCommands(): CommandsHolder {
  return useContext(CommandsContext);
}
