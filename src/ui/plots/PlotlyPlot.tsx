/**
 * The Plotly React component, bound to Plotly's prebuilt minified "basic"
 * bundle (scatter, bar, pie: the app draws only scatter traces, shapes and
 * annotations). Imported lazily by Plot.tsx so the bundle never delays the
 * first paint. The basic bundle is 1.1 MB instead of 4.8 MB: opening the
 * first spectrum blocks the page for about 0.2 s instead of 1.5 s while it
 * is evaluated (issue 6, docs/reliability.md). Types still come from
 * plotly.js-dist-min (same version line; type-only imports).
 */
import Plotly from 'plotly.js-basic-dist-min';
import createPlotlyComponent from 'react-plotly.js/factory';

const PlotlyPlot = createPlotlyComponent(Plotly);
export default PlotlyPlot;
