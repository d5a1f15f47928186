/**
 * The Plotly React component, bound to the prebuilt minified bundle
 * (react-plotly.js's factory; STACK.md §1, §5). Imported lazily by Plot.tsx
 * so the 4.8 MB bundle never delays the first paint.
 */
import Plotly from 'plotly.js-dist-min';
import createPlotlyComponent from 'react-plotly.js/factory';

const PlotlyPlot = createPlotlyComponent(Plotly);
export default PlotlyPlot;
