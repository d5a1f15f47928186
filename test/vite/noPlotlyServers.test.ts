import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLOTLY_SERVER_URL, noPlotlyServers, stripPlotlyServers } from '../../vite/noPlotlyServers.ts';

const PLOTLY_ID = new URL('../../node_modules/plotly.js-basic-dist-min/plotly-basic.min.js', import.meta.url);
const transform = (code: string, id: string) => {
  const hook = noPlotlyServers().transform as (code: string, id: string) => { code: string } | null;
  return hook(code, id);
};

describe('noPlotlyServers', () => {
  it("removes the cloud 'share chart' target and every other Plotly server URL from the Plotly code the app bundles", () => {
    const code = readFileSync(PLOTLY_ID, 'utf8');
    // The shipped Plotly does carry them (else this test proves nothing).
    expect(code).toContain('https://cloud.plotly.com/newchart');
    expect(code).toContain('https://cdn.plot.ly/un/');
    const out = transform(code, PLOTLY_ID.pathname);
    expect(out).not.toBeNull();
    expect(out!.code.match(PLOTLY_SERVER_URL)).toBeNull();
    expect(out!.code).not.toMatch(/plot\.ly\/|plotly\.com\/|chart-studio/);
  });

  it('leaves other modules alone and the pattern catches the forms Plotly uses', () => {
    expect(transform('fetch("https://cloud.plotly.com/newchart")', '/app/src/ui/plots/Plot.tsx')).toBeNull();
    expect(stripPlotlyServers('a="https://chart-studio.plotly.com/create?x=1";b="http://plot.ly";c="https://example.org/plot"')).toBe(
      'a="";b="";c="https://example.org/plot"',
    );
  });
});
