// @vitest-environment happy-dom
/** The gallery against the real public/examples (fetch served from the repo's files). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Gallery } from '../../../src/ui/teach/Gallery.tsx';

const DIR = join(import.meta.dirname, '..', '..', '..', 'public', 'examples');
const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { examples: { file: string; title: string }[] };

function serveExamples(missing: string[] = []) {
  const fetchMock = vi.fn(async (url: string) => {
    const name = decodeURIComponent(String(url).split('/examples/')[1] ?? '');
    if (missing.includes(name)) return new Response('not found', { status: 404 });
    return new Response(readFileSync(join(DIR, name)), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Gallery', () => {
  it('lists every example with its title', async () => {
    serveExamples();
    render(<Gallery onOpen={() => undefined} />);
    await waitFor(() => expect(screen.getAllByTestId('gallery-item')).toHaveLength(index.examples.length));
    for (const e of index.examples) expect(screen.getByText(e.title)).toBeTruthy();
  });

  it('in guided mode no card gives the answer away: no title, description, class, z or file name (issue 9)', async () => {
    serveExamples();
    const onOpen = vi.fn<(files: File[]) => void>();
    render(<Gallery onOpen={onOpen} hideAnswers />);
    await waitFor(() => expect(screen.getAllByTestId('gallery-item')).toHaveLength(index.examples.length));
    const text = screen.getByTestId('gallery').textContent!;
    for (const e of index.examples) expect(text).not.toContain(e.title);
    expect(text).not.toMatch(/STAR|GALAXY|QSO|z =|quasar|galaxy|star\b/i);
    for (const b of screen.getAllByTestId('gallery-item')) expect(b.getAttribute('data-file')).toBeNull();
    fireEvent.click(screen.getAllByTestId('gallery-item')[0]);
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
  });

  it('fetches the picked file and hands it over as a File with the same bytes', async () => {
    serveExamples();
    const onOpen = vi.fn<(files: File[]) => void>();
    render(<Gallery onOpen={onOpen} />);
    const pick = index.examples[3];
    await waitFor(() => expect(screen.getAllByTestId('gallery-item').length).toBeGreaterThan(3));
    fireEvent.click(screen.getAllByTestId('gallery-item').find((b) => b.getAttribute('data-file') === pick.file)!);
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
    const [files] = onOpen.mock.calls[0];
    expect(files).toHaveLength(1);
    expect(files[0].name).toBe(pick.file);
    const got = new Uint8Array(await files[0].arrayBuffer());
    expect(Buffer.from(got).equals(readFileSync(join(DIR, pick.file)))).toBe(true);
  });

  it('says what went wrong when a file or the list cannot be fetched', async () => {
    serveExamples([index.examples[0].file]);
    const onOpen = vi.fn();
    render(<Gallery onOpen={onOpen} />);
    await waitFor(() => expect(screen.getAllByTestId('gallery-item').length).toBeGreaterThan(0));
    fireEvent.click(screen.getAllByTestId('gallery-item')[0]);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Could not fetch/));
    expect(onOpen).not.toHaveBeenCalled();
    cleanup();
    serveExamples(['index.json']);
    render(<Gallery onOpen={onOpen} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Could not load the example list/));
  });
});
