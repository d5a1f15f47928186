/**
 * Binds the global shortcuts (keyboard.ts) to the window: row moves open the
 * next spectrum, digits set its quality flag, 'u'/Ctrl+Z undo, '?' help.
 * Ignored while typing in a text field.
 */
import { useEffect, useRef } from 'react';
import { classPatch } from '../core/export/decision.ts';
import { useDecisionsApi } from '../state/decisionsContext.ts';
import { moveSelection } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import type { ResultRow } from '../state/types.ts';
import { isTypingTarget, keyAction } from './keyboard.ts';
import { useSession } from './sessionContext.ts';

export function useGlobalKeys(rows: readonly ResultRow[]): void {
  const store = useAppStore();
  const decisions = useDecisionsApi();
  const session = useSession();
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const action = keyAction(e);
      if (!action) return;
      const s = store.getState();
      const visible = rowsRef.current;
      const selected = s.selectedKey === undefined ? undefined : s.rows.find((r) => r.key === s.selectedKey);
      switch (action.type) {
        case 'move':
          session.open(moveSelection(visible, s.selectedKey, action.delta));
          break;
        case 'first':
          if (visible.length > 0) session.open(visible[0].key);
          break;
        case 'last':
          if (visible.length > 0) session.open(visible[visible.length - 1].key);
          break;
        case 'qop':
        case 'clear-qop': {
          if (!selected || selected.fileLevel) return;
          const { fileName, index, spectrumId } = selected.row;
          void decisions.getState().setDecision(selected.key, { qop: action.type === 'qop' ? action.qop : undefined }, { fileName, index, spectrumId });
          break;
        }
        case 'undo':
          void decisions.getState().undo();
          break;
        case 'help':
          s.setHelpOpen(!s.helpOpen);
          break;
        case 'escape':
          if (s.helpOpen) s.setHelpOpen(false);
          else session.open(undefined);
          break;
        case 'toggle-flagged':
          s.setFilter({ flaggedOnly: !s.filter.flaggedOnly });
          break;
        case 'toggle-guided':
          s.setGuided(!s.guided);
          break;
        case 'set-class':
        case 'reset-decision': {
          if (!selected || selected.fileLevel) return;
          const { fileName, index, spectrumId } = selected.row;
          const patch = action.type === 'set-class' ? classPatch(action.cls, selected.row.cls) : { cls: undefined, z: undefined };
          void decisions.getState().setDecision(selected.key, patch, { fileName, index, spectrumId });
          break;
        }
        case 'focus': {
          const el = document.querySelector<HTMLElement>(`[data-testid="decision-${action.target}"]`);
          if (!el) return;
          el.focus();
          break;
        }
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, decisions, session]);
}
