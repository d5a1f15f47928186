/** The Plotly config of every chart offers no way to send a chart to a server (issue 9). */
import { describe, expect, it } from 'vitest';
import { PLOT_CONFIG } from '../../../src/ui/plots/Plot.tsx';

describe('PLOT_CONFIG', () => {
  it('has no logo link, no send-to-cloud button and no server URL', () => {
    expect(PLOT_CONFIG.displaylogo).toBe(false);
    expect(PLOT_CONFIG.showSendToCloud).toBe(false);
    expect(PLOT_CONFIG.plotlyServerURL).toBe('');
    expect(PLOT_CONFIG.modeBarButtonsToRemove).toContain('sendChartToCloud');
  });
});
