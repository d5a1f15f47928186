// @vitest-environment happy-dom
/**
 * The whole shell in happy-dom with a real session: fake in-process workers
 * running the real engine on committed fixtures, and the real decisions
 * store on a fake IndexedDB. Checks the DOM contract the e2e tests rely on.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionsContext } from '../../src/state/decisionsContext.ts';
import type { DecisionsStore } from '../../src/state/decisionsStore.ts';
import { createSession, type Session } from '../../src/state/session.ts';
import { AppStoreContext, createAppStore, type AppStore } from '../../src/state/store.ts';
import { App } from '../../src/ui/App.tsx';
import { createWorkerPool } from '../../src/worker/pool.ts';
import { freshIndexedDb, newStore } from '../state/decisionsFixtures.ts';
import { fakeWorker } from '../worker/fakeWorker.ts';
import { FIXTURES, sdssTruth } from '../worker/nodeEngine.ts';

const FILES = ['spec-0559-52316-0121.fits', 'spec-0375-52140-0356.fits', 'spec-0521-52326-0167.fits', 'spec-0564-52224-0581.fits'];
const truth = sdssTruth();

let store: AppStore;
let decisions: DecisionsStore;
let session: Session;

beforeEach(async () => {
  // The detail pane fetches models over HTTP; there is no server here.
  vi.stubGlobal('fetch', () => Promise.reject(new Error('no network in this test')));
  freshIndexedDb();
  decisions = newStore();
  store = createAppStore();
  session = createSession({
    store,
    probe: async () => ({ gpu: 'none', crossOriginIsolated: false, cores: 2 }),
    createPool: (plan, onMessage) =>
      createWorkerPool(plan.workers, { backend: plan.backend, threads: 1, baseUrl: 'http://localhost/', family: 'encoder', batchSize: 8 }, fakeWorker, onMessage),
    scheduleFlush: (cb) => setTimeout(cb, 0),
    now: () => performance.now(),
  });
  await session.start();
});
afterEach(() => {
  cleanup();
  session.dispose();
  vi.unstubAllGlobals();
});

function renderApp() {
  return render(
    <AppStoreContext.Provider value={store}>
      <DecisionsContext.Provider value={decisions}>
        <App session={session} />
      </DecisionsContext.Provider>
    </AppStoreContext.Provider>,
  );
}

const rowsInDom = () => screen.queryAllByTestId('result-row');
/** Node's File (happy-dom's own File does not survive structuredClone into the fake worker). */
const fixtureFile = (path: string, name: string) => new NodeFile([readFileSync(join(FIXTURES, path))], name) as unknown as File;
const files = () => FILES.map((f) => fixtureFile(`sdss/${f}`, f));

async function analysed() {
  renderApp();
  const input = document.querySelector('input[type="file"][multiple]') as HTMLInputElement;
  expect(input).toBeTruthy();
  await act(async () => {
    fireEvent.change(input, { target: { files: files() } });
  });
  await waitFor(() => expect(rowsInDom()).toHaveLength(FILES.length), { timeout: 30_000 });
  await waitFor(() => expect(screen.getByTestId('progress').getAttribute('data-running')).toBe('false'));
}

describe('App', () => {
  it('shows the backend, then one row per chosen file with the contract attributes', async () => {
    await analysed();
    expect(screen.getByTestId('backend').getAttribute('data-backend')).toBe('wasm');
    for (const el of rowsInDom()) {
      const file = el.getAttribute('data-file')!;
      expect(FILES).toContain(file);
      expect(el.getAttribute('data-index')).toBe('0');
      expect(el.getAttribute('data-class')).toBe(truth.get(file)!.cls);
      const z = Number(el.getAttribute('data-z'));
      const row = store.getState().rows.find((r) => r.row.fileName === file)!;
      expect(z).toBe(row.row.z); // full precision, not the rounded cell text
      expect(el.hasAttribute('data-qop')).toBe(false);
    }
    expect(screen.getByTestId('progress').textContent).toMatch(/4\/4 spectra · 4\/4 files · 0 errors/);
  });

  it('sorts by z when the z header is clicked, and filters by class', async () => {
    await analysed();
    fireEvent.click(screen.getByRole('columnheader', { name: /^z/ }));
    const zs = rowsInDom().map((e) => Number(e.getAttribute('data-z')));
    expect(zs).toEqual([...zs].sort((a, b) => a - b));
    fireEvent.click(screen.getByRole('columnheader', { name: /^z/ }));
    expect(rowsInDom().map((e) => Number(e.getAttribute('data-z')))).toEqual([...zs].reverse());

    fireEvent.click(document.querySelector('[data-filter-class="GALAXY"]')!);
    const galaxies = FILES.filter((f) => truth.get(f)!.cls === 'GALAXY');
    expect(rowsInDom().map((e) => e.getAttribute('data-file')).sort()).toEqual(galaxies.sort());
    expect(screen.getByText(`${galaxies.length} of ${FILES.length} rows`)).toBeTruthy();
  });

  it("opens a row on click, moves with j/k, and number keys set its QOP ('u' undoes)", async () => {
    await analysed();
    const first = rowsInDom()[0];
    fireEvent.click(first);
    expect(first.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(window, { key: '3' });
    await waitFor(() => expect(rowsInDom()[0].getAttribute('data-qop')).toBe('3'));
    fireEvent.keyDown(window, { key: 'j' });
    expect(rowsInDom()[1].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(window, { key: '6' });
    await waitFor(() => expect(rowsInDom()[1].getAttribute('data-qop')).toBe('6'));
    fireEvent.keyDown(window, { key: 'k' });
    expect(rowsInDom()[0].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(window, { key: 'u' });
    await waitFor(() => expect(rowsInDom()[1].hasAttribute('data-qop')).toBe(false));
    expect(rowsInDom()[0].getAttribute('data-qop')).toBe('3');
    // QOP shows in its column; the decision is in the store under the row's key.
    expect(rowsInDom()[0].querySelector('[data-col="qop"]')?.textContent).toBe('3');
    expect(decisions.getState().decisions[store.getState().rows[0].key]).toMatchObject({ qop: 3 });
  });

  it("keys typed in a text field are not shortcuts; '?' opens the help and Esc closes it", async () => {
    await analysed();
    fireEvent.click(rowsInDom()[0]);
    const zMin = screen.getByLabelText('minimum z');
    fireEvent.keyDown(zMin, { key: '4' });
    expect(rowsInDom()[0].hasAttribute('data-qop')).toBe(false);
    fireEvent.keyDown(window, { key: '?' });
    expect(screen.getByTestId('help').textContent).toMatch(/quality flag/);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('help')).toBeNull();
  });

  it('lists a file no adapter reads as an error row with the reason', async () => {
    renderApp();
    const input = document.querySelector('input[type="file"][multiple]') as HTMLInputElement;
    const odd = fixtureFile('formats/unknown_layout.fits', 'odd.fits');
    await act(async () => {
      fireEvent.change(input, { target: { files: [odd] } });
    });
    await waitFor(() => expect(rowsInDom()).toHaveLength(1), { timeout: 30_000 });
    const row = rowsInDom()[0];
    expect(row.getAttribute('data-class')).toBe('error');
    expect(row.hasAttribute('data-index')).toBe(false);
    expect(row.textContent).toMatch(/no-matching-format/);
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toMatch(/1 error\b/));
  });

  it('the model switch: Both adds the UNet column and the disagreement filter, keeps QOPs; UNet shows the UNet answers', async () => {
    await analysed();
    fireEvent.click(rowsInDom()[0]);
    fireEvent.keyDown(window, { key: '4' });
    await waitFor(() => expect(rowsInDom()[0].getAttribute('data-qop')).toBe('4'));
    const qopFile = rowsInDom()[0].getAttribute('data-file');
    expect(screen.queryByRole('columnheader', { name: /^UNet/ })).toBeNull();
    expect(screen.queryByTestId('filter-disagree')).toBeNull();

    fireEvent.change(screen.getByTestId('model-choice'), { target: { value: 'both' } });
    await waitFor(() => expect(rowsInDom().every((e) => e.hasAttribute('data-disagree'))).toBe(true), { timeout: 60_000 });
    await waitFor(() => expect(screen.getByTestId('progress').getAttribute('data-running')).toBe('false'));
    expect(screen.getByRole('columnheader', { name: /^UNet/ })).toBeTruthy();
    for (const el of rowsInDom()) {
      expect(el.getAttribute('data-family')).toBe('encoder');
      const r = store.getState().rows.find((x) => x.row.fileName === el.getAttribute('data-file'))!;
      const unetCell = el.querySelector('[data-col="unet"]')!.textContent!;
      expect(unetCell).toBe(`${r.disagree ? '≠' : '='} ${r.answers.unet!.cls} ${r.answers.unet!.z!.toFixed(5)}`);
    }
    expect(rowsInDom().find((e) => e.getAttribute('data-file') === qopFile)!.getAttribute('data-qop')).toBe('4');
    fireEvent.click(screen.getByTestId('filter-disagree'));
    const disagreeing = store.getState().rows.filter((r) => r.disagree === true).map((r) => r.row.fileName);
    expect(rowsInDom().map((e) => e.getAttribute('data-file')).sort()).toEqual(disagreeing.sort());

    fireEvent.change(screen.getByTestId('model-choice'), { target: { value: 'unet' } });
    // The filter is hidden and no longer applies; the rows show the UNet's answers.
    await waitFor(() => expect(rowsInDom()).toHaveLength(FILES.length));
    expect(screen.queryByTestId('filter-disagree')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: /^UNet/ })).toBeNull();
    for (const el of rowsInDom()) {
      expect(el.getAttribute('data-family')).toBe('unet');
      expect(el.getAttribute('data-class')).toBe(truth.get(el.getAttribute('data-file')!)!.cls);
    }
    expect(rowsInDom().find((e) => e.getAttribute('data-file') === qopFile)!.getAttribute('data-qop')).toBe('4');
  });
});
