// @vitest-environment happy-dom
/** The view's z and class interaction on a real quasar: picking a class, a χ² minimum, and stepping minima by key. */
import { act, cleanup, renderHook } from '@testing-library/react';
import type { KeyboardEvent } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
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
    grid: findModel(qso.manifest, result.family, result.cls).outputGrid,
    guided: false,
    spectrumKey: 'qso#0',
    onZChange,
    onClassChange,
    ...over,
  };
  const hook = renderHook(() => useViewZ(input));
  return { hook, onZChange, onClassChange };
}

const key = (k: string) => ({ key: k, target: document.body, preventDefault() {}, stopPropagation() {} }) as unknown as KeyboardEvent<HTMLElement>;

describe('useViewZ', () => {
  it("picking another class moves to that class's best z; the same class does nothing", () => {
    const { hook, onZChange, onClassChange } = setUp();
    act(() => hook.result.current.pickClass('QSO'));
    expect(onClassChange).not.toHaveBeenCalled();
    act(() => hook.result.current.pickClass('GALAXY'));
    expect(onClassChange).toHaveBeenCalledWith('GALAXY');
    expect(onZChange).toHaveBeenLastCalledWith(qso.detail.result.zByClass.GALAXY);
  });

  it('a click on a minimum of another class sets both; n steps to the next minimum', () => {
    const { hook, onZChange, onClassChange } = setUp();
    act(() => hook.result.current.onPick('STAR', 0.001));
    expect(onClassChange).toHaveBeenCalledWith('STAR');
    expect(onZChange).toHaveBeenLastCalledWith(0.001);
    act(() => hook.result.current.onKeyDown(key('n')));
    expect(onZChange).toHaveBeenLastCalledWith(qso.detail.result.scans.QSO.minima[1].z);
  });

  it('in guided mode the answer is hidden, so the keys do not give it away', () => {
    const { hook, onZChange } = setUp({ guided: true });
    expect(hook.result.current.exercise.hideAnswer).toBe(true);
    act(() => hook.result.current.onKeyDown(key('n')));
    expect(onZChange).not.toHaveBeenCalledWith(qso.detail.result.scans.QSO.minima[1].z);
  });
});
