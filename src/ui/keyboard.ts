/**
 * Global shortcuts: which key does what. Pure, so it is tested without a DOM.
 * One handler (useGlobalKeys.ts) serves them wherever the focus is, except
 * while typing in a text box, where only Esc (leave the box) counts.
 *
 * Exploring (moving z, stepping through minima, S/G/Q, R) changes only what
 * is shown; accepting (a QOP key, Enter, Shift+Enter) saves the shown class
 * and z as the decision (issue 9).
 */
import type { Qop } from '../core/export/types.ts';
import type { SpectralClass } from '../core/types.ts';

export type KeyAction =
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'qop'; qop: Qop }
  | { type: 'clear-qop' }
  | { type: 'undo' }
  | { type: 'help' }
  | { type: 'escape' }
  | { type: 'toggle-flagged' }
  | { type: 'toggle-guided' }
  | { type: 'set-class'; cls: SpectralClass }
  | { type: 'show-pipeline' }
  | { type: 'minimum'; dir: 1 | -1 }
  | { type: 'accept'; next: boolean }
  | { type: 'focus'; target: 'comment' | 'z' };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

/** Rows jumped by PageUp/PageDown. */
export const PAGE_ROWS = 20;

const QOP_KEYS: Record<string, Qop> = { '1': 1, '2': 2, '3': 3, '4': 4, '6': 6 };

export function keyAction(e: KeyLike): KeyAction | undefined {
  if (e.altKey) return undefined;
  if (e.ctrlKey || e.metaKey) return e.key === 'z' || e.key === 'Z' ? { type: 'undo' } : undefined;
  switch (e.key) {
    case 'ArrowDown':
    case 'j':
      return { type: 'move', delta: 1 };
    case 'ArrowUp':
    case 'k':
      return { type: 'move', delta: -1 };
    case 'PageDown':
      return { type: 'move', delta: PAGE_ROWS };
    case 'PageUp':
      return { type: 'move', delta: -PAGE_ROWS };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case '0':
      return { type: 'clear-qop' };
    case 'u':
      return { type: 'undo' };
    case '?':
      return { type: 'help' };
    case 'Escape':
      return { type: 'escape' };
    case 'f':
      return { type: 'toggle-flagged' };
    case 'g':
      return { type: 'toggle-guided' };
    // Capitals set the class (lower-case g is taken by guided mode).
    case 'S':
      return { type: 'set-class', cls: 'STAR' };
    case 'G':
      return { type: 'set-class', cls: 'GALAXY' };
    case 'Q':
      return { type: 'set-class', cls: 'QSO' };
    case 'R':
      return { type: 'show-pipeline' };
    case ']':
    case 'n':
      return { type: 'minimum', dir: 1 };
    case '[':
    case 'p':
      return { type: 'minimum', dir: -1 };
    case 'Enter':
      return { type: 'accept', next: e.shiftKey === true };
    case 'c':
      return { type: 'focus', target: 'comment' };
    case 'z':
      return { type: 'focus', target: 'z' };
  }
  const qop = QOP_KEYS[e.key];
  return qop === undefined ? undefined : { type: 'qop', qop };
}

/** True when typing into this element must not trigger shortcuts. */
export function isTypingTarget(t: EventTarget | null): boolean {
  if (!t || typeof (t as Element).closest !== 'function') return false;
  const el = t as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'range', 'file', 'submit', 'reset'].includes(type);
  }
  return false;
}

/** For the help overlay. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: '↓ / j', what: 'next spectrum' },
  { keys: '↑ / k', what: 'previous spectrum' },
  { keys: 'PgDn / PgUp', what: `${PAGE_ROWS} rows down / up` },
  { keys: 'Home / End', what: 'first / last row' },
  { keys: '] / [  or  n / p', what: "explore: next / previous χ² minimum of the shown class, best χ² first (wraps)" },
  { keys: 'S / G / Q', what: "explore: show STAR / GALAXY / QSO at the current z (when that class's χ² curve covers it; otherwise at its best z, and it says so)" },
  { keys: 'R', what: "explore: show the pipeline's class and z again" },
  { keys: 'z', what: 'type a redshift: Enter shows it and gives the keys back (it is not saved until you accept)' },
  { keys: '4 3 2 1 6', what: 'accept the shown class and z with this quality (QOP): 4 great, 3 good, 2 possible, 1 unknown, 6 star / non-galaxy' },
  { keys: 'Enter', what: 'accept the shown class and z (keeping the quality already given)' },
  { keys: 'Shift+Enter', what: 'accept and open the next spectrum' },
  { keys: '0', what: 'clear the quality flag' },
  { keys: 'u / Ctrl+Z', what: 'undo the last decision' },
  { keys: 'c', what: 'write a comment (saved as you type; Esc leaves the box)' },
  { keys: 'f', what: 'show only flagged (anomalous) spectra' },
  { keys: 'g', what: 'guided mode (explanations next to the plots)' },
  { keys: 's', what: 'smooth the spectrum for display: off, 3, 5, 9, 15 px (boxcar or Gaussian, chosen beside the plot)' },
  { keys: '?', what: 'this help' },
  { keys: 'Esc', what: 'leave a text box; again: close help / close the spectrum' },
];
