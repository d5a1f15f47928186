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

const renderBar = (banner?: boolean) =>
  render(
    <DecisionsContext.Provider value={store}>
      <DecisionBar spectrumKey={key} ident={QSO} pipeline={pipeline} banner={banner} />
    </DecisionsContext.Provider>,
  );

/** Wait until the store has no write in flight (polling, no fixed sleep). */
const settle = () => waitFor(() => expect(store.getState().pendingWrites).toBe(0));

describe('DecisionBar', () => {
  it('sets a QOP with Marz’s meaning, and clicking it again clears it', async () => {
    renderBar();
    const great = screen.getByRole('button', { name: '4 Great' });
    expect(great.getAttribute('title')).toMatch(/99 %/);
    expect(screen.getByRole('button', { name: '6 Star' })).toBeTruthy();
    fireEvent.click(great);
    expect(store.getState().decisions[key]).toMatchObject({ qop: 4 });
    expect(great.getAttribute('aria-pressed')).toBe('true');
    await settle();
    expect(screen.getByTestId('decision-save-state').textContent).toBe('Saved');
    fireEvent.click(great);
    expect(store.getState().decisions[key]).toBeUndefined();
    await settle();
  });

  it('keeps keys typed in the comment away from global shortcuts', async () => {
    const globalKeys: string[] = [];
    const onKey = (e: KeyboardEvent) => globalKeys.push(e.key);
    window.addEventListener('keydown', onKey);
    try {
      renderBar();
      const box = screen.getByTestId('decision-comment');
      fireEvent.keyDown(box, { key: '4' });
      fireEvent.change(box, { target: { value: 'broad Mg II 4' } });
      fireEvent.keyDown(screen.getByTestId('decision-z'), { key: 'j' });
      fireEvent.keyDown(document.body, { key: 'k' }); // outside the bar: reaches the window
      expect(globalKeys).toEqual(['k']);
      expect(store.getState().decisions[key]).toMatchObject({ comment: 'broad Mg II 4' });
      expect(store.getState().decisions[key].qop).toBeUndefined();
      await settle();
    } finally {
      window.removeEventListener('keydown', onKey);
    }
  });

  it('takes a manual z on Enter, refuses a non-number, and resets to the pipeline', async () => {
    renderBar();
    const z = screen.getByTestId('decision-z') as HTMLInputElement;
    expect(z.placeholder).toBe('pipeline 2.18193');
    fireEvent.change(z, { target: { value: 'abc' } });
    fireEvent.keyDown(z, { key: 'Enter' });
    expect(screen.getByRole('status').textContent).toMatch(/'abc' is not a redshift/);
    expect(store.getState().decisions[key]).toBeUndefined();

    fireEvent.change(z, { target: { value: '2.19' } });
    fireEvent.keyDown(z, { key: 'Enter' });
    fireEvent.change(screen.getByTestId('decision-class'), { target: { value: 'GALAXY' } });
    expect(store.getState().decisions[key]).toMatchObject({ z: 2.19, cls: 'GALAXY' });
    expect(z.value).toBe('2.19');
    // The pipeline's own class is no decision: choosing it clears the class override.
    fireEvent.change(screen.getByTestId('decision-class'), { target: { value: 'QSO' } });
    expect(store.getState().decisions[key].cls).toBeUndefined();
    fireEvent.change(screen.getByTestId('decision-class'), { target: { value: 'GALAXY' } });

    const reset = screen.getByTestId('decision-reset') as HTMLButtonElement;
    expect(reset.disabled).toBe(false);
    fireEvent.click(reset);
    expect(store.getState().decisions[key]).toBeUndefined();
    expect(z.value).toBe('');
    expect(reset.disabled).toBe(true);
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
      renderBar(true);
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
