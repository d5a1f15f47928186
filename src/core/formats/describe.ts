/**
 * A plain-text summary of a FITS file's HDUs, for the message shown when no
 * adapter recognises the layout: index, EXTNAME, kind, shape and column
 * names. Header text is untrusted: it is cut short and stripped of control
 * characters here, and must be shown as text, never as markup.
 */
import type { FitsFile, Hdu } from '../fits/types.ts';

const MAX_COLUMNS = 24;
const MAX_HDUS = 20;
const MAX_NAME_CHARS = 40;

/** Printable, bounded version of untrusted header text. */
export function clean(text: string): string {
  const t = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return t.length > MAX_NAME_CHARS ? `${t.slice(0, MAX_NAME_CHARS - 1)}…` : t;
}

/** One line per HDU, e.g. "HDU 1 EVENTS: bintable, 10 rows × 3 columns (TIME, PI, ENERGY)". */
export function describeHdus(file: FitsFile): string[] {
  const lines = file.hdus.slice(0, MAX_HDUS).map((h) => `HDU ${h.index} ${clean(h.extname)}: ${describeHdu(file, h)}`);
  if (file.hdus.length > MAX_HDUS) lines.push(`… ${file.hdus.length - MAX_HDUS} more HDUs`);
  return lines;
}

function describeHdu(file: FitsFile, h: Hdu): string {
  switch (h.kind) {
    case 'primary':
    case 'image':
      return h.axes.length === 0 ? `${h.kind}, no data` : `${h.kind} ${h.axes.join('×')} (BITPIX ${h.bitpix})`;
    case 'bintable':
    case 'table': {
      const cols = file.columns(h);
      const names = cols.slice(0, MAX_COLUMNS).map((c) => clean(c.name) + (c.repeat > 1 ? `[${c.repeat}]` : ''));
      const more = cols.length > MAX_COLUMNS ? `, … ${cols.length - MAX_COLUMNS} more` : '';
      const rows = h.axes.length === 2 ? h.axes[1] : 0;
      return `${h.kind === 'table' ? 'ASCII table' : 'bintable'}, ${rows} rows × ${cols.length} columns (${names.join(', ')}${more})`;
    }
    default:
      return 'extension not read';
  }
}
