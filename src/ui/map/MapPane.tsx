/**
 * The anomaly map pane (docs/anomalies.md): every analysed spectrum of the batch as a point in one
 * class's coefficient space (UMAP, in a worker), coloured by class, flag, QOP or outlier score; a click
 * opens the spectrum, a box or lasso filters the table to the points drawn round; beside it the R cut.
 */
import { useMemo, useState } from 'react';
import type { Layout, PlotMouseEvent, PlotSelectionEvent } from 'plotly.js-dist-min';
import { EMBED_MAX } from '../../core/anomaly/embed.ts';
import { CLASSES, type SpectralClass } from '../../core/types.ts';
import { useDecisions } from '../../state/decisionsContext.ts';
import type { MapColour } from '../../state/mapSlice.ts';
import { rowClass } from '../../state/selectors.ts';
import { useApp } from '../../state/store.ts';
import { useSession } from '../sessionContext.ts';
import { GuidedNote } from '../teach/GuidedNote.tsx';
import { GUIDE } from '../teach/guideText.ts';
import { CutPlot } from './CutPlot.tsx';
import { MapPlot } from './MapPlot.tsx';
import { mapTraces, type MapPoint } from './mapFigure.ts';
import { useEmbedding } from './useEmbedding.ts';
import './map.css';

/** Plot height: 40 % of the window, 220–360 px, so the table below keeps rows in view at 1280×720. */
const plotHeight = () => Math.round(Math.min(360, Math.max(220, 0.4 * window.innerHeight - 40)));
const COLOURS: readonly { value: MapColour; label: string }[] = [
  { value: 'class', label: 'class' },
  { value: 'flag', label: 'flag' },
  { value: 'qop', label: 'QOP' },
  { value: 'outlier', label: 'outlier score' },
];

const LAYOUT: Partial<Layout> = {
  margin: { l: 30, r: 10, t: 10, b: 30 },
  dragmode: 'lasso',
  hovermode: 'closest',
  xaxis: { showticklabels: false, zeroline: false, title: { text: 'UMAP 1' } },
  yaxis: { showticklabels: false, zeroline: false, title: { text: 'UMAP 2' } },
  legend: { orientation: 'h', y: 1.06, font: { size: 11 } },
};

export function MapPane() {
  const session = useSession();
  const rows = useApp((s) => s.rows);
  const space = useApp((s) => s.mapSpace);
  const colour = useApp((s) => s.mapColour);
  const setSpace = useApp((s) => s.setMapSpace);
  const setColour = useApp((s) => s.setMapColour);
  const setSelection = useApp((s) => s.setMapSelection);
  const selectedKey = useApp((s) => s.selectedKey);
  const decisions = useDecisions((s) => s.decisions);
  const emb = useEmbedding(rows, space);
  const guided = useApp((s) => s.guided);
  const [HEIGHT] = useState(plotHeight);

  const byKey = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const points = useMemo<MapPoint[]>(
    () =>
      emb.keys.map((k) => {
        const r = byKey.get(k);
        return { key: k, id: r?.row.spectrumId ?? k, cls: r ? rowClass(r) : '?', z: r?.row.z, flags: r?.row.flags ?? [], qop: decisions[k]?.qop, outlier: r?.row.outlier };
      }),
    [emb.keys, byKey, decisions],
  );
  const data = useMemo(() => mapTraces(points, emb.xy, colour), [points, emb.xy, colour]);
  const layout = useMemo<Partial<Layout>>(() => {
    const at = selectedKey === undefined ? -1 : emb.keys.indexOf(selectedKey);
    if (at < 0) return LAYOUT;
    // A ring round the open spectrum.
    return { ...LAYOUT, annotations: [{ x: emb.xy[2 * at], y: emb.xy[2 * at + 1], text: '', showarrow: true, arrowhead: 0, arrowcolor: '#D55E00', ax: 18, ay: -18 }] };
  }, [selectedKey, emb.keys, emb.xy]);

  const onClick = (e: PlotMouseEvent) => {
    const key = e.points[0]?.customdata;
    if (typeof key === 'string') session.open(key);
  };
  const onSelected = (e: Readonly<PlotSelectionEvent> | undefined) => {
    if (!e || e.points.length === 0) return;
    setSelection(e.points.map((p) => p.customdata).filter((k): k is string => typeof k === 'string'));
  };

  const sampled = emb.status === 'ready' && emb.keys.length < emb.total;
  return (
    <div className="map-pane-inner">
      <div className="map-main">
        <div className="map-controls" role="group" aria-label="Map controls">
          <label>
            space{' '}
            <select value={space} aria-label="coefficient space" data-testid="map-space" onChange={(e) => setSpace(e.target.value as SpectralClass)}>
              {CLASSES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            colour by{' '}
            <select value={colour} aria-label="colour by" data-testid="map-colour" onChange={(e) => setColour(e.target.value as MapColour)}>
              {COLOURS.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <span className="map-status" data-testid="map-status" data-status={emb.status} aria-live="polite">
            {emb.status === 'running' && emb.progress
              ? `computing the map… ${emb.progress.total > 1 ? Math.round((100 * emb.progress.done) / emb.progress.total) : 0} %`
              : emb.status === 'ready'
                ? `${emb.keys.length} spectra in ${emb.space} space · click a point to open it, draw round points to filter the table`
                : (emb.message ?? '')}
          </span>
        </div>
        {guided && <GuidedNote id="map" text={GUIDE.map} />}
        {sampled && (
          <p className="map-note" data-testid="map-sampled">
            Showing a sample of {emb.keys.length.toLocaleString('en')} of {emb.total.toLocaleString('en')} spectra (every flagged one kept, the rest drawn at random): above {EMBED_MAX.toLocaleString('en')} the embedding takes too long to wait for here.
          </p>
        )}
        {emb.status === 'error' && <p className="map-note error">{emb.message}</p>}
        {emb.keys.length > 0 ? (
          <MapPlot data={data} layout={layout} height={HEIGHT} onClick={onClick} onSelected={onSelected} onDeselect={() => setSelection(undefined)} />
        ) : (
          <div className="map-empty" style={{ height: HEIGHT }}>
            {emb.status === 'running' ? 'Computing the map…' : (emb.message ?? 'Drop spectra to see them on the map.')}
          </div>
        )}
      </div>
      <div className="map-side">
        <CutPlot rows={rows} height={HEIGHT} />
      </div>
    </div>
  );
}
