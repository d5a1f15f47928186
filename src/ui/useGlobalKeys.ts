/**
 * The one keyboard handler (keyboard.ts says which key does what), bound to
 * the window: it works wherever the focus is, except while typing in a text
 * box, where Esc leaves the box (and gives the keys back) and everything
 * else is typing. Keys about the open spectrum (minima, class, accept) go to
 * its registered commands (spectrumCommands.ts).
 */
import { useEffect, useRef } from 'react';
import { useDecisionsApi } from '../state/decisionsContext.ts';
import { moveSelection } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import type { ResultRow } from '../state/types.ts';
import { isTypingTarget, keyAction } from './keyboard.ts';
import { useSession } from './sessionContext.ts';
import { useCommands } from './spectrumCommands.ts';

export function useGlobalKeys(rows: readonly ResultRow[]): void {
  const store = useAppStore();
  const decisions = useDecisionsApi();
  const session = useSession();
  const commands = useCommands();
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);

  useEffect(() => {
    commands.next = () => {
      const s = store.getState();
      session.open(moveSelection(rowsRef.current, s.selectedKey, 1));
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (isTypingTarget(e.target)) {
        // Esc leaves any text box; the next Esc closes the spectrum.
        if (e.key === 'Escape') {
          (e.target as HTMLElement).blur();
          e.preventDefault();
        }
        return;
      }
      // The slider's own arrows move z (explore), not the row.
      if (e.key.startsWith('Arrow') && (e.target as HTMLInputElement | null)?.type === 'range') return;
      const action = keyAction(e);
      if (!action) return;
      // Enter on a focused button or link is that control's own click.
      if (action.type === 'accept' && !e.shiftKey && (e.target as HTMLElement | null)?.closest?.('button, a, select, summary')) return;
      const s = store.getState();
      const visible = rowsRef.current;
      const selected = s.selectedKey === undefined ? undefined : s.rows.find((r) => r.key === s.selectedKey);
      const open = commands.current && commands.current.key === s.selectedKey ? commands.current : undefined;
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
        case 'qop': {
          if (!selected || selected.fileLevel) return;
          // With the spectrum open, a QOP accepts what it shows (Marz); otherwise it rates the pipeline's answer.
          if (open) open.accept(action.qop);
          else void decisions.getState().setDecision(selected.key, { qop: action.qop }, selected.row);
          break;
        }
        case 'clear-qop': {
          if (!selected || selected.fileLevel) return;
          void decisions.getState().setDecision(selected.key, { qop: undefined }, selected.row);
          break;
        }
        case 'accept':
          if (!open) return;
          if (open.accept() && action.next) commands.next();
          break;
        case 'minimum':
          if (!open) return;
          open.stepMinimum(action.dir);
          break;
        case 'set-class':
          if (!open) return;
          open.setClass(action.cls);
          break;
        case 'show-pipeline':
          if (!open) return;
          open.showPipeline();
          break;
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
        case 'focus': {
          const el = document.querySelector<HTMLElement>(action.target === 'z' ? '[data-testid="z-input"]' : '[data-testid="decision-comment"]');
          if (!el) return;
          el.focus();
          if (el instanceof HTMLInputElement) el.select();
          break;
        }
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, decisions, session, commands]);
}
