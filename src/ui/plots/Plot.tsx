/**
 * One Plotly chart: loads Plotly on first use, shows a placeholder of the
 * same height meanwhile. Updates go through Plotly.react (react-plotly.js
 * does that on every render), so callers should keep unchanged trace arrays
 * referentially stable.
 */
import { Suspense, lazy, useMemo, type CSSProperties, type ReactNode } from 'react';
import type { Config, Data, Layout, PlotMouseEvent } from 'plotly.js-dist-min';

const LazyPlot = lazy(() => import('./PlotlyPlot.tsx'));

/**
 * No Plotly logo link, no "send to cloud" button (Plotly 4 shows it by default) and no server to send to:
 * nothing of a spectrum leaves the page. The build also blanks Plotly's server URLs (vite/noPlotlyServers.ts).
 */
export const PLOT_CONFIG: Partial<Config> = {
  displaylogo: false,
  responsive: true,
  showSendToCloud: false,
  plotlyServerURL: '',
  modeBarButtonsToRemove: ['lasso2d', 'select2d', 'sendChartToCloud'],
};

export interface PlotProps {
  testId: string;
  data: Data[];
  layout: Partial<Layout>;
  /** Pixels. */
  height: number;
  onClick?: (event: PlotMouseEvent) => void;
  /** Accessible description of what the chart shows. */
  label: string;
  /** Called with the graph div after every draw (first plot, updates, zoom, resize). */
  onGraph?: (gd: HTMLElement) => void;
  /** Drawn over the chart (e.g. a LiveOverlay canvas). */
  children?: ReactNode;
}

const FILL: CSSProperties = { width: '100%', height: '100%' };

export function Plot({ testId, data, layout, height, onClick, label, onGraph, children }: PlotProps) {
  // react-plotly.js calls Plotly.react whenever a prop changes identity: keep them stable.
  const fullLayout = useMemo(() => ({ ...layout, autosize: true }), [layout]);
  return (
    <div data-testid={testId} role="figure" aria-label={label} style={{ height, width: '100%', position: 'relative' }}>
      <Suspense fallback={<div className="plot-loading" style={{ height }}>Loading plot…</div>}>
        <LazyPlot
          data={data}
          layout={fullLayout}
          config={PLOT_CONFIG}
          useResizeHandler
          style={FILL}
          onClick={onClick}
          onInitialized={onGraph && ((_, gd) => onGraph(gd))}
          onUpdate={onGraph && ((_, gd) => onGraph(gd))}
        />
      </Suspense>
      {children}
    </div>
  );
}
