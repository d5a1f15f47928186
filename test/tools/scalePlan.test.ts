/** docs/scale.md's figures are the ones npm run scale-plan computes from the committed results. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, START, renderScalePlan, type ScaleInputs } from '../../tools/lib/scalePlan.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('docs/scale.md', () => {
  it('holds the plan rendered from results/scale-plan.json', () => {
    const inputs = JSON.parse(readFileSync(join(ROOT, 'results/scale-plan.json'), 'utf8')) as ScaleInputs;
    const doc = readFileSync(join(ROOT, 'docs/scale.md'), 'utf8');
    const generated = doc.slice(doc.indexOf(START) + START.length, doc.indexOf(END)).trim();
    expect(generated).toBe(renderScalePlan(inputs));
  });

  it('scales wall time inversely with cores and data linearly with the survey', () => {
    const plan = renderScalePlan({
      spectraPerSecondPerCore: 100,
      source: 's',
      inputBytesPerSpectrum: 100_000,
      inputSource: 'i',
      catalogBytesPerRow: { parquet: 500, fits: 1000 },
      catalogRows: 10,
    });
    // 1 M spectra on 64 cores at 100/s/core: 156.25 s; 20 M on 4096: 48.8 s.
    expect(plan).toContain('| 1 M | 64 | 2.6 min | 640 MB/s | 100 GB | 500 MB / 1 GB |');
    expect(plan).toContain('| 20 M | 4,096 | 0.81 min | 41 GB/s | 2 TB | 10 GB / 20 GB |');
    // 100/s × 4 cores × 1800 s = 720 000 spectra a task: 2 tasks for 1 M, 28 for 20 M.
    expect(plan).toMatch(/\| 1 M \| 2 \| `0-1%256` \| `01:00:00` \|/);
    expect(plan).toMatch(/\| 20 M \| 28 \| `0-27%256` \|/);
  });
});
