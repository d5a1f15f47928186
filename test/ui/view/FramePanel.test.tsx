// @vitest-environment happy-dom
/** The frame panel on a real Marz AAOmega spectrum: what was assumed, the corrections behind z, and the override controls. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeFile } from '../../../src/core/analyzeFile.ts';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import { correctionText, FramePanel } from '../../../src/ui/view/FramePanel.tsx';
import type { SpectrumDetail } from '../../../src/worker/protocol.ts';
import { loadAnalyzer } from '../../../tools/lib/nodeModels.ts';
import { ROOT } from './realAnalysis.ts';

let detail: SpectrumDetail;
beforeAll(async () => {
  const name = 'emlLogVacuumHelioCMB.fits';
  const opened = await openSpectra(bytesSource(name, new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'external', 'marz', name)))));
  if (!opened.ok) throw new Error(opened.error.message);
  for await (const o of analyzeFile(opened.value, [await loadAnalyzer('encoder')])) {
    if (!o.result.ok) throw new Error(o.result.error.message);
    detail = { fileName: name, index: 0, spectrum: o.spectrum!, gridded: o.gridded!, result: o.result.value, correction: o.correction, instrument: o.profile?.name };
  }
}, 60_000);
afterEach(cleanup);

describe('FramePanel', () => {
  it('says vacuum from the header, topocentric by practice, and the CMB-frame z with its corrections', () => {
    render(<FramePanel detail={detail} override={undefined} onOverride={() => {}} />);
    const text = screen.getByTestId('frame-info').textContent!;
    expect(text).toMatch(/vacuum \(header\)/);
    expect(text).toMatch(/topocentric \(AAOMEGA-2dF practice\)/);
    expect(text).toMatch(/CMB frame \(barycentric −21\.\d km\/s, CMB −19\d\.\d km\/s\)/);
    expect(text).toMatch(/eigenspectrum fit/);
    // Marz reports 0.11164 for this file after the same corrections.
    expect(correctionText(detail)).toMatch(/z = 0\.1116\d/);
  });

  it('a choice calls back with the whole-file override, and "as the file says" clears it', () => {
    const onOverride = vi.fn();
    const { rerender } = render(<FramePanel detail={detail} override={undefined} onOverride={onOverride} />);
    fireEvent.change(screen.getByTestId('frame-medium'), { target: { value: 'air' } });
    expect(onOverride).toHaveBeenLastCalledWith({ medium: 'air' });
    rerender(<FramePanel detail={detail} override={{ medium: 'air' }} onOverride={onOverride} />);
    expect(screen.getByTestId('frame-info').textContent).toMatch(/your choice for the whole file/);
    fireEvent.change(screen.getByTestId('frame-treat'), { target: { value: 'sdss' } });
    expect(onOverride).toHaveBeenLastCalledWith({ medium: 'air', treatAs: 'sdss' });
    fireEvent.change(screen.getByTestId('frame-medium'), { target: { value: '' } });
    expect(onOverride).toHaveBeenLastCalledWith(undefined);
  });
});
