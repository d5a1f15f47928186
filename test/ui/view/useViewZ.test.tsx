// @vitest-environment happy-dom
/** The view's z and class interaction on a real quasar: picking a class and a χ² minimum (the keys are the shell's: App.test.tsx). */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useViewZ, type ViewZInput } from '../../../src/ui/view/useViewZ.ts';
import { analyseFixture, type RealCase } from './realAnalysis.ts';

let qso: RealCase;
beforeAll(async () => {
  qso = await analyseFixture('spec-11354-58441-0963.fits');
});
afterEach(cleanup);

function setUp(over: Partial<ViewZInput> = {}) {
  const { result } = qso.detail;
  const onZChange = vi.fn<(z: number) => void>();
  const onClassChange = vi.fn<(c: 'STAR' | 'GALAXY' | 'QSO') => void>();
  const input: ViewZInput = {
    result,
    cls: result.cls,
    z: result.z,
    guided: false,
    spectrumKey: 'qso#0',
    onZChange,
    onClassChange,
    ...over,
  };
  const hook = renderHook(() => useViewZ(input));
  return { hook, onZChange, onClassChange };
}

describe('useViewZ', () => {
  it("picking another class moves to that class's best z; the same class does nothing", () => {
    const { hook, onZChange, onClassChange } = setUp();
    act(() => hook.result.current.pickClass('QSO'));
    expect(onClassChange).not.toHaveBeenCalled();
    act(() => hook.result.current.pickClass('GALAXY'));
    expect(onClassChange).toHaveBeenCalledWith('GALAXY');
    expect(onZChange).toHaveBeenLastCalledWith(qso.detail.result.zByClass.GALAXY);
  });

  it('a click on a minimum of another class sets both', () => {
    const { hook, onZChange, onClassChange } = setUp();
    act(() => hook.result.current.onPick('STAR', 0.001));
    expect(onClassChange).toHaveBeenCalledWith('STAR');
    expect(onZChange).toHaveBeenLastCalledWith(0.001);
  });

  it('in guided mode the answer is hidden', () => {
    const { hook } = setUp({ guided: true });
    expect(hook.result.current.exercise.hideAnswer).toBe(true);
  });
});
