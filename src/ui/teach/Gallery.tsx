/**
 * The example gallery: a grid of real SDSS spectra (stars, galaxies,
 * quasars, odd ones). Picking one fetches the file and hands it to `onOpen`
 * exactly as if the user had dropped it.
 */
import './teach.css';
import { useEffect, useState } from 'react';
import { CLASS_COLORS } from '../plots/palette.ts';
import type { GalleryProps } from '../view/types.ts';
import { parseGalleryIndex, sparkPoints, type GalleryExample } from './galleryIndex.ts';

const EXAMPLES_URL = `${import.meta.env.BASE_URL}examples/`;

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; examples: GalleryExample[] };

export function Gallery({ onOpen, hideAnswers = false }: GalleryProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetch(`${EXAMPLES_URL}index.json`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((json: unknown) => {
        const parsed = parseGalleryIndex(json);
        if (live) setLoad(parsed.ok ? { state: 'ready', examples: parsed.value.examples } : { state: 'error', message: parsed.error.message });
      })
      .catch((e: unknown) => live && setLoad({ state: 'error', message: `Could not load the example list (${String(e)}). Reload the page to try again.` }));
    return () => {
      live = false;
    };
  }, []);

  async function open(ex: GalleryExample) {
    setBusy(ex.file);
    setOpenError(null);
    try {
      const r = await fetch(`${EXAMPLES_URL}${encodeURIComponent(ex.file)}`);
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const blob = await r.blob();
      onOpen([new File([blob], ex.file, { type: 'application/fits' })]);
    } catch (e) {
      setOpenError(`Could not fetch ${ex.file} (${String(e)}). Try again.`);
    } finally {
      setBusy(null);
    }
  }

  if (load.state === 'loading') return <div data-testid="gallery" className="gallery">Loading examples…</div>;
  if (load.state === 'error') return <div data-testid="gallery" className="gallery gallery-error" role="alert">{load.message}</div>;
  return (
    <div data-testid="gallery" className="gallery">
      {openError && <p role="alert">{openError}</p>}
      {hideAnswers && <p className="muted" data-testid="gallery-hidden-note">Guided mode: what each example is stays hidden until you have found its class and redshift yourself.</p>}
      <ul className="gallery-grid">
        {load.examples.map((ex, i) =>
          hideAnswers ? (
            // Title, description, class colour and z would each give the answer away (issue 9).
            <li key={ex.file}>
              <button type="button" className="gallery-card" data-testid="gallery-item" disabled={busy !== null} onClick={() => void open(ex)}>
                {ex.spark && (
                  <svg viewBox="0 0 160 40" width="160" height="40" aria-hidden="true">
                    <polyline points={sparkPoints(ex.spark, 160, 40)} fill="none" stroke="#444" strokeWidth="1" />
                  </svg>
                )}
                <span className="gallery-title">Example {i + 1}</span>
                <span className="gallery-desc">{busy === ex.file ? 'Opening…' : 'What is it, and how far away?'}</span>
              </button>
            </li>
          ) : (
          <li key={ex.file}>
            <button type="button" className="gallery-card" data-testid="gallery-item" data-file={ex.file} disabled={busy !== null} onClick={() => void open(ex)}>
              {ex.spark && (
                <svg viewBox="0 0 160 40" width="160" height="40" aria-hidden="true">
                  <polyline points={sparkPoints(ex.spark, 160, 40)} fill="none" stroke={CLASS_COLORS[ex.truthClass]} strokeWidth="1" />
                </svg>
              )}
              <span className="gallery-title">{ex.title}</span>
              <span className="gallery-meta">
                <span className="class-badge" style={{ background: CLASS_COLORS[ex.truthClass] }}>{ex.truthClass}</span> z = {ex.z.toFixed(ex.truthClass === 'STAR' ? 5 : 3)}
                {ex.kind === 'anomaly' && <span className="gallery-kind"> · odd one</span>}
              </span>
              <span className="gallery-desc">{busy === ex.file ? 'Opening…' : ex.description}</span>
            </button>
          </li>
          ),
        )}
      </ul>
    </div>
  );
}
