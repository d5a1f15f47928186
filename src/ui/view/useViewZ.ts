/**
 * The view's redshift and class interaction: the throttled slider, the
 * guided exercise, picking a class (its best z, or a fresh exercise), a click
 * on a χ² minimum. (The keys that step through the minima are the shell's.)
 */
import { useCallback } from 'react';
import type { AnalysisResult } from '../../core/scan/types.ts';
import type { SpectralClass } from '../../core/types.ts';
import { exerciseStartZ, scanZRange } from '../teach/exercise.ts';
import { useExercise } from '../teach/useExercise.ts';
import { useRafThrottle } from './useRafThrottle.ts';

export interface ViewZInput {
  result: AnalysisResult;
  cls: SpectralClass;
  z: number;
  guided: boolean;
  /** Changes with the spectrum (restarts the exercise). */
  spectrumKey: string;
  onZChange: (z: number) => void;
  onClassChange: (cls: SpectralClass) => void;
}

export function useViewZ({ result, cls, z, guided, spectrumKey, onZChange, onClassChange }: ViewZInput) {
  const setZ = useRafThrottle(onZChange);
  const startZ = (c: SpectralClass) => exerciseStartZ(...scanZRange(result.scans[c]));
  const exercise = useExercise(guided, spectrumKey, startZ(cls), z, setZ);
  const { phase, userMoved, restart } = exercise;
  const moveZ = useCallback(
    (zz: number) => {
      userMoved();
      setZ(zz);
    },
    [userMoved, setZ],
  );
  const commitZ = useCallback(
    (zz: number) => {
      userMoved();
      onZChange(zz);
    },
    [userMoved, onZChange],
  );
  const pickClass = useCallback(
    (c: SpectralClass) => {
      if (c === cls) return;
      onClassChange(c);
      if (phase !== 'off') restart(exerciseStartZ(...scanZRange(result.scans[c])));
      else if (Number.isFinite(result.zByClass[c])) onZChange(result.zByClass[c]);
    },
    [cls, result, phase, restart, onClassChange, onZChange],
  );
  const onPick = useCallback(
    (c: SpectralClass, zc: number) => {
      if (c !== cls) onClassChange(c);
      onZChange(zc);
    },
    [cls, onClassChange, onZChange],
  );
  return { exercise, restartExercise: () => restart(startZ(cls)), moveZ, commitZ, pickClass, onPick };
}
