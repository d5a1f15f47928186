/** "Download the χ² curves of the open spectrum as CSV" (curvesCsv.ts), through the export menu's download. */
import type { SpectrumDetail } from '../../worker/protocol.ts';
import { downloadFile } from '../decisions/download.ts';
import { curvesCsv, curvesFileName } from './curvesCsv.ts';

export function CurvesDownload({ detail }: { detail: SpectrumDetail }) {
  const download = () => {
    // A BOM so spreadsheets read the UTF-8 text as such (as the export menu's CSV).
    downloadFile(curvesFileName(detail.fileName, detail.index), '\uFEFF' + curvesCsv(detail), 'text/csv;charset=utf-8');
  };
  return (
    <button
      type="button"
      className="curves-download"
      data-testid="download-curves"
      title="Each class's χ² at every redshift of the scan: z, unreduced χ² and reduced χ² (as plotted), one line per class and shift"
      onClick={download}
    >
      χ² curves (CSV)
    </button>
  );
}
