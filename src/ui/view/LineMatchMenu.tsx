/**
 * The small menu of Marz's line matching, shown where the spectrum was clicked: "which line is
 * this?" with the z each choice implies. Picking one previews that z (nothing is saved); Esc,
 * "cancel" or a press outside it closes it.
 */
import { useEffect, useRef } from 'react';
import type { LineChoice } from './lineMatch.ts';

export interface LineMatchMenuProps {
  /** The clicked wavelength, vacuum Å. */
  lambdaA: number;
  choices: readonly LineChoice[];
  /** Position inside the plot box (px). */
  left: number;
  top: number;
  onPick(choice: LineChoice): void;
  onClose(): void;
}

export function LineMatchMenu({ lambdaA, choices, left, top, onPick, onClose }: LineMatchMenuProps) {
  const first = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.focus(), []);
  // A press anywhere else closes it (a new click on the spectrum then opens a fresh one).
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) onClose();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose]);
  return (
    <div
      ref={box}
      className="line-match-menu"
      role="menu"
      aria-label={`Which line is at ${lambdaA.toFixed(1)} Å?`}
      data-testid="line-match-menu"
      data-lambda={lambdaA.toFixed(2)}
      style={{ left, top }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <p className="line-match-title">λ {lambdaA.toFixed(1)} Å is…</p>
      {choices.length === 0 && <p className="muted">no major line puts it at a redshift the models cover</p>}
      <ul>
        {choices.map((c, i) => (
          <li key={`${c.line.name}-${c.line.restA}`}>
            <button
              type="button"
              role="menuitem"
              ref={i === 0 ? first : undefined}
              data-testid="line-match-option"
              data-line={c.line.name}
              data-z={String(c.z)}
              className={c.line.kind}
              onClick={() => onPick(c)}
            >
              {c.line.name} <span className="muted">{c.line.restA.toFixed(1)}</span> → z = {c.z.toFixed(4)}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link" data-testid="line-match-cancel" onClick={onClose}>
        cancel (Esc)
      </button>
    </div>
  );
}
