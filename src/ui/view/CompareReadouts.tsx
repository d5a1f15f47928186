/**
 * Compare view: both model families' answers side by side — class, z,
 * reduced χ² and R of the best class, flags — and each family's χ² at the
 * displayed class and z. Whether they disagree uses the table's rule
 * (another class, or |Δz|/(1+z) above the class's GF threshold).
 */
import { compareAnswers } from '../../core/result/familiesDisagree.ts';
import type { AnalysisResult } from '../../core/scan/types.ts';
import type { SpectralClass } from '../../core/types.ts';
import { FAMILY_LABEL } from '../plots/compareFigure.ts';
import { robustnessText } from '../plots/chi2Figure.ts';
import { chi2AtZ } from './chi2AtZ.ts';

export interface CompareReadoutsProps {
  /** The family whose answer the table shows (drawn solid). */
  shown: AnalysisResult;
  /** The other family (drawn dashed). */
  other: AnalysisResult;
  cls: SpectralClass;
  z: number;
  digits: number;
  /** Hide the answers (guided exercise in progress). */
  hideAnswer: boolean;
}

/** 'agree' or why not. */
export function comparison(a: AnalysisResult, b: AnalysisResult): string {
  const d = compareAnswers(a, b);
  if (!d.disagree) return `agree (|Δz|/(1+z) = ${d.dz.toExponential(1)})`;
  if (d.reason === 'class') return `disagree: ${FAMILY_LABEL[a.family]} says ${a.cls}, ${FAMILY_LABEL[b.family]} says ${b.cls}`;
  return `disagree: |Δz|/(1+z) = ${d.dz.toExponential(1)} > ${d.limit.toExponential(0)}`;
}

export function CompareReadouts({ shown, other, cls, z, digits, hideAnswer }: CompareReadoutsProps) {
  const rows: Array<{ r: AnalysisResult; line: string }> = [
    { r: shown, line: 'solid' },
    { r: other, line: 'dashed' },
  ];
  return (
    <table className="compare-readouts" data-testid="readout-compare">
      <thead>
        <tr>
          <th scope="col">model</th>
          {!hideAnswer && (
            <>
              <th scope="col">class</th>
              <th scope="col">z</th>
              <th scope="col">χ²</th>
              <th scope="col">R</th>
            </>
          )}
          <th scope="col">χ² of {cls} at z</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ r, line }) => {
          const at = chi2AtZ(r.scans[cls], z);
          return (
            <tr key={r.family} data-family={r.family}>
              <th scope="row">
                {FAMILY_LABEL[r.family]} <span className="muted">({line})</span>
              </th>
              {!hideAnswer && (
                <>
                  <td data-testid={`compare-${r.family}-class`}>{r.cls}</td>
                  <td data-testid={`compare-${r.family}-z`}>{r.z.toFixed(digits)}</td>
                  <td>{r.chi2[r.cls].toFixed(3)}</td>
                  <td>
                    {robustnessText(r.robustness).replace(/^R(: | = )/, '')}
                    {r.flags.length > 0 && <span className="flags"> · {r.flags.join(', ')}</span>}
                  </td>
                </>
              )}
              <td>{at === undefined ? '—' : at.toFixed(3)}</td>
            </tr>
          );
        })}
      </tbody>
      {!hideAnswer && (
        <tfoot>
          <tr>
            <td colSpan={6} data-testid="compare-verdict">
              {comparison(shown, other)}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
