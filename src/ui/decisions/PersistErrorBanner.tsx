/**
 * Shown whenever browser storage failed: the message (what is not saved and
 * what to do), a button that downloads the JSON export at once, and Retry.
 */
import { useState } from 'react';
import type { SpectrumResult } from '../../core/result/spectrumResult.ts';
import { useDecisions, useDecisionsApi } from '../../state/decisionsContext.ts';
import { downloadFile } from './download.ts';
import { makeExportFile } from './exportFile.ts';

export interface PersistErrorBannerProps {
  /** The table's rows; decisions of other spectra are exported too. @default [] */
  rows?: readonly SpectrumResult[];
}

export function PersistErrorBanner({ rows = [] }: PersistErrorBannerProps) {
  const message = useDecisions((s) => s.persistError);
  const api = useDecisionsApi();
  const [retrying, setRetrying] = useState(false);
  if (message === undefined) return null;

  const download = () => {
    const f = makeExportFile('json', rows, api.getState().decisions, new Date());
    downloadFile(f.name, f.data, f.type);
  };
  const retry = () => {
    setRetrying(true);
    void api
      .getState()
      .retryPersist()
      .finally(() => setRetrying(false));
  };

  return (
    <div className="persist-error" role="alert" data-testid="persist-error">
      <p>{message}</p>
      <button type="button" className="primary" onClick={download} data-testid="persist-error-export">
        Download JSON export
      </button>
      <button type="button" onClick={retry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
