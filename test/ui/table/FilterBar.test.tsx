// @vitest-environment happy-dom
/** The flag filter of the filter bar: every flag the core sets is offered, 'any' clears it. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_FILTER } from '../../../src/state/viewSlice.ts';
import { FilterBar } from '../../../src/ui/table/FilterBar.tsx';
import { ANOMALY_FLAGS } from '../../../src/ui/table/flagInfo.ts';

afterEach(cleanup);

describe('FilterBar flag filter', () => {
  it("offers every flag and reports the choice ('any' = undefined)", () => {
    const onChange = vi.fn();
    const { rerender } = render(<FilterBar filter={NO_FILTER} shown={3} total={3} onChange={onChange} onReset={() => {}} />);
    const select = screen.getByTestId('filter-flag') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', ...ANOMALY_FLAGS]);
    fireEvent.change(select, { target: { value: 'second-redshift' } });
    expect(onChange).toHaveBeenLastCalledWith({ flag: 'second-redshift' });
    rerender(<FilterBar filter={{ ...NO_FILTER, flag: 'second-redshift' }} shown={1} total={3} onChange={onChange} onReset={() => {}} />);
    expect((screen.getByTestId('filter-flag') as HTMLSelectElement).value).toBe('second-redshift');
    fireEvent.change(screen.getByTestId('filter-flag'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ flag: undefined });
  });
});
