/**
 * Fuzz the FITS reader: N mutations (truncations at header/data boundaries,
 * bit flips, absurd NAXISn/TFORM/PCOUNT/... values, blanked END cards,
 * endless CONTINUE cards, shuffled blocks, garbage) of the reader fixtures,
 * each opened and fully read. Prints counts per outcome, the slowest case and
 * the largest read and output array; exits 1 on any uncaught exception or a
 * case slower than 1 s.
 *
 *   npx tsx tools/fuzz.ts [--n 10000] [--seed 1]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exerciseFits, measuredSource, mutate, rng } from './fuzzMutations.ts';

const SEEDS = [
  'fits/images.fits',
  'fits/tables.fits',
  'fits/ascii.fits',
  'fits/header.fits',
  'fits/images.fits.gz',
  'sdss/spec-0375-52140-0356.fits',
  'sdss/spec-0559-52316-0121.fits',
  'golden/test_Encoder_SDSS_STAR_reconstruction_examples.fits',
];
const SLOW_MS = 1000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`--${name} needs a non-negative integer`);
  return v;
}

async function main(): Promise<number> {
  const n = arg('n', 10_000);
  const seed = arg('seed', 1);
  const root = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
  const seeds = SEEDS.map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(root + p)) }));
  const r = rng(seed);
  const outcomes = new Map<string, number>();
  const readErrors = new Map<string, number>();
  const exceptions: string[] = [];
  let slowest = { ms: 0, note: '' };
  let largestRead = { bytes: 0, fileBytes: 0 };
  let largestOutput = { bytes: 0, fileBytes: 0 };
  const started = performance.now();
  let readerMs = 0;

  for (let i = 0; i < n; i++) {
    const base = seeds[i % seeds.length];
    const m = mutate(base.bytes, r);
    const source = measuredSource(base.name, m.bytes);
    const note = `#${i} ${base.name} ${m.kind}: ${m.note}`;
    const t0 = performance.now();
    try {
      const result = await exerciseFits(source);
      outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
      for (const code of result.readErrors) readErrors.set(code, (readErrors.get(code) ?? 0) + 1);
      if (result.largestOutput > largestOutput.bytes) largestOutput = { bytes: result.largestOutput, fileBytes: m.bytes.length };
    } catch (e) {
      exceptions.push(`${note}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    const ms = performance.now() - t0;
    readerMs += ms;
    if (ms > slowest.ms) slowest = { ms, note };
    if (source.largestRead > largestRead.bytes) largestRead = { bytes: source.largestRead, fileBytes: m.bytes.length };
  }

  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`fuzz: ${n} cases, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s (${(readerMs / 1000).toFixed(1)} s in the reader)`);
  console.log(`open outcomes: ${sorted(outcomes)}`);
  console.log(`read errors after open: ${sorted(readErrors) || 'none'}`);
  console.log(`uncaught exceptions: ${exceptions.length}`);
  console.log(`slowest case: ${slowest.ms.toFixed(1)} ms (${slowest.note})`);
  console.log(`largest single read: ${largestRead.bytes} bytes (file of ${largestRead.fileBytes} bytes)`);
  console.log(`largest output array: ${largestOutput.bytes} bytes (file of ${largestOutput.fileBytes} bytes)`);
  for (const e of exceptions.slice(0, 5)) console.log(`\n${e}`);
  return exceptions.length > 0 || slowest.ms > SLOW_MS ? 1 : 0;
}

process.exitCode = await main();
