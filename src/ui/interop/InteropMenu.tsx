/**
 * Working with other inspectors' tools: download Marz `.mz` files (one per FITS file, Marz's names)
 * or a DESI VI file (Prospect's layout), and merge other inspectors' files with the open spectra.
 * The initials go into both formats as Marz and Prospect ask for them.
 */
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { buildExportRecords } from '../../core/export/records.ts';
import { toMzFiles } from '../../core/interop/mzWrite.ts';
import { desiViFileName, toDesiVi } from '../../core/interop/viWrite.ts';
import type { SpectrumResult } from '../../core/result/spectrumResult.ts';
import { useDecisionsApi } from '../../state/decisionsContext.ts';
import { inspectorMerge } from '../../state/inspectorMerge.ts';
import { downloadFile } from '../decisions/download.ts';
import { exportFileName } from '../decisions/exportFile.ts';
import { MergeView } from './MergeView.tsx';
import './interop.css';

const INITIALS_KEY = 'gasnet-explorer.initials';

const storedInitials = (): string => {
  try {
    return localStorage.getItem(INITIALS_KEY) ?? '';
  } catch {
    return '';
  }
};

export function InteropMenu({ rows }: { rows: readonly SpectrumResult[] }) {
  const api = useDecisionsApi();
  const [initials, setInitials] = useState(storedInitials);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const initialsBox = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const open = useStore(inspectorMerge, (s) => s.open);
  const merging = useStore(inspectorMerge, (s) => s.inspectors.length > 0);

  const saveInitials = (v: string) => {
    // Marz puts them in the file name after '_': letters and digits only.
    const clean = v.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
    setInitials(clean);
    try {
      localStorage.setItem(INITIALS_KEY, clean);
    } catch {
      // Private mode: the initials last for this page only.
    }
  };
  const withInitials = (then: (who: string) => void) => {
    if (initials === '') {
      setProblem('Type your initials first: Marz and Prospect write them into the file.');
      initialsBox.current?.focus();
      return;
    }
    setProblem(undefined);
    then(initials);
  };
  const records = () => buildExportRecords(rows, api.getState().decisions, { includeOrphans: false });
  const downloadMz = () =>
    withInitials((who) => {
      for (const f of toMzFiles(records(), who, new Date())) downloadFile(f.name, f.text, 'text/plain');
    });
  const downloadVi = () =>
    withInitials((who) => {
      const title = exportFileName('csv', new Date()).replace(/^gasnet-results-/, 'gasnet-').replace(/\.csv$/, '');
      downloadFile(desiViFileName(title, who), toDesiVi(records(), who), 'text/csv');
    });
  const merge = async (files: File[]) => {
    if (menu.current) menu.current.open = false;
    const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text(), lastModified: f.lastModified })));
    inspectorMerge.getState().addFiles(texts, rows);
  };

  return (
    <div className="interop-menu" data-testid="interop-menu">
      <details ref={menu}>
        <summary title="Marz and DESI (Prospect) files: export, and merge other inspectors' results">Marz·DESI</summary>
        <div className="interop-pop">
          <label title="Your initials, as Marz and Prospect write them into their files">
            initials{' '}
            <input ref={initialsBox} value={initials} size={4} onChange={(e) => saveInitials(e.target.value)} data-testid="inspector-initials" />
          </label>
          <button type="button" onClick={downloadMz} title="Marz result files (.mz), one per FITS file" data-testid="export-mz">
            Marz .mz
          </button>
          <button type="button" onClick={downloadVi} title="DESI visual-inspection CSV as Prospect writes it" data-testid="export-vi">
            DESI VI
          </button>
          <button type="button" onClick={() => input.current?.click()} title="Compare other inspectors' .mz, DESI VI, JSON or CSV files with the open spectra">
            Merge inspectors…
          </button>
          {problem && (
            <span className="problem" role="status">
              {problem}
            </span>
          )}
        </div>
      </details>
      {!open && merging && (
        <button type="button" onClick={() => inspectorMerge.getState().setOpen(true)} data-testid="merge-show">
          Disagreements
        </button>
      )}
      {/* Portalled: the page's first file input must stay the spectra picker (testability contract). */}
      {createPortal(
        <input
          ref={input}
          type="file"
          multiple
          accept=".mz,.csv,.json,text/csv,application/json,text/plain"
          hidden
          data-testid="merge-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) void merge(files);
          }}
        />,
        document.body,
      )}
      {open && <MergeView rows={rows} />}
    </div>
  );
}
