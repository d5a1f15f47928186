/** Guided mode's "find the redshift yourself" panel: χ² at the slider's z and feedback. */
import './teach.css';
import { useEffect, useRef, useState } from 'react';
import type { OutputGridSpec } from '../../core/scan/redshift.ts';
import type { ClassScan } from '../../core/scan/types.ts';
import { exerciseFeedback, type ExerciseFeedback } from './exercise.ts';
import { GUIDE } from './guideText.ts';

export interface ExerciseProps {
  scan: ClassScan;
  grid: OutputGridSpec;
  z: number;
  /** True once solved or revealed: the χ² plot is shown again. */
  done: boolean;
  onSolved: () => void;
  onReveal: () => void;
  onRestart: () => void;
}

export function Exercise({ scan, grid, z, done, onSolved, onReveal, onRestart }: ExerciseProps) {
  const previous = useRef<number | undefined>(undefined);
  const [fb, setFb] = useState<ExerciseFeedback>(() => exerciseFeedback(scan, grid, z));
  useEffect(() => {
    const next = exerciseFeedback(scan, grid, z, previous.current);
    previous.current = next.chi2;
    setFb(next);
    if (next.state === 'solved' && !done) onSolved();
  }, [scan, grid, z, done, onSolved]);
  return (
    <div className={`exercise exercise-${fb.state}`} data-testid="exercise" aria-live="polite">
      <p>{GUIDE.exercise}</p>
      <p>
        χ² at this z: <strong data-testid="exercise-chi2">{fb.chi2 === undefined ? '—' : fb.chi2.toFixed(3)}</strong>{' '}
        <span data-testid="exercise-feedback">{fb.message}</span>
      </p>
      <div className="exercise-buttons">
        {!done && (
          <button type="button" onClick={onReveal}>
            Show the answer
          </button>
        )}
        <button type="button" onClick={onRestart}>
          {done ? 'Try again' : 'Start over'}
        </button>
      </div>
    </div>
  );
}
