/**
 * Download the table (with decisions merged in by key) as CSV, JSON or a
 * FITS table, and restore decisions from an earlier JSON or CSV export
 * (the newer decision wins a conflict; the count restored is shown).
 */
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { parseExport } from '../../core/export/parseExport.ts';
import type { SpectrumResult } from '../../core/result/spectrumResult.ts';
import { useDecisionsApi } from '../../state/decisionsContext.ts';
import { downloadFile } from './download.ts';
import { makeExportFile, type ExportKind } from './exportFile.ts';
import { PersistErrorBanner } from './PersistErrorBanner.tsx';
import './decisions.css';

export interface ExportMenuProps {
  rows: readonly SpectrumResult[];
  /** Show the storage-failure banner here. @default true */
  banner?: boolean;
}

type Report = { kind: 'ok' | 'error'; text: string };

const KINDS: Array<{ kind: ExportKind; label: string; title: string }> = [
  { kind: 'csv', label: 'CSV', title: 'One line per spectrum, for spreadsheets' },
  { kind: 'json', label: 'JSON', title: 'Everything, structured; can be imported back' },
  { kind: 'fits', label: 'FITS', title: 'A FITS binary table (astropy, TOPCAT)' },
];

export function ExportMenu({ rows, banner = true }: ExportMenuProps) {
  const api = useDecisionsApi();
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<Report | undefined>(undefined);

  const download = (kind: ExportKind) => {
    const f = makeExportFile(kind, rows, api.getState().decisions, new Date());
    downloadFile(f.name, f.data, f.type);
  };

  const importFile = async (file: File) => {
    const parsed = parseExport(await file.text());
    if (!parsed.ok) {
      setReport({ kind: 'error', text: `${file.name}: ${parsed.error.message}` });
      return;
    }
    const { decisions, issues } = parsed.value;
    const sum = await api.getState().importDecisions(decisions);
    const parts = [`Restored ${sum.restored} decision${sum.restored === 1 ? '' : 's'} from ${file.name}`];
    if (sum.alreadyThere > 0) parts.push(`${sum.alreadyThere} already there`);
    if (sum.keptLocal > 0) parts.push(`${sum.keptLocal} kept as they were (yours were newer)`);
    if (issues.length > 0) parts.push(`${issues.length} line${issues.length === 1 ? '' : 's'} skipped: ${issues.slice(0, 3).join('; ')}`);
    setReport({ kind: 'ok', text: parts.join('; ') + '.' });
  };

  return (
    <div className="export-menu" data-testid="export-menu">
      {banner && <PersistErrorBanner rows={rows} />}
      <span className="label">Export</span>
      {KINDS.map((k) => (
        <button key={k.kind} type="button" title={k.title} onClick={() => download(k.kind)} data-testid={`export-${k.kind}`}>
          {k.label}
        </button>
      ))}
      <button type="button" onClick={() => input.current?.click()} title="Restore decisions from a JSON or CSV export">
        Import decisions…
      </button>
      {/* Portalled to the end of <body>: the page's first file input must stay the spectra picker (testability contract). */}
      {createPortal(<input
        ref={input}
        type="file"
        accept=".json,.csv,application/json,text/csv"
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />, document.body)}
      {report && (
        <p className={report.kind === 'error' ? 'problem' : 'muted'} role="status" data-testid="import-report">
          {report.text}
        </p>
      )}
    </div>
  );
}
