/**
 * Each class's best χ² minima (the result's `rankedMinima`: z, reduced χ², Δχ² to the best of all,
 * σ_z), the answer's class first. Clicking one previews it: the view shows that class at that z
 * without saving a decision; "keep" saves it as the manual z (and class) like a slider move.
 * Redshifts are in the view's frame (as measured, like the slider and the χ² plot).
 */
import type { AnalysisResult } from '../../core/scan/types.ts';
import type { SpectralClass } from '../../core/types.ts';
import { formatChi2, formatZErr } from '../format.ts';
import { CLASS_COLORS } from '../plots/palette.ts';
import { classesAnswerFirst, rankedAt } from './rankedMinima.ts';

export interface MinimaListProps {
  result: Pick<AnalysisResult, 'cls' | 'rankedMinima'>;
  /** The class and z the view shows. */
  cls: SpectralClass;
  z: number;
  /** Show a minimum (class and z) without saving it. */
  onPreview(cls: SpectralClass, z: number): void;
  /** Set while a preview is shown: save it as the decision. */
  onKeep?: () => void;
}

const digitsOf = (c: SpectralClass) => (c === 'STAR' ? 6 : 5);

/** Unreduced Δχ²: whole numbers (they are hundreds to thousands), one decimal below 10. */
export function formatDeltaChi2(d: number): string {
  if (!Number.isFinite(d)) return '—';
  return Math.abs(d) < 10 ? d.toFixed(1) : d.toFixed(0);
}

export function MinimaList({ result, cls, z, onPreview, onKeep }: MinimaListProps) {
  const at = rankedAt(result.rankedMinima[cls], z);
  return (
    <div className="minima-list" data-testid="minima-list">
      <table>
        <caption>
          Best χ² minima per class — click one to look at it (nothing is saved)
          {onKeep && (
            <>
              {' · '}
              <button type="button" className="link" data-testid="minimum-keep" onClick={onKeep}>
                keep this z
              </button>
            </>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">class</th>
            <th scope="col">#</th>
            <th scope="col" className="num">z</th>
            <th scope="col" className="num" title="Reduced χ² at the minimum">χ²</th>
            <th scope="col" className="num" title="Unreduced χ² of this minimum minus that of the best of all classes (Redrock's DELTACHI2)">Δχ²</th>
            <th scope="col" className="num" title="Calibrated redshift error at this minimum">σ_z</th>
          </tr>
        </thead>
        {classesAnswerFirst(result.cls).map((c) => (
          <tbody key={c} className="minima-class" data-class={c}>
            {result.rankedMinima[c].length === 0 && (
              <tr>
                <td style={{ color: CLASS_COLORS[c] }}>{c}</td>
                <td colSpan={5} className="muted">
                  no minimum inside the models&apos; range
                </td>
              </tr>
            )}
            {result.rankedMinima[c].map((m, i) => {
              const current = c === cls && i === at;
              return (
                <tr key={i} className={current ? 'current' : undefined} aria-current={current ? 'true' : undefined}>
                  <td style={{ color: CLASS_COLORS[c] }}>{i === 0 ? c : ''}</td>
                  <td>{i + 1}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="link"
                      data-testid="minimum"
                      data-class={c}
                      data-rank={i + 1}
                      data-z={String(m.z)}
                      title={`Show ${c} at z = ${m.z.toFixed(digitsOf(c))}`}
                      onClick={() => onPreview(c, m.z)}
                    >
                      {m.z.toFixed(digitsOf(c))}
                    </button>
                  </td>
                  <td className="num">{formatChi2(m.chi2)}</td>
                  <td className="num">{formatDeltaChi2(m.deltaChi2)}</td>
                  <td className="num">{formatZErr(m.zErr)}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
