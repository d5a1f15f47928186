/**
 * The map's Plotly chart: like plots/Plot.tsx (same lazily loaded basic bundle, no cloud or server
 * buttons) but with box and lasso selection kept, and selection events. The basic bundle has no
 * WebGL scatter (scattergl), so points are SVG: the map draws at most EMBED_MAX of them.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { Config, Data, Layout, PlotMouseEvent, PlotSelectionEvent } from 'plotly.js-dist-min';

const LazyPlot = lazy(() => import('../plots/PlotlyPlot.tsx'));

const CONFIG: Partial<Config> = {
  displaylogo: false,
  responsive: true,
  showSendToCloud: false,
  plotlyServerURL: '',
  modeBarButtonsToRemove: ['sendChartToCloud', 'autoScale2d'],
};

export interface MapPlotProps {
  data: Data[];
  layout: Partial<Layout>;
  height: number;
  onClick(e: PlotMouseEvent): void;
  onSelected(e: Readonly<PlotSelectionEvent> | undefined): void;
  onDeselect(): void;
}

export function MapPlot({ data, layout, height, onClick, onSelected, onDeselect }: MapPlotProps) {
  const fullLayout = useMemo(() => ({ ...layout, autosize: true }), [layout]);
  return (
    <div data-testid="anomaly-map" role="figure" aria-label="Map of the batch's spectra in the encoder's coefficient space" style={{ height, width: '100%' }}>
      <Suspense fallback={<div className="plot-loading" style={{ height }}>Loading plot…</div>}>
        <LazyPlot data={data} layout={fullLayout} config={CONFIG} useResizeHandler style={{ width: '100%', height: '100%' }} onClick={onClick} onSelected={onSelected} onDeselect={onDeselect} />
      </Suspense>
    </div>
  );
}
