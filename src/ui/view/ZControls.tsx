/**
 * The redshift slider and numeric input. The slider moves in log10(1+z), so
 * one step is a tenth of a model pixel at any z; it keeps its own position
 * while dragging and reports z through a once-per-frame callback.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';

export interface ZControlsProps {
  z: number;
  zMin: number;
  zMax: number;
  /** Decimals shown in the numeric input. */
  digits: number;
  /** Slider moves: called on every input event (the caller throttles) with z clamped to [zMin, zMax]. */
  onZ: (z: number) => void;
  /** A typed z (Enter, which also leaves the field, or leaving it), clamped to [zMin, zMax]. */
  onCommit: (z: number) => void;
}

/** dex per slider step: a tenth of a model pixel. */
export const SLIDER_STEP_DEX = 1e-5;

export function clampZ(z: number, zMin: number, zMax: number): number {
  return Math.min(zMax, Math.max(zMin, z));
}

export function ZControls({ z, zMin, zMax, digits, onZ, onCommit }: ZControlsProps) {
  const [draft, setDraft] = useState<number | null>(null);
  const [text, setText] = useState(z.toFixed(digits));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setDraft(null);
    setText(z.toFixed(digits));
    setInvalid(false);
  }, [z, digits]);

  const commitText = () => {
    if (text === z.toFixed(digits)) return; // unchanged: leaving the field is not an edit
    const v = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(v)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onCommit(clampZ(v, zMin, zMax));
  };
  // Enter shows the typed z and gives the keys back (Q, u, 4 … act again, issue 9); Esc drops the
  // typing (the global handler then leaves the box).
  const onTextKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      commitText();
      e.currentTarget.blur();
      e.preventDefault();
    }
    if (e.key === 'Escape') setText(z.toFixed(digits));
  };

  return (
    <div className="z-controls">
      <label className="z-slider">
        <span>z</span>
        <input
          type="range"
          data-testid="z-slider"
          aria-label="redshift"
          aria-valuetext={`z = ${(draft !== null ? 10 ** draft - 1 : z).toFixed(digits)}`}
          min={Math.log10(1 + zMin)}
          max={Math.log10(1 + zMax)}
          step={SLIDER_STEP_DEX}
          value={draft ?? Math.log10(1 + z)}
          onChange={(e) => {
            const x = Number(e.currentTarget.value);
            setDraft(x);
            onZ(clampZ(10 ** x - 1, zMin, zMax));
          }}
        />
      </label>
      <label className="z-input">
        <span className="visually-hidden">redshift value</span>
        <input
          type="text"
          inputMode="decimal"
          data-testid="z-input"
          aria-invalid={invalid}
          value={text}
          size={10}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={commitText}
          onKeyDown={onTextKey}
        />
      </label>
      <span className="z-range">
        {zMin} … {zMax}
      </span>
    </div>
  );
}
