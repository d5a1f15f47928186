/** The backend in use (with threads, workers and measured time per spectrum) and the user's override. */
import { BACKEND_CHOICES, type BackendChoice } from '../../platform/backend.ts';
import type { BackendState } from '../../state/types.ts';
import { formatMs } from '../format.ts';

export interface BackendControlProps {
  backend: BackendState;
  /** Mean worker time per spectrum so far, ms. */
  msPerSpectrum: number | undefined;
  onChoose(choice: BackendChoice): void;
}

const CHOICE_LABEL: Record<BackendChoice, string> = { auto: 'auto', webgpu: 'WebGPU', wasm: 'WASM' };

function activeLabel(b: BackendState): string {
  if (b.status === 'error') return 'backend failed';
  if (b.status !== 'ready' || !b.active) return 'starting…';
  const { backend, threads, workers } = b.active;
  const what = backend === 'webgpu' ? 'WebGPU' : `WASM ${threads > 1 ? `${threads} threads` : '1 thread'}`;
  return `${what} × ${workers} worker${workers > 1 ? 's' : ''}`;
}

/**
 * Why the backend running is not the one the user forced (issue 9: "WebGPU" in the menu and "WASM" in
 * the badge with no word why), or undefined when they agree.
 */
export function backendMismatch(b: BackendState): string | undefined {
  if (b.choice === 'auto' || b.status !== 'ready' || !b.active || b.active.backend === b.choice) return undefined;
  const why = b.choice === 'webgpu' && b.probe?.gpu === 'none' ? 'no adapter' : (b.plan?.reason ?? 'it could not start');
  return `${CHOICE_LABEL[b.choice]} requested, ${why}: running on ${CHOICE_LABEL[b.active.backend]}`;
}

export function BackendControl({ backend, msPerSpectrum, onChoose }: BackendControlProps) {
  const title = [backend.plan?.reason, backend.probe?.gpuLabel && `GPU: ${backend.probe.gpuLabel}`, backend.error]
    .filter(Boolean)
    .join(' — ');
  return (
    <div className="backend">
      <span
        className={`backend-badge status-${backend.status}`}
        data-testid="backend"
        data-backend={backend.active?.backend ?? ''}
        data-status={backend.status}
        title={title}
      >
        {activeLabel(backend)}
      </span>
      <span className="backend-speed" data-testid="ms-per-spectrum" data-ms={msPerSpectrum} title="Measured worker time per spectrum (read, grid, networks, χ² scan)">
        {formatMs(msPerSpectrum)}/spectrum
      </span>
      <label className="backend-choice">
        backend{' '}
        <select
          value={backend.choice}
          data-testid="backend-choice"
          onChange={(e) => onChoose(e.target.value as BackendChoice)}
        >
          {BACKEND_CHOICES.map((c) => (
            <option key={c} value={c}>
              {CHOICE_LABEL[c]}
            </option>
          ))}
        </select>
      </label>
      {backendMismatch(backend) && (
        <span className="backend-mismatch" role="status" data-testid="backend-mismatch" title={`${backendMismatch(backend)}. ${backend.plan?.reason ?? ''}`}>
          {backendMismatch(backend)}
        </span>
      )}
      {backend.status === 'error' && backend.error && (
        <span className="backend-error" role="alert">
          {backend.error}
        </span>
      )}
    </div>
  );
}
