/**
 * `analyze --curves DIR`: one FITS file per input file with the χ² curves of each analysed
 * spectrum, written as the spectra come (a primary, then each spectrum's HDUs appended) (docs/METHOD-extensions.md §3). An empty primary HDU, then per spectrum, model and
 * class a BINTABLE 'CHI2_<CLASS>' with columns Z, CHI2 (unreduced), CHI2_RED (all 1D), and in its
 * header SPECIDX, SPECID, MODEL, CLASS, NGOOD, DOF and the class's best Z and Z_ERR.
 */
import { BLOCK_BYTES, card, CARD_LENGTH, headerBytes, KEYWORD_LENGTH, printableAscii } from '../../src/core/export/fitsCard.ts';
import { chi2Curves } from '../../src/core/scan/curves.ts';
import type { AnalysisResult } from '../../src/core/scan/types.ts';
import { CLASSES, type ModelFamily } from '../../src/core/types.ts';

export interface CurvesEntry {
  index: number;
  id?: string;
  family: ModelFamily;
  result: AnalysisResult;
}

const COLUMNS = ['Z', 'CHI2', 'CHI2_RED'] as const;

/** Untrusted text (file names, ids) as a string card value: no quotes (they double in FITS), at most one card. */
const cardText = (text: string) => printableAscii(text).replaceAll("'", '').slice(0, 68);

/** A real-valued card (fitsCard.ts writes integers only): fixed format, right-justified to column 30. */
function realCard(keyword: string, value: number, comment: string): string {
  const v = value.toExponential(12).toUpperCase().padStart(20);
  return `${keyword.padEnd(KEYWORD_LENGTH)}= ${v} / ${printableAscii(comment)}`.slice(0, CARD_LENGTH).padEnd(CARD_LENGTH);
}

/** The three BINTABLE HDUs of one analysed spectrum, to append after curvesPrimary. */
export function curvesHdus(e: CurvesEntry): Uint8Array {
  return concat(classTables(e));
}

function classTables(e: CurvesEntry): Uint8Array[] {
  const curves = chi2Curves(e.result);
  return CLASSES.map((cls) => {
    const c = curves[cls];
    const rows = c.z.length;
    const cards = [
      card('XTENSION', 'BINTABLE', 'binary table extension'),
      card('BITPIX', 8),
      card('NAXIS', 2),
      card('NAXIS1', 8 * COLUMNS.length, 'bytes per row'),
      card('NAXIS2', rows, 'rows: one per shift'),
      card('PCOUNT', 0),
      card('GCOUNT', 1),
      card('TFIELDS', COLUMNS.length),
      ...COLUMNS.flatMap((name, i) => [card(`TTYPE${i + 1}`, name), card(`TFORM${i + 1}`, '1D')]),
      card('TCOMM2', 'unreduced chi2 = sum w (F - R)^2'),
      card('TCOMM3', 'reduced chi2 = CHI2 / DOF'),
      card('EXTNAME', `CHI2_${cls}`),
      card('SPECIDX', e.index, 'spectrum index within the input file'),
      ...(e.id ? [card('SPECID', cardText(e.id))] : []),
      card('MODEL', e.family),
      card('CLASS', cls),
      card('NGOOD', e.result.nGood, 'pixels with w > 0'),
      card('DOF', c.dof, 'NGOOD - 16'),
      realCard('ZBEST', e.result.zByClass[cls], 'lowest minimum of this curve'),
      realCard('Z_ERR', Number.isFinite(e.result.zErrByClass[cls]) ? e.result.zErrByClass[cls] : -1, 'calibrated sigma_z (-1: none)'),
    ];
    const data = new Uint8Array(Math.ceil((rows * 8 * COLUMNS.length) / BLOCK_BYTES) * BLOCK_BYTES);
    const view = new DataView(data.buffer);
    for (let i = 0; i < rows; i++) {
      const at = i * 8 * COLUMNS.length;
      view.setFloat64(at, c.z[i], false);
      view.setFloat64(at + 8, c.chi2[i], false);
      view.setFloat64(at + 16, c.chi2Reduced[i], false);
    }
    return concat([headerBytes(cards), data]);
  });
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The empty primary HDU that starts a curves file; `source` is the input file's name. */
export function curvesPrimary(source: string): Uint8Array {
  return headerBytes([
    card('SIMPLE', true, 'conforms to FITS standard'),
    card('BITPIX', 8),
    card('NAXIS', 0),
    card('EXTEND', true),
    card('ORIGIN', 'gasnet-explorer'),
    card('SOURCE', cardText(source), 'input file'),
  ]);
}
