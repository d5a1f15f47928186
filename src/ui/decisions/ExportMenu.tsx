/**
 * Download the table (with decisions merged in by key) as CSV, JSON or a
 * FITS table, and restore decisions from earlier exports: our JSON or CSV,
 * Marz `.mz` or DESI VI files (the newer decision wins a conflict; the count
 * restored is shown per file, and a file that cannot be read says why while
 * the others are read).
 */
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { readDecisionsFile } from '../../core/interop/readInspectorFile.ts';
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

  const importFile = async (file: File): Promise<Report> => {
    const parsed = readDecisionsFile({ name: file.name, text: await file.text(), lastModified: file.lastModified }, rows);
    if (!parsed.ok) return { kind: 'error', text: `${file.name}: ${parsed.error.message}` };
    const { decisions, issues, notOpen } = parsed.value;
    const sum = await api.getState().importDecisions(decisions);
    const parts = [`Restored ${sum.restored} decision${sum.restored === 1 ? '' : 's'} from ${file.name}`];
    if (sum.alreadyThere > 0) parts.push(`${sum.alreadyThere} already there`);
    if (sum.keptLocal > 0) parts.push(`${sum.keptLocal} kept as they were (yours were newer)`);
    if (issues.length > 0) parts.push(`${issues.length} line${issues.length === 1 ? '' : 's'} skipped: ${issues.slice(0, 3).join('; ')}`);
    if (notOpen.length > 0) parts.push(`${notOpen.length} about spectra that are not open (${notOpen.slice(0, 3).join(', ')}): open them and import again`);
    return { kind: 'ok', text: parts.join('; ') + '.' };
  };
  const importFiles = async (files: File[]) => {
    const reports: Report[] = [];
    // One after another: each import is one undo step and sees the decisions the previous one left.
    for (const f of files) reports.push(await importFile(f));
    setReport(reports.length === 1 ? reports[0] : { kind: reports.some((r) => r.kind === 'error') ? 'error' : 'ok', text: reports.map((r) => r.text).join(' ') });
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
      <button type="button" onClick={() => input.current?.click()} title="Restore decisions from JSON or CSV exports, Marz .mz or DESI VI files">
        Import…
      </button>
      {/* Portalled to the end of <body>: the page's first file input must stay the spectra picker (testability contract). */}
      {createPortal(<input
        ref={input}
        type="file"
        accept=".json,.csv,.mz,application/json,text/csv,text/plain"
        multiple
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void importFiles(files);
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
