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
  const decisions = useDecisions((s) => s.decisions);
  return useMemo(() => visibleRows(rows, sort, filter, decisions), [rows, sort, filter, decisions]);
}
