/**
 * The view's redshift and class interaction: the throttled slider, the
 * guided exercise, picking a class (its best z, or a fresh exercise), a click
 * on a χ² minimum, and the keys that step through the minima.
 */
import { useCallback, type KeyboardEvent } from 'react';
import type { ModelEntry } from '../../core/inference/manifest.ts';
import type { AnalysisResult } from '../../core/scan/types.ts';
import type { SpectralClass } from '../../core/types.ts';
import { exerciseStartZ, scanZRange } from '../teach/exercise.ts';
import { useExercise } from '../teach/useExercise.ts';
import { stepMinimum } from './minimaNav.ts';
import { useRafThrottle } from './useRafThrottle.ts';
import { isTyping, viewKeyAction } from './viewKeys.ts';

export interface ViewZInput {
  result: AnalysisResult;
  cls: SpectralClass;
  z: number;
  grid: ModelEntry['outputGrid'];
  guided: boolean;
  /** Changes with the spectrum (restarts the exercise). */
  spectrumKey: string;
  onZChange: (z: number) => void;
  onClassChange: (cls: SpectralClass) => void;
}

export function useViewZ({ result, cls, z, grid, guided, spectrumKey, onZChange, onClassChange }: ViewZInput) {
  const setZ = useRafThrottle(onZChange);
  const startZ = (c: SpectralClass) => exerciseStartZ(...scanZRange(result.scans[c]));
  const exercise = useExercise(guided, spectrumKey, startZ(cls), z, setZ);
  const { phase, hideAnswer, userMoved, restart } = exercise;
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
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const action = viewKeyAction(e);
    if (!action || isTyping(e.target) || hideAnswer) return;
    const m = stepMinimum(result.scans[cls].minima, grid, z, action === 'next-minimum' ? 1 : -1);
    if (!m) return;
    e.preventDefault();
    e.stopPropagation();
    onZChange(m.z);
  };
  return { exercise, restartExercise: () => restart(startZ(cls)), moveZ, commitZ, pickClass, onPick, onKeyDown };
}
