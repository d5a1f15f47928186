/**
 * Fuzz the FITS reader and the format adapters: N mutations (truncations at
 * header/data boundaries, bit flips, absurd NAXISn/TFORM/PCOUNT/... values,
 * blanked END cards, endless CONTINUE cards, shuffled blocks, garbage) of the
 * reader and adapter fixtures. Each case is opened and read twice: by the
 * reader (`openFits`, every HDU's data) and as the app opens a dropped file
 * (`openSpectra` → adapter → spectra → model grid). Prints counts per
 * outcome, the slowest case, the largest read and the largest allocation
 * against what the file justifies; exits 1 on any uncaught exception or
 * inconsistent result, a case slower than 1 s, or an allocation over budget.
 *
 *   npm run fuzz                      (10 000 cases, seed 1)
 *   npx tsx tools/fuzz.ts [--n 10000] [--seed 1]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installAllocationProbe } from './allocationProbe.ts';
import { exerciseSpectra } from './fuzzAdapters.ts';
import { allocationBudget } from './fuzzBudget.ts';
import { exerciseFits, measuredSource, mutate, rng } from './fuzzMutations.ts';

/** Seeds: FITS reader fixtures and one file per adapter layout (path under test/fixtures/). */
export const FUZZ_SEEDS = [
  'fits/images.fits',
  'fits/tables.fits',
  'fits/ascii.fits',
  'fits/header.fits',
  'fits/images.fits.gz',
  'sdss/spec-0375-52140-0356.fits',
  'sdss/spec-0559-52316-0121.fits',
  'golden/test_Encoder_SDSS_STAR_reconstruction_examples.fits',
  'formats/sdss_spPlate.fits',
  'formats/sdss_spSpec.fit',
  'formats/sdss5_spec.fits',
  'formats/desi_coadd.fits',
  'formats/desi_spectra.fits',
  'formats/lamost_new.fits',
  'formats/lamost_old.fits.gz',
  'formats/twodf.fits',
  'formats/wcs1d_linear_air.fits',
  'formats/wcs1d_loglam.fits',
  'formats/wcs1d_wavelog.fits',
  'formats/generic_rows.fits',
  'formats/generic_vector.fits',
  'formats/spectrum.csv',
];
const SLOW_MS = 1000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`--${name} needs a non-negative integer`);
  return v;
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');

async function main(): Promise<number> {
  const n = arg('n', 10_000);
  const seed = arg('seed', 1);
  const root = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
  const seeds = FUZZ_SEEDS.map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(root + p)) }));
  const r = rng(seed);
  const fitsOutcomes = new Map<string, number>();
  const readErrors = new Map<string, number>();
  const spectraOutcomes = new Map<string, number>();
  const spectrumErrors = new Map<string, number>();
  const formats = new Map<string, number>();
  const findings: string[] = [];
  let slowest = { ms: 0, note: '' };
  let largestRead = { bytes: 0, fileBytes: 0 };
  let worstAlloc = { ratio: 0, bytes: 0, budget: 0, kind: '', note: '' };
  let overBudget = 0;
  let gridded = 0;
  const started = performance.now();
  let caseMs = 0;
  const probe = installAllocationProbe();

  for (let i = 0; i < n; i++) {
    const base = seeds[i % seeds.length];
    const m = mutate(base.bytes, r);
    const note = `#${i} ${base.name} ${m.kind}: ${m.note}`;
    const budget = allocationBudget(m.bytes);
    const fitsSource = measuredSource(base.name, m.bytes);
    const spectraSource = measuredSource(base.name, m.bytes);
    probe.reset();
    const t0 = performance.now();
    try {
      const f = await exerciseFits(fitsSource);
      count(fitsOutcomes, f.outcome);
      for (const code of f.readErrors) count(readErrors, code);
      const s = await exerciseSpectra(spectraSource);
      count(spectraOutcomes, s.outcome);
      if (s.format) count(formats, s.format);
      for (const code of s.spectrumErrors) count(spectrumErrors, code);
      gridded += s.gridded;
    } catch (e) {
      findings.push(`${note}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    const ms = performance.now() - t0;
    caseMs += ms;
    if (ms > slowest.ms) slowest = { ms, note };
    for (const src of [fitsSource, spectraSource]) {
      if (src.largestRead > largestRead.bytes) largestRead = { bytes: src.largestRead, fileBytes: m.bytes.length };
    }
    const alloc = probe.largest();
    if (alloc > budget) {
      overBudget++;
      findings.push(`${note}: allocated ${alloc} bytes (${probe.largestKind()}), budget ${budget}`);
    }
    const ratio = alloc / budget;
    if (ratio > worstAlloc.ratio) worstAlloc = { ratio, bytes: alloc, budget, kind: probe.largestKind(), note };
  }
  probe.uninstall();

  console.log(`fuzz: ${n} cases over ${seeds.length} seed files, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s (${(caseMs / 1000).toFixed(1)} s in the cases)`);
  console.log(`reader (openFits + every HDU's data): ${sorted(fitsOutcomes)}`);
  console.log(`  read errors after open: ${sorted(readErrors) || 'none'}`);
  console.log(`adapters (openSpectra + read + model grid): ${sorted(spectraOutcomes)}`);
  console.log(`  adapters matched: ${sorted(formats)}`);
  console.log(`  spectra put on the model grid: ${gridded}; per-spectrum errors: ${sorted(spectrumErrors) || 'none'}`);
  console.log(`uncaught exceptions or inconsistent results: ${findings.length - overBudget}`);
  console.log(`slowest case: ${slowest.ms.toFixed(1)} ms (${slowest.note}); cases over ${SLOW_MS} ms: ${slowest.ms > SLOW_MS ? 'some' : 0}`);
  console.log(`largest single read: ${largestRead.bytes} bytes (file of ${largestRead.fileBytes} bytes)`);
  console.log(
    `largest allocation vs budget (8 × content + 256 KiB): ${(100 * worstAlloc.ratio).toFixed(1)} % — ${worstAlloc.bytes} bytes (${worstAlloc.kind}) of ${worstAlloc.budget} (${worstAlloc.note}); over budget: ${overBudget}`,
  );
  for (const e of findings.slice(0, 5)) console.log(`\n${e}`);
  return findings.length > 0 || slowest.ms > SLOW_MS ? 1 : 0;
}

process.exitCode = await main();
