// @vitest-environment happy-dom
/**
 * The view's behaviour on real analyses. Plotly itself does not run in
 * happy-dom, so Plot is replaced by a stub that records what it was given;
 * the trace builders are tested on their own and rendering in the e2e runs.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exerciseStartZ, scanZRange } from '../../../src/ui/teach/exercise.ts';
import { chi2AtZ } from '../../../src/ui/view/chi2AtZ.ts';
import { SpectrumView } from '../../../src/ui/view/SpectrumView.tsx';
import type { SpectrumViewProps } from '../../../src/ui/view/types.ts';
import { analyseFixture, type RealCase } from './realAnalysis.ts';

vi.mock('../../../src/ui/plots/Plot.tsx', () => ({
  Plot: (p: { testId: string; data: unknown[]; onClick?: unknown }) => <div data-testid={p.testId} data-traces={p.data.length} />,
}));

let qso: RealCase;
beforeAll(async () => {
  qso = await analyseFixture('spec-11354-58441-0963.fits');
});
afterEach(cleanup);

function setup(over: Partial<SpectrumViewProps> = {}, c: RealCase = qso) {
  const onZChange = vi.fn<(z: number) => void>();
  const onClassChange = vi.fn<(cls: 'STAR' | 'GALAXY' | 'QSO') => void>();
  const props: ComponentProps<typeof SpectrumView> = {
    detail: c.detail,
    manifest: c.manifest,
    eigen: c.eigen,
    z: c.detail.result.z,
    cls: c.detail.result.cls,
    onZChange,
    onClassChange,
    guided: false,
    ...over,
  };
  const view = render(<SpectrumView {...props} />);
  return { props, onZChange, onClassChange, view, rerender: (p: Partial<SpectrumViewProps>) => view.rerender(<SpectrumView {...props} {...p} />) };
}

const traces = (id: string) => Number(screen.getByTestId(id).getAttribute('data-traces'));

/** The eigenspectra are a tab away (issue 9's laptop layout): `check` runs with that tab shown, then the minima tab is back. */
function onEigenTab(check: () => void) {
  expect(screen.queryByTestId('plot-eigenspectra')).toBeNull();
  fireEvent.click(screen.getByTestId('tab-eigen'));
  try {
    check();
  } finally {
    fireEvent.click(screen.getByTestId('tab-minima'));
  }
}

describe('SpectrumView', () => {
  it('shows the three plots and the readouts of the displayed fit', () => {
    setup();
    const r = qso.detail.result;
    expect(r.cls).toBe('QSO');
    expect(traces('plot-spectrum')).toBe(3);
    expect(traces('plot-chi2')).toBe(7);
    onEigenTab(() => expect(traces('plot-eigenspectra')).toBe(11));
    expect(screen.getByTestId('readout-z').textContent).toBe(r.z.toFixed(5));
    expect(screen.getByTestId('readout-class').textContent).toBe('QSO');
    expect(screen.getByTestId('readout-chi2').textContent).toBe(chi2AtZ(r.scans.QSO, r.z)!.toFixed(3));
    expect(screen.getByTestId('readout-r').textContent).toBe(`R = ${r.robustness!.toFixed(3)}`);
    expect(screen.queryByTestId('exercise')).toBeNull();
  });

  it('takes a typed z, clamped to the class range, and ignores nonsense', () => {
    const { onZChange } = setup();
    const input = screen.getByTestId('z-input');
    fireEvent.change(input, { target: { value: '2.3' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onZChange).toHaveBeenLastCalledWith(2.3);
    fireEvent.change(input, { target: { value: '9' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onZChange).toHaveBeenLastCalledWith(5);
    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onZChange).toHaveBeenCalledTimes(2);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // 'n' typed into the field is text, not a shortcut
    fireEvent.keyDown(input, { key: 'n' });
    expect(onZChange).toHaveBeenCalledTimes(2);
  });

  it('reports slider moves once per frame with the latest z', async () => {
    const { onZChange } = setup();
    const slider = screen.getByTestId('z-slider');
    fireEvent.change(slider, { target: { value: String(Math.log10(2)) } });
    fireEvent.change(slider, { target: { value: String(Math.log10(3)) } });
    await waitFor(() => expect(onZChange).toHaveBeenCalled());
    expect(onZChange).toHaveBeenCalledTimes(1);
    expect(onZChange.mock.calls[0][0]).toBeCloseTo(2, 4);
  });

  it('switches class to that class best z', () => {
    const { onZChange, onClassChange } = setup();
    fireEvent.click(screen.getByTestId('class-GALAXY'));
    expect(onClassChange).toHaveBeenCalledWith('GALAXY');
    expect(onZChange).toHaveBeenLastCalledWith(qso.detail.result.zByClass.GALAXY);
  });

  it('shows flux units with the error band, continuum and survey model', () => {
    setup();
    fireEvent.click(screen.getByTestId('toggle-flux'));
    expect(traces('plot-spectrum')).toBe(7);
  });

  it('shows header text from the file as text, never as markup', () => {
    const evil = { ...qso.detail, spectrum: { ...qso.detail.spectrum, meta: { ...qso.detail.spectrum.meta, objectName: '<img src=x onerror=alert(1)>' } } };
    const { view } = setup({ detail: evil });
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('guided: hides the answer, starts z at 0, and reveals it once the user finds the best minimum', async () => {
    const { onZChange, rerender } = setup({ guided: true });
    const scan = qso.detail.result.scans.QSO;
    const start = exerciseStartZ(...scanZRange(scan));
    await waitFor(() => expect(onZChange).toHaveBeenCalledWith(start));
    expect(screen.getByTestId('plot-chi2-hidden')).toBeTruthy();
    expect(screen.queryByTestId('readout-pipeline')).toBeNull();
    expect(screen.getByTestId('guide-spectrum').textContent).toMatch(/reconstruction/);
    onEigenTab(() => expect(screen.getByTestId('guide-eigen').textContent).toMatch(/eigenspectra/));

    rerender({ guided: true, z: start });
    await waitFor(() => expect(screen.getByTestId('exercise')).toBeTruthy());
    expect(screen.getByTestId('exercise-chi2').textContent).toBe(chi2AtZ(scan, start)!.toFixed(3));

    rerender({ guided: true, z: scan.minima[1].z });
    await waitFor(() => expect(screen.getByTestId('exercise-feedback').textContent).toMatch(/not the deepest/));
    expect(screen.queryByTestId('plot-chi2')).toBeNull();

    rerender({ guided: true, z: scan.minima[0].z });
    await waitFor(() => expect(screen.getByTestId('exercise-feedback').textContent).toMatch(/Found it/));
    expect(screen.getByTestId('plot-chi2')).toBeTruthy();
    expect(screen.getByTestId('guide-robustness')).toBeTruthy();
  });
});

describe('SpectrumView with UNet results', () => {
  it('plots the reconstruction alone where the eigenspectra would be', async () => {
    const u = await analyseFixture('spec-0564-52224-0581.fits', 'unet');
    setup({}, u);
    onEigenTab(() => expect(traces('plot-eigenspectra')).toBe(1));
    expect(traces('plot-chi2')).toBe(7);
  });
});

describe('SpectrumView compare view (both families)', () => {
  it('overlays the UNet reconstruction, adds its three χ² curves, shows both answers and says the eigenspectra are the encoder\'s', async () => {
    const u = await analyseFixture('spec-11354-58441-0963.fits', 'unet');
    const both = { ...qso, detail: { ...qso.detail, compare: u.detail.result } };
    setup({}, both);
    expect(traces('plot-spectrum')).toBe(4);
    expect(traces('plot-chi2')).toBe(7 + 6);
    onEigenTab(() => {
      expect(traces('plot-eigenspectra')).toBe(11);
      expect(screen.getByTestId('eigen-compare-note').textContent).toMatch(/no eigenspectra/);
    });
    const e = qso.detail.result;
    const n = u.detail.result;
    expect(screen.getByTestId('compare-encoder-z').textContent).toBe(e.z.toFixed(5));
    expect(screen.getByTestId('compare-unet-z').textContent).toBe(n.z.toFixed(5));
    expect(screen.getByTestId('compare-unet-class').textContent).toBe('QSO');
    // 2.399 vs 2.384: beyond the QSO threshold of 3e-3 in |Δz|/(1+z).
    expect(screen.getByTestId('compare-verdict').textContent).toMatch(/^disagree: \|Δz\|\/\(1\+z\) = 4\.\de-3 > 3e-3$/);
  });

  it('says why the comparison is missing when the other family failed', () => {
    setup({}, { ...qso, detail: { ...qso.detail, compareError: 'unet: model-load: Could not fetch unet-qso.onnx (HTTP 503).' } });
    expect(screen.getByTestId('compare-error').textContent).toMatch(/No comparison: unet: model-load/);
    expect(screen.queryByTestId('readout-compare')).toBeNull();
    expect(traces('plot-chi2')).toBe(7);
  });
});

describe('SpectrumView ranked minima, σ_z and the second redshift (issue 11)', () => {
  it('lists each class\'s ranked minima, the answer\'s class first, and shows σ_z beside z', () => {
    setup();
    const r = qso.detail.result;
    const entries = screen.getAllByTestId('minimum');
    const expected = [r.cls, ...(['STAR', 'GALAXY', 'QSO'] as const).filter((c) => c !== r.cls)].flatMap((c) => r.rankedMinima[c].map((m) => ({ c, z: String(m.z) })));
    expect(entries.map((e) => ({ c: e.getAttribute('data-class'), z: e.getAttribute('data-z') }))).toEqual(expected);
    expect(screen.getByTestId('minima-list').textContent).toContain(r.rankedMinima.QSO[1].deltaChi2.toFixed(0));
    expect(screen.getByTestId('readout-z').textContent).toBe(r.z.toFixed(5));
    expect(screen.getByTestId('readout-zerr').getAttribute('data-zerr')).toBe(String(r.zErr));
    expect(screen.getByTestId('readout-zerr').textContent).toBe(`± ${r.zErr.toExponential(1)}`);
  });

  it('a clicked minimum is reported to the shell (which shows it without saving: issue 9); another class\'s minimum sets the class too', () => {
    const { onZChange, onClassChange, rerender } = setup();
    const r = qso.detail.result;
    const second = r.rankedMinima.QSO[1];
    fireEvent.click(screen.getAllByTestId('minimum')[1]);
    expect(onZChange).toHaveBeenLastCalledWith(second.z);
    expect(onClassChange).not.toHaveBeenCalled();
    rerender({ z: second.z });
    expect(screen.getByTestId('readout-z').textContent).toBe(second.z.toFixed(5));
    expect(screen.getByTestId('readout-zerr').getAttribute('data-zerr')).toBe(Number.isFinite(second.zErr) ? String(second.zErr) : null);
    const star = r.rankedMinima.STAR[0];
    fireEvent.click(screen.getAllByTestId('minimum').find((e) => e.getAttribute('data-class') === 'STAR')!);
    expect(onClassChange).toHaveBeenCalledWith('STAR');
    expect(onZChange).toHaveBeenLastCalledWith(star.z);
    expect(screen.queryByTestId('minimum-keep')).toBeNull();
  });

  it('guided mode hides the file\'s own answer ("file says") while the exercise runs (issue 9)', async () => {
    const hidden = vi.fn<(h: boolean) => void>();
    const { rerender } = setup({ onAnswerHidden: hidden });
    expect(screen.getByTestId('view-truth').textContent).toMatch(/file says: QSO/);
    rerender({ guided: true, onAnswerHidden: hidden });
    await waitFor(() => expect(hidden).toHaveBeenLastCalledWith(true));
    expect(screen.queryByTestId('view-truth')).toBeNull();
    expect(screen.getByTestId('spectrum-view').textContent).not.toMatch(/file says/);
  });

  it("marks a flagged second redshift's lines: the injected fixture has the note and z₂ markers", async () => {
    const injected = await analyseFixture('second-z/spec-0375-52140-0356-z2-0.7.fits');
    const r = injected.detail.result;
    expect(r.flags).toContain('second-redshift');
    setup({ z: r.z, cls: r.cls }, injected);
    const note = screen.getByTestId('second-z-note');
    expect(Number(note.getAttribute('data-z2'))).toBeCloseTo(0.7, 2);
    expect(note.textContent).toMatch(/\[O II\] 3727/);
    // The plain galaxy has none.
    cleanup();
    const plain = await analyseFixture('spec-0375-52140-0356.fits');
    setup({ z: plain.detail.result.z, cls: plain.detail.result.cls }, plain);
    expect(screen.queryByTestId('second-z-note')).toBeNull();
  });
});
