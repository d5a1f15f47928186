// @vitest-environment happy-dom
/** The best minima per class on a real quasar: grouped by class, the answer's class first, a click previews. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MinimaList } from '../../../src/ui/view/MinimaList.tsx';
import { analyseFixture, type RealCase } from './realAnalysis.ts';

let qso: RealCase;
beforeAll(async () => {
  qso = await analyseFixture('spec-11354-58441-0963.fits');
});
afterEach(cleanup);

describe('MinimaList', () => {
  it("groups each class's ranked minima, the answer's class first, with z, χ², Δχ² to the best", () => {
    const { result } = qso.detail;
    render(<MinimaList result={result} cls={result.cls} z={result.z} onPreview={vi.fn()} />);
    const groups = Array.from(document.querySelectorAll('tbody.minima-class')).map((g) => g.getAttribute('data-class'));
    expect(groups[0]).toBe(result.cls);
    expect([...groups].sort()).toEqual(['GALAXY', 'QSO', 'STAR']);
    const first = screen.getAllByTestId('minimum')[0];
    expect(first.getAttribute('data-class')).toBe(result.cls);
    expect(Number(first.getAttribute('data-z'))).toBeCloseTo(result.z, 6);
    // the best of all has Δχ² 0 and sits on the current row
    const row = first.closest('tr')!;
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(row.querySelectorAll('td')[4].textContent).toBe('0.0');
    expect(screen.queryByTestId('minimum-keep')).toBeNull();
  });

  it('a click previews that class and z; "keep" is offered only while previewing', () => {
    const { result } = qso.detail;
    const onPreview = vi.fn();
    const onKeep = vi.fn();
    render(<MinimaList result={result} cls={result.cls} z={result.z} onPreview={onPreview} onKeep={onKeep} />);
    const other = screen.getAllByTestId('minimum').find((b) => b.getAttribute('data-class') !== result.cls)!;
    fireEvent.click(other);
    expect(onPreview).toHaveBeenCalledWith(other.getAttribute('data-class'), Number(other.getAttribute('data-z')));
    fireEvent.click(screen.getByTestId('minimum-keep'));
    expect(onKeep).toHaveBeenCalledTimes(1);
  });
});
