// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionsContext } from '../../../src/state/decisionsContext.ts';
import type { DecisionsStore } from '../../../src/state/decisionsStore.ts';
import { DecisionBar } from '../../../src/ui/decisions/DecisionBar.tsx';
import { freshIndexedDb, keyOf, newStore, QSO } from '../../state/decisionsFixtures.ts';

let store: DecisionsStore;
const key = keyOf(QSO);
const pipeline = { cls: 'QSO' as const, z: 2.1819304 };

beforeEach(() => {
  freshIndexedDb();
  store = newStore();
});
afterEach(cleanup);

interface BarOptions {
  banner?: boolean;
  shown?: { cls: 'STAR' | 'GALAXY' | 'QSO'; z: number };
  explored?: boolean;
  hideAnswer?: boolean;
}

/** The shell's accept, as far as the bar needs it: a QOP is stored (DetailPane.test-free: the e2e specs drive the real one). */
const onAccept = vi.fn((q: number | undefined) => {
  if (q !== undefined) void store.getState().setDecision(key, { qop: q as 4 }, QSO);
});
const onShowPipeline = vi.fn();

const renderBar = ({ banner, shown = pipeline, explored = false, hideAnswer = false }: BarOptions = {}) =>
  render(
    <DecisionsContext.Provider value={store}>
      <DecisionBar
        spectrumKey={key}
        ident={QSO}
        shown={shown}
        accepted={pipeline}
        explored={explored}
        hideAnswer={hideAnswer}
        onAccept={onAccept}
        onShowPipeline={onShowPipeline}
        banner={banner}
      />
    </DecisionsContext.Provider>,
  );

/** Wait until the store has no write in flight (polling, no fixed sleep). */
const settle = () => waitFor(() => expect(store.getState().pendingWrites).toBe(0));

describe('DecisionBar', () => {
  it('QOP buttons (Marz’s meaning) accept with that quality; Accept, Accept & next and the pipeline answer call the shell', async () => {
    onAccept.mockClear();
    renderBar();
    const great = screen.getByRole('button', { name: '4 Great' });
    expect(great.getAttribute('title')).toMatch(/99 %.*Accepts the shown class and z/);
    expect(screen.getByRole('button', { name: '6 Star' })).toBeTruthy();
    expect(screen.getByTestId('decision-status').textContent).toBe('Not decided yet');
    fireEvent.click(great);
    expect(onAccept).toHaveBeenLastCalledWith(4, false);
    expect(great.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('decision-status').textContent).toBe('Accepted: QSO z = 2.18193 · QOP 4');
    await settle();
    expect(screen.getByTestId('decision-save-state').textContent).toBe('Saved');
    fireEvent.click(screen.getByTestId('decision-accept'));
    expect(onAccept).toHaveBeenLastCalledWith(undefined, false);
    fireEvent.click(screen.getByTestId('decision-accept-next'));
    expect(onAccept).toHaveBeenLastCalledWith(undefined, true);
    fireEvent.click(screen.getByTestId('decision-reset'));
    expect(onShowPipeline).toHaveBeenCalledTimes(1);
  });

  it('says what is shown but not saved while exploring', () => {
    renderBar({ shown: { cls: 'GALAXY', z: 0.5 }, explored: true });
    expect(screen.getByTestId('decision-status').getAttribute('data-explored')).toBe('true');
    expect(screen.getByTestId('decision-explored').textContent).toMatch(/shown, not saved: GALAXY z = 0\.50000/);
  });

  it('guided mode: no class or z the inspector did not give, no pipeline button (issue 9)', async () => {
    renderBar({ hideAnswer: true });
    expect(screen.queryByTestId('decision-reset')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '3 Good' }));
    expect(screen.getByTestId('decision-status').textContent).toBe('Accepted · QOP 3');
    expect(screen.getByTestId('decision-bar').textContent).not.toMatch(/QSO|2\.18/);
    await settle();
  });

  it('saves the comment as it is typed', async () => {
    renderBar();
    fireEvent.change(screen.getByTestId('decision-comment'), { target: { value: 'broad Mg II 4' } });
    expect(store.getState().decisions[key]).toMatchObject({ comment: 'broad Mg II 4' });
    expect(store.getState().decisions[key].qop).toBeUndefined();
    expect(screen.getByTestId('decision-status').textContent).toBe('Not decided yet');
    await settle();
  });

  it('shows what undo restores', async () => {
    renderBar();
    fireEvent.click(screen.getByRole('button', { name: '3 Good' }));
    fireEvent.click(screen.getByRole('button', { name: '2 Possible' }));
    await act(() => store.getState().undo());
    expect(screen.getByRole('button', { name: '3 Good' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '2 Possible' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('says a change is not saved when storage fails, without a second banner by default', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      renderBar();
      fireEvent.click(screen.getByRole('button', { name: '4 Great' }));
      await settle();
      expect(screen.getByTestId('decision-save-state').textContent).toBe('Not saved (see the warning)');
      expect(screen.queryByRole('alert')).toBeNull();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('shows a storage failure banner, when asked, with a working export button', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), 'blob:test'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const quota = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      renderBar({ banner: true });
      fireEvent.click(screen.getByRole('button', { name: '4 Great' }));
      await settle();
      expect(screen.getByRole('alert').textContent).toMatch(/full/);
      fireEvent.click(screen.getByTestId('persist-error-export'));
      expect(clicks).toHaveBeenCalledTimes(1);
      const doc = JSON.parse(await created[0].text());
      expect(doc.rows.map((r: { decision: unknown }) => r.decision)).toEqual([{ qop: 4, updatedAt: store.getState().decisions[key].updatedAt }]);
    } finally {
      quota.mockRestore();
      vi.restoreAllMocks();
    }
  });
});
