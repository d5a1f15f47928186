import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, readResults, speedSection, withSpeedSection } from '../../tools/speedTable.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('README Speed tables', () => {
  it('are what npm run speed-table makes of the committed results/*.json', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const generated = speedSection(readResults(`${ROOT}results`));
    expect(readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length)).toBe(generated);
  });

  it('quote every stage of the committed bench file with its median', () => {
    const bench = JSON.parse(readFileSync(`${ROOT}results/bench-encoder.json`, 'utf8')) as { rows: { stage: string }[] };
    const section = speedSection(readResults(`${ROOT}results`));
    for (const r of bench.rows) expect(section).toMatch(new RegExp(`\\| ${r.stage.replace(/[()*+?.[\]\\^$|{}]/g, '\\$&')}( \\*)? \\|`));
  });

  it('refuses a README without the markers', () => {
    expect(() => withSpeedSection('# no markers', 'x')).toThrow(/markers/);
  });
});
