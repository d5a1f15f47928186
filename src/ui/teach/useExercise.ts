/**
 * State of guided mode's "find the redshift yourself" exercise:
 * off → starting (the start z has been asked for, not yet shown) → running
 * (answers hidden, feedback on) → done (found or revealed).
 *
 * 'starting' exists because the z lives in the parent: until the parent
 * hands back the start z, the old z (often the answer) is still displayed
 * and must not count as found.
 */
import { useCallback, useEffect, useState } from 'react';

export type ExercisePhase = 'off' | 'starting' | 'running' | 'done';

export interface ExerciseControl {
  phase: ExercisePhase;
  /** Answers (χ² curves, pipeline z, R) are hidden. */
  hideAnswer: boolean;
  /** Begin again from `startZ`. */
  restart(startZ: number): void;
  /** The user moved z themselves (ends 'starting' even if the parent adjusted the z). */
  userMoved(): void;
  /** Found or revealed. */
  finish(): void;
}

export function useExercise(guided: boolean, spectrumKey: string, startZ: number, z: number, setZ: (z: number) => void): ExerciseControl {
  const [phase, setPhase] = useState<ExercisePhase>('off');
  const [target, setTarget] = useState(startZ);

  const restart = useCallback(
    (z0: number) => {
      setPhase('starting');
      setTarget(z0);
      // Through the caller's per-frame throttle: a parent that resets its own
      // z in an effect of the same commit would otherwise overwrite it.
      setZ(z0);
    },
    [setZ],
  );

  // Afresh for every spectrum and every switch into guided mode.
  useEffect(() => {
    if (guided) restart(startZ);
    else setPhase('off');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- startZ follows the spectrum
  }, [guided, spectrumKey, restart]);

  useEffect(() => {
    if (phase === 'starting' && Math.abs(z - target) <= 1e-9 * Math.max(1, Math.abs(target))) setPhase('running');
  }, [phase, z, target]);

  const userMoved = useCallback(() => setPhase((p) => (p === 'starting' ? 'running' : p)), []);
  const finish = useCallback(() => setPhase((p) => (p === 'off' ? p : 'done')), []);
  return { phase, hideAnswer: phase === 'starting' || phase === 'running', restart, userMoved, finish };
}
