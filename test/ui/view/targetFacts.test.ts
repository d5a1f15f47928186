import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capText, decDms, MAX_TEXT, raHms, targetFacts } from '../../../src/ui/view/targetFacts.ts';
import { openFixture, readOk } from '../../core/formats/fixtureHelpers.ts';

const EXTERNAL = join(import.meta.dirname, '../../fixtures/external');

describe('target facts for the view header', () => {
  it('sexagesimal position', () => {
    expect(raHms(105.48977452498902)).toBe('07:01:57.55');
    expect(decDms(56.669300058331935)).toBe('+56:40:09.5');
    expect(decDms(-0.5)).toBe('−00:30:00.0');
    expect(raHms(359.99999999)).toBe('00:00:00.00');
  });

  it('the real DESI coadd: position, target bits and g r z magnitudes', async () => {
    const s = await readOk(await openFixture('desi/coadd-4-80613-thru20210324.fits', undefined, EXTERNAL), 0);
    const facts = targetFacts(s.meta);
    expect(facts.map((f) => f.key)).toEqual(['position', 'type', 'mags']);
    expect(facts[0].text).toBe('07:01:57.55 +56:40:09.5 (105.48977°, +56.66930°)');
    expect(facts[1].text).toMatch(/^BGS_ANY \(SV1_DESI_TARGET \d+\)$/);
    expect(facts[2].text).toBe('g 21.22 · r 20.56 · z 20.20');
  });

  it('header text is capped and control characters go', () => {
    expect(capText('a\u0000b\nc\u001b[31m')).toBe('a b c [31m');
    const long = capText('x'.repeat(500));
    expect(long.length).toBe(MAX_TEXT);
    expect(long.endsWith('…')).toBe(true);
    const facts = targetFacts({ targetType: `<img src=x onerror=alert(1)>${'y'.repeat(200)}` });
    expect(facts[0].text.length).toBe(MAX_TEXT);
    expect(facts[0].text.startsWith('<img')).toBe(true); // shown as text, never parsed
  });

  it('nothing without facts; a declination outside ±90° is not a position', () => {
    expect(targetFacts({})).toEqual([]);
    expect(targetFacts({ ra: 10, dec: 120 })).toEqual([]);
  });
});
