// @vitest-environment happy-dom
/** The spectrum panel on a real quasar: the flux toggle switches the figure, the lines toggles gate each other. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findModel } from '../../../src/core/inference/manifest.ts';
import { SpectrumPanel } from '../../../src/ui/view/SpectrumPanel.tsx';
import { analyseFixture, type RealCase } from './realAnalysis.ts';

vi.mock('../../../src/ui/plots/Plot.tsx', () => ({
  Plot: (p: { testId: string; data: Array<{ name?: string }> }) => <div data-testid={p.testId} data-traces={p.data.length} data-names={p.data.map((d) => d.name).join('|')} />,
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
