import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/fits/index.ts';
import { openSpectra } from '../../../src/core/formats/index.ts';
import { parseGalleryIndex, sparkPoints } from '../../../src/ui/teach/galleryIndex.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'public', 'examples');
const raw = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as unknown;

describe('public/examples/index.json', () => {
  const parsed = parseGalleryIndex(raw);

  it('parses, and lists stars, galaxies, quasars and odd ones whose files exist', () => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const ex = parsed.value.examples;
    expect(ex.length).toBeGreaterThanOrEqual(10);
    for (const kind of ['star', 'galaxy', 'quasar', 'anomaly'] as const) expect(ex.filter((e) => e.kind === kind).length).toBeGreaterThanOrEqual(2);
    for (const e of ex) {
      expect(existsSync(join(DIR, e.file))).toBe(true);
      expect(e.description.length).toBeLessThan(200);
    }
  });

  it("agrees with each file's own SDSS class and redshift", async () => {
    if (!parsed.ok) throw new Error(parsed.error.message);
    for (const e of parsed.value.examples) {
      const opened = await openSpectra(bytesSource(e.file, new Uint8Array(readFileSync(join(DIR, e.file)))));
      expect(opened.ok).toBe(true);
      if (!opened.ok) continue;
      const s = await opened.value.read(0);
      expect(s.ok).toBe(true);
      if (!s.ok) continue;
      expect(s.value.meta.truth?.class?.trim()).toBe(e.truthClass);
      expect(s.value.meta.truth?.z).toBeCloseTo(e.z, 5);
    }
  });
});

describe('parseGalleryIndex', () => {
  const good = { file: 'a.fits', title: 't', description: 'd', kind: 'star', truthClass: 'STAR', z: 0 };
  it('refuses paths, unknown classes and a wrong shape with a message', () => {
    for (const bad of [{ ...good, file: '../secret' }, { ...good, file: 'a/b.fits' }, { ...good, truthClass: 'PLANET' }, { ...good, z: 'x' }, { ...good, spark: [2] }]) {
      const r = parseGalleryIndex({ version: 1, source: '', examples: [bad] });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/examples\[0\]/);
    }
    expect(parseGalleryIndex([]).ok).toBe(false);
    expect(parseGalleryIndex({ version: 2, examples: [] }).ok).toBe(false);
    expect(parseGalleryIndex({ version: 1, source: 's', examples: [good] }).ok).toBe(true);
  });
  it('draws a thumbnail polyline across the box', () => {
    expect(sparkPoints([0, 1, 0.5], 100, 10)).toBe('0.0,10.0 50.0,0.0 100.0,5.0');
    expect(sparkPoints([1], 100, 10)).toBe('');
  });
});
