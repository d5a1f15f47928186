/** plotly.js-basic-dist-min ships no types: it is the same API as the full bundle, with fewer trace types. */
declare module 'plotly.js-basic-dist-min' {
  import Plotly from 'plotly.js-dist-min';
  export default Plotly;
}
