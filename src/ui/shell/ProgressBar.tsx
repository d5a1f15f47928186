/** Progress of the analysis: files and spectra done, errors, ETA, cancel. */
import { useEffect, useState } from 'react';
import { etaSeconds } from '../../state/selectors.ts';
import type { Progress } from '../../state/types.ts';
import { formatDuration, formatEta } from '../format.ts';

export interface ProgressBarProps {
  progress: Progress;
  onCancel(): void;
  /** Clock (performance.now) — injectable for tests. */
  now?: () => number;
}

export function ProgressBar({ progress: p, onCancel, now = () => performance.now() }: ProgressBarProps) {
  // Re-render once a second while running so the ETA counts down between batches.
  const [, tick] = useState(0);
  useEffect(() => {
    if (!p.running) return;
    const id = setInterval(() => tick((t) => t + 1), 1000);
    return () => clearInterval(id);
  }, [p.running]);
  if (p.filesTotal === 0) return null;
  const unopened = Math.max(0, p.filesTotal - p.filesOpened - p.filesFailed);
  const estTotal = p.spectraKnown + (p.filesOpened > 0 ? (unopened * p.spectraKnown) / p.filesOpened : 0);
  const fraction = p.running ? (estTotal > 0 ? p.spectraDone / estTotal : 0) : 1;
  const elapsed = p.startedAt === undefined ? undefined : ((p.finishedAt ?? now()) - p.startedAt) / 1000;
  return (
    <div
      className="progress"
      data-testid="progress"
      data-running={p.running ? 'true' : 'false'}
      data-started={p.startedAt}
      data-finished={p.running ? undefined : p.finishedAt}
      data-done={p.spectraDone}
      data-errors={p.errors}
    >
      <div
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(100 * Math.min(1, fraction))}
      >
        <div className="progress-fill" style={{ width: `${Math.min(100, 100 * fraction)}%` }} />
      </div>
      <span className="progress-text">
        <span data-testid="progress-spectra">
          {p.spectraDone}/{p.spectraKnown}
          {unopened > 0 ? '+' : ''} spectra
        </span>
        {' · '}
        {p.filesDone}/{p.filesTotal} files
        {' · '}
        <span className={p.errors > 0 ? 'error-count' : undefined}>{p.errors} {p.errors === 1 ? 'error' : 'errors'}</span>
        {p.running ? ` · ETA ${formatEta(etaSeconds(p, now()))}` : elapsed !== undefined ? ` · took ${formatDuration(elapsed)}` : ''}
      </span>
      {p.running && (
        <button type="button" onClick={onCancel} className="danger">
          Cancel
        </button>
      )}
    </div>
  );
}
