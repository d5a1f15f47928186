/**
 * The header's catalog control: open a catalog file (Parquet, FITS table or
 * CSV), and once one is open, switch the table pane between the catalog and
 * the analysed spectra.
 */
import { createPortal } from 'react-dom';
import { useRef } from 'react';
import { useCatalog, useCatalogApi } from '../../state/catalogContext.ts';

export function CatalogControl() {
  const api = useCatalogApi();
  const input = useRef<HTMLInputElement>(null);
  const status = useCatalog((s) => s.status);
  const visible = useCatalog((s) => s.visible);
  return (
    <span className="catalog-control">
      <button type="button" onClick={() => input.current?.click()} title="Open a survey catalog (Parquet, FITS table or CSV with a file column)">
        catalog
      </button>
      {/* The catalog pane has its own way back to the analysed spectra. */}
      {status !== 'empty' && !visible && (
        <button type="button" onClick={() => api.getState().setVisible(true)} data-testid="catalog-toggle">
          show catalog
        </button>
      )}
      {createPortal(
        <input
          ref={input}
          type="file"
          hidden
          accept=".parquet,.pq,.fits,.fit,.csv"
          data-testid="catalog-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void api.getState().openFile(file);
          }}
        />,
        document.body,
      )}
    </span>
  );
}
