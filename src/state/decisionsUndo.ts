/**
 * Multi-level undo over all decision changes. Each entry holds what the
 * touched decisions were before; consecutive edits with the same tag (one
 * spectrum's comment, typed key by key) share one entry.
 */
import type { Decision } from '../core/export/types.ts';

export interface UndoStep {
  key: string;
  /** The decision before the change; undefined = there was none. */
  before: Decision | undefined;
}

/** A change to apply: the decision after it, undefined = removed. */
export interface Change {
  key: string;
  after: Decision | undefined;
}

export interface UndoHistory {
  /** Remember a change; a tag equal to the last entry's merges into it (its earlier `before` is kept). */
  record(steps: UndoStep[], tag?: string): void;
  /** The latest entry, removed; undefined when empty. */
  pop(): UndoStep[] | undefined;
  depth(): number;
}

export function createUndoHistory(max: number): UndoHistory {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`undo depth must be an integer ≥ 1, got ${max}`);
  const entries: Array<{ steps: UndoStep[]; tag?: string }> = [];
  return {
    record(steps, tag) {
      const last = entries[entries.length - 1];
      if (tag !== undefined && last?.tag === tag) return;
      entries.push({ steps, tag });
      if (entries.length > max) entries.shift();
    },
    pop() {
      return entries.pop()?.steps;
    },
    depth() {
      return entries.length;
    },
  };
}
