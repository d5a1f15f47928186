/** Filters of the results table: class, z range, min χ², max R, min outlier score, flagged only, one flag, families disagree (both on), QOP, map selection. */
import { CLASSES } from '../../core/types.ts';
import type { RowFilter } from '../../state/types.ts';
import { ANOMALY_FLAGS, FLAG_INFO } from './flagInfo.ts';

export interface FilterBarProps {
  filter: RowFilter;
  shown: number;
  total: number;
  onChange(patch: Partial<RowFilter>): void;
  onReset(): void;
  /** Offer the 'families disagree' filter (both model families on). */
  compare?: boolean;
}

const CLASS_OPTIONS = [...CLASSES, 'error'] as const;
const QOP_OPTIONS: Array<RowFilter['qop']> = ['any', 'none', 4, 3, 2, 1, 6];

/** A number field's value, or undefined when empty or not a number. */
function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

export function FilterBar({ filter, shown, total, onChange, onReset, compare = false }: FilterBarProps) {
  const toggle = (c: (typeof CLASS_OPTIONS)[number]) =>
    onChange({ classes: filter.classes.includes(c) ? filter.classes.filter((x) => x !== c) : [...filter.classes, c] });
  return (
    <div className="filters" role="group" aria-label="Filters">
      <span className="filters-classes">
        {CLASS_OPTIONS.map((c) => (
          <label key={c} className={`chip cls-${c}`}>
            <input type="checkbox" checked={filter.classes.includes(c)} onChange={() => toggle(c)} data-filter-class={c} />
            {c}
          </label>
        ))}
      </span>
      <label>
        z ≥ <input type="number" step="any" className="num-input" aria-label="minimum z" defaultValue={filter.zMin ?? ''} onChange={(e) => onChange({ zMin: parseNumber(e.target.value) })} />
      </label>
      <label>
        z ≤ <input type="number" step="any" className="num-input" aria-label="maximum z" defaultValue={filter.zMax ?? ''} onChange={(e) => onChange({ zMax: parseNumber(e.target.value) })} />
      </label>
      <label>
        χ² ≥ <input type="number" step="any" className="num-input" aria-label="minimum chi2" defaultValue={filter.chi2Min ?? ''} onChange={(e) => onChange({ chi2Min: parseNumber(e.target.value) })} />
      </label>
      <label>
        R &lt; <input type="number" step="any" className="num-input" aria-label="maximum R" defaultValue={filter.robustnessMax ?? ''} onChange={(e) => onChange({ robustnessMax: parseNumber(e.target.value) })} />
      </label>
      <label title="Rows whose outlier score (LOF of the coefficients within the class) is at least this">
        LOF ≥ <input type="number" step="any" className="num-input" aria-label="minimum outlier score" data-testid="filter-outlier" defaultValue={filter.outlierMin ?? ''} onChange={(e) => onChange({ outlierMin: parseNumber(e.target.value) })} />
      </label>
      <label className="chip">
        <input type="checkbox" checked={filter.flaggedOnly} onChange={(e) => onChange({ flaggedOnly: e.target.checked })} aria-label="flagged only" />
        flagged only
      </label>
      <label title="Only rows carrying this anomaly flag">
        flag{' '}
        <select value={filter.flag ?? ''} aria-label="flag filter" data-testid="filter-flag" onChange={(e) => onChange({ flag: e.target.value === '' ? undefined : e.target.value })}>
          <option value="">any</option>
          {ANOMALY_FLAGS.map((f) => (
            <option key={f} value={f} title={FLAG_INFO[f]}>
              {f}
            </option>
          ))}
        </select>
      </label>
      {compare && (
        <label className="chip" title="Rows where the UNet gives another class, or a z further than the GF threshold from the encoder's">
          <input type="checkbox" checked={filter.disagreeOnly} onChange={(e) => onChange({ disagreeOnly: e.target.checked })} aria-label="families disagree" data-testid="filter-disagree" />
          families disagree
        </label>
      )}
      <label>
        QOP{' '}
        <select
          value={String(filter.qop)}
          aria-label="QOP filter"
          onChange={(e) => {
            const v = e.target.value;
            onChange({ qop: v === 'any' || v === 'none' ? v : (Number(v) as RowFilter['qop']) });
          }}
        >
          {QOP_OPTIONS.map((q) => (
            <option key={String(q)} value={String(q)}>
              {q}
            </option>
          ))}
        </select>
      </label>
      {filter.keys !== undefined && (
        <button type="button" className="chip" data-testid="map-selection-clear" title="The table shows the spectra drawn round on the map; click to show all" onClick={() => onChange({ keys: undefined })}>
          map selection: {filter.keys.size} ✕
        </button>
      )}
      <button type="button" onClick={onReset} className="link">
        reset
      </button>
      <span className="filters-count" aria-live="polite">
        {shown === total ? `${total} rows` : `${shown} of ${total} rows`}
      </span>
    </div>
  );
}
