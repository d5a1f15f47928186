// @vitest-environment happy-dom
/** Issue 9: a forced backend that cannot run says why in the header, not only in a tooltip. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { planBackend, type BackendProbe } from '../../../src/platform/backend.ts';
import type { BackendState } from '../../../src/state/types.ts';
import { BackendControl, backendMismatch } from '../../../src/ui/shell/BackendControl.tsx';

afterEach(cleanup);

const noGpu: BackendProbe = { gpu: 'none', cores: 2, crossOriginIsolated: true };

function ready(choice: BackendState['choice'], probe: BackendProbe): BackendState {
  const plan = planBackend(choice, probe);
  return { choice, probe, plan, status: 'ready', active: { backend: plan.backend, threads: plan.threads, workers: plan.workers, initMs: 5 }, error: undefined };
}

describe('BackendControl', () => {
  it('WebGPU forced without an adapter: the header says it runs on WASM and why', () => {
    const b = ready('webgpu', noGpu);
    expect(backendMismatch(b)).toBe('WebGPU requested, no adapter: running on WASM');
    render(<BackendControl backend={b} msPerSpectrum={3} onChoose={() => undefined} />);
    expect(screen.getByTestId('backend-mismatch').textContent).toBe('WebGPU requested, no adapter: running on WASM');
    expect(screen.getByTestId('backend').textContent).toMatch(/^WASM/);
  });

  it('says nothing when the choice is auto or the forced backend runs', () => {
    expect(backendMismatch(ready('auto', noGpu))).toBeUndefined();
    expect(backendMismatch(ready('wasm', noGpu))).toBeUndefined();
    render(<BackendControl backend={ready('wasm', noGpu)} msPerSpectrum={undefined} onChoose={() => undefined} />);
    expect(screen.queryByTestId('backend-mismatch')).toBeNull();
  });
});
