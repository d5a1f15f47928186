// @vitest-environment happy-dom
/** The spectrum panel on a real quasar: the flux toggle switches the figure, the lines toggles gate each other. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { SpectrumPanel } from '../../../src/ui/view/SpectrumPanel.tsx';
import { analyseFixture, type RealCase } from './realAnalysis.ts';

// A click on the stand-in plot is a Plotly click on the point at 6800 Å.
vi.mock('../../../src/ui/plots/Plot.tsx', () => ({
  Plot: (p: { testId: string; data: Array<{ name?: string }>; onClick?: (e: unknown) => void }) => (
    <div
      data-testid={p.testId}
      data-traces={p.data.length}
      data-names={p.data.map((d) => d.name).join('|')}
      onClick={() => p.onClick?.({ points: [{ x: 6800 }], event: { clientX: 10, clientY: 10 } })}
    />
  ),
}));

let qso: RealCase;
beforeAll(async () => {
  qso = await analyseFixture('spec-11354-58441-0963.fits');
});
afterEach(cleanup);

describe('SpectrumPanel', () => {
  it('switches to flux units and back, and "all lines" needs "lines"', () => {
    const { result } = qso.detail;
    const grid = findModel(qso.manifest, result.family, result.cls).outputGrid;
    render(<SpectrumPanel detail={qso.detail} cls={result.cls} z={result.z} zSettled={result.z} grid={grid} compare={undefined} guided />);
    const names = () => screen.getByTestId('plot-spectrum').getAttribute('data-names');
    const note = () => screen.getByTestId('guide-spectrum').textContent;
    const [beforeNames, beforeNote] = [names(), note()];
    fireEvent.click(screen.getByTestId('toggle-flux'));
    expect(names()).not.toBe(beforeNames);
    expect(note()).not.toBe(beforeNote);
    fireEvent.click(screen.getByTestId('toggle-flux'));
    expect(names()).toBe(beforeNames);
    const [lines, all] = screen.getAllByRole('checkbox').slice(1);
    expect((all as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(lines);
    expect((all as HTMLInputElement).disabled).toBe(true);
  });
});

describe('SpectrumPanel display controls and line matching', () => {
  const RANGES = { STAR: [-0.005, 0.005], GALAXY: [0, 1.2], QSO: [0, 5] } as const;
  const renderPanel = (onMatchLine = vi.fn()) => {
    const { result } = qso.detail;
    const grid = findModel(qso.manifest, result.family, result.cls).outputGrid;
    render(<SpectrumPanel detail={qso.detail} cls={result.cls} z={result.z} zSettled={result.z} grid={grid} compare={undefined} guided={false} zRanges={RANGES} onMatchLine={onMatchLine} />);
    return onMatchLine;
  };
  const names = () => screen.getByTestId('plot-spectrum').getAttribute('data-names') ?? '';
  const press = (key: string, target: Element = document.body) => fireEvent.keyDown(target, { key });

  it("'s' cycles the smoothing width, but not while typing in a text box; the kernel is chosen beside it", () => {
    renderPanel();
    const width = screen.getByTestId('smoothing-width') as HTMLSelectElement;
    expect(width.value).toBe('0');
    press('s');
    expect(width.value).toBe('3');
    expect(names()).toContain('boxcar 3 px');
    press('s');
    expect(width.value).toBe('5');
    const input = document.createElement('input');
    document.body.appendChild(input);
    press('s', input);
    expect(width.value).toBe('5');
    input.remove();
    fireEvent.change(screen.getByTestId('smoothing-kind'), { target: { value: 'gaussian' } });
    expect(names()).toContain('Gaussian FWHM 5 px');
    for (let i = 0; i < 3; i++) press('s');
    expect(width.value).toBe('0');
    expect(names()).not.toContain('px');
  });

  it('the sky is unavailable for a file with an all-zero sky column; noise σ goes on demand; no arm toggle for one arm', () => {
    renderPanel();
    expect((screen.getByTestId('toggle-sky') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByTestId('toggle-arms')).toBeNull();
    expect(names()).not.toContain('noise');
    fireEvent.click(screen.getByTestId('toggle-noise'));
    expect(names()).toContain('noise σ (right axis)');
  });

  it('a click on the spectrum asks which line it is; picking Hα previews z = 6800/λ(Hα) − 1 as a GALAXY', () => {
    const onMatch = renderPanel();
    fireEvent.click(screen.getByTestId('plot-spectrum'));
    const menu = screen.getByTestId('line-match-menu');
    expect(menu.getAttribute('data-lambda')).toBe('6800.00');
    const ha = screen.getAllByTestId('line-match-option').find((b) => b.getAttribute('data-line') === 'Hα')!;
    fireEvent.click(ha);
    expect(onMatch).toHaveBeenCalledTimes(1);
    const [cls, z] = onMatch.mock.calls[0] as [string, number];
    // the quasar is shown as QSO, whose models cover z ≈ 0.036
    expect(cls).toBe('QSO');
    expect(z).toBeCloseTo(6800 / 6564.61 - 1, 4);
    expect(screen.queryByTestId('line-match-menu')).toBeNull();
  });

  it('Esc, or a press outside it, closes the menu without a change', () => {
    const onMatch = renderPanel();
    fireEvent.click(screen.getByTestId('plot-spectrum'));
    fireEvent.keyDown(screen.getByTestId('line-match-menu'), { key: 'Escape' });
    expect(screen.queryByTestId('line-match-menu')).toBeNull();
    fireEvent.click(screen.getByTestId('plot-spectrum'));
    fireEvent.pointerDown(screen.getAllByTestId('line-match-option')[0]);
    expect(screen.queryByTestId('line-match-menu')).not.toBeNull();
    fireEvent.pointerDown(document.body);
    expect(screen.queryByTestId('line-match-menu')).toBeNull();
    expect(onMatch).not.toHaveBeenCalled();
  });
});
