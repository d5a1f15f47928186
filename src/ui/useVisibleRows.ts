/** The table's rows after filtering and sorting, recomputed only when an input changes. */
import { useMemo } from 'react';
import { useDecisions } from '../state/decisionsContext.ts';
import { visibleRows } from '../state/selectors.ts';
import { useApp } from '../state/store.ts';
import type { ResultRow } from '../state/types.ts';

export function useVisibleRows(): ResultRow[] {
  const rows = useApp((s) => s.rows);
  const sort = useApp((s) => s.sort);
  const filter = useApp((s) => s.filter);
  // 'families disagree' applies only while both families are on (the filter is hidden otherwise).
  const both = useApp((s) => s.modelChoice === 'both');
  const decisions = useDecisions((s) => s.decisions);
  return useMemo(
    () => visibleRows(rows, sort, both || !filter.disagreeOnly ? filter : { ...filter, disagreeOnly: false }, decisions),
    [rows, sort, filter, both, decisions],
  );
}
