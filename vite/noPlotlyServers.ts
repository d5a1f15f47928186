/**
 * Vite plugin blanking every plot.ly / plotly.com address inside Plotly's bundle. Plotly 4 still ships
 * a "send to cloud" mode-bar button whose default target is cloud.plotly.com (config.plotlyServerURL)
 * and a topojson CDN default: the app never sends a spectrum to a server, so the addresses are not
 * shipped at all (src/ui/plots/Plot.tsx also turns the button off). tools/checkBundle.ts scans the built
 * bundle for them; e2e/run.mjs runs it.
 */
import type { Plugin } from 'vite';

/** A URL on Plotly's servers (chart studio, cloud, CDN, docs), as it appears in a JS string. */
export const PLOTLY_SERVER_URL = /https?:\/\/(?:[a-z0-9-]+\.)*(?:plot\.ly|plotly\.com|chart-studio\.[a-z]+)(?:[/?#][^\s"'`)]*)?/gi;

/** The code with every Plotly server URL replaced by the empty string (Plotly then has no destination). */
export function stripPlotlyServers(code: string): string {
  return code.replace(PLOTLY_SERVER_URL, '');
}

export function noPlotlyServers(): Plugin {
  return {
    name: 'gasnet:no-plotly-servers',
    transform(code, id) {
      if (!/[\\/]plotly\.js-[a-z-]*dist-min[\\/]/.test(id)) return null;
      return { code: stripPlotlyServers(code), map: null };
    },
  };
}
