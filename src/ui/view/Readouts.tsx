/** Numbers about the displayed fit: z and its σ_z, class, χ² at z, R, and the pipeline's own answer. */
import type { OutputGridSpec } from '../../core/scan/redshift.ts';
import { shiftOfZ } from '../../core/scan/redshift.ts';
import type { AnalysisResult } from '../../core/scan/types.ts';
import { CLASSES, type SpectralClass } from '../../core/types.ts';
import { CLASS_COLORS } from '../plots/palette.ts';
import { robustnessText } from '../plots/chi2Figure.ts';
import { formatZErr } from '../format.ts';
import { chi2AtZ } from './chi2AtZ.ts';
import { zErrAt } from './rankedMinima.ts';

export interface ReadoutsProps {
  result: AnalysisResult;
  cls: SpectralClass;
  z: number;
  grid: OutputGridSpec;
  digits: number;
  /** Hide the answer (guided exercise in progress). */
  hideAnswer: boolean;
  onClass: (cls: SpectralClass) => void;
}

export function Readouts({ result, cls, z, grid, digits, hideAnswer, onClass }: ReadoutsProps) {
  const scan = result.scans[cls];
  const chi2 = chi2AtZ(scan, z);
  const best = scan.minima[0];
  const pixels = best ? shiftOfZ(grid, z) - best.shift : undefined;
  const zErr = zErrAt(result.rankedMinima[cls], z);
  return (
    <div className="readouts" data-testid="readouts">
      <div className="class-picker" role="group" aria-label="class shown">
        {CLASSES.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={c === cls}
            data-testid={`class-${c}`}
            style={{ borderColor: CLASS_COLORS[c], background: c === cls ? CLASS_COLORS[c] : undefined, color: c === cls ? '#fff' : undefined }}
            onClick={() => onClass(c)}
          >
            {c}
            {!hideAnswer && Number.isFinite(result.chi2[c]) && <small> χ² {result.chi2[c].toFixed(2)}</small>}
          </button>
        ))}
      </div>
      <dl>
        <dt>z</dt>
        <dd data-testid="readout-z">{z.toFixed(digits)}</dd>
        {!hideAnswer && (
          <>
            <dt title="Calibrated redshift error of the χ² minimum z sits on">σ_z</dt>
            <dd data-testid="readout-zerr" data-zerr={zErr === undefined || !Number.isFinite(zErr) ? undefined : String(zErr)}>
              {zErr === undefined ? '— (z is on no minimum)' : Number.isFinite(zErr) ? `± ${formatZErr(zErr)}` : '— (flat minimum)'}
            </dd>
          </>
        )}
        <dt>class</dt>
        <dd data-testid="readout-class">{cls}</dd>
        <dt>χ² at z</dt>
        <dd data-testid="readout-chi2">{chi2 === undefined ? '— (outside the range)' : chi2.toFixed(3)}</dd>
        {!hideAnswer && (
          <>
            <dt>robustness</dt>
            <dd data-testid="readout-r">{robustnessText(scan.robustness)}</dd>
            <dt>from best {cls} minimum</dt>
            <dd>{pixels === undefined ? '—' : `${Math.abs(pixels) < 0.05 ? '' : pixels > 0 ? '+' : '−'}${Math.abs(pixels).toFixed(1)} px`}</dd>
            <dt>pipeline</dt>
            <dd data-testid="readout-pipeline">
              {result.cls} z = {result.z.toFixed(digits)}
              {result.flags.length > 0 && <span className="flags"> · {result.flags.join(', ')}</span>}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
