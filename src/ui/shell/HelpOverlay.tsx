/** Keyboard shortcuts, shown on '?'. */
import { SHORTCUTS } from '../keyboard.ts';

export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="help" onClick={onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          The keys work wherever the focus is, except while typing in a text box (Esc leaves it). Exploring only changes
          what is shown; nothing is saved until you accept (4 3 2 1 6, Enter, Shift+Enter). Press Esc or ? to close.
        </p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
