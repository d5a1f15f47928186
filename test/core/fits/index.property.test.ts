/**
 * Property: truncated, bit-flipped and absurd-valued copies of the fixtures
 * only ever resolve to ok or a typed error (never throw, never hang, never
 * allocate more than the file justifies: tools/fuzzBudget.ts). The adapters'
 * half is test/core/formats/index.property.test.ts. Each
 * case's time is checked against a generous bound as a hang detector.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputErrorCode } from '../../../src/core/types.ts';
import { installAllocationProbe, type AllocationProbe } from '../../../tools/allocationProbe.ts';
import { allocationBudget } from '../../../tools/fuzzBudget.ts';
import { cardOffsets, exerciseFits, measuredSource, setValue } from '../../../tools/fuzzMutations.ts';
import { fixtureBytes } from './helpers.ts';

const SEEDS = ['fits/images.fits', 'fits/tables.fits', 'fits/ascii.fits', 'fits/header.fits', 'fits/images.fits.gz', 'sdss/spec-0559-52316-0121.fits'].map(
  (path) => ({ name: path.split('/').pop()!, bytes: fixtureBytes(path) }),
);
const CODES: readonly (InputErrorCode | 'ok')[] = ['ok', 'not-fits', 'truncated', 'corrupt-header', 'unsupported-bitpix', 'unsupported-tform', 'too-large', 'no-matching-format'];
const VALUES = ['-1', '0', '2147483648', '99999999999999999999', '1e300', "'9999999999E'", "'Z'", "'1PE(9)'", 'T', "''", '12'];
const HANG_MS = 2000;

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }), inHeader: fc.boolean() }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('value' as const), card: fc.nat(), value: fc.constantFrom(...VALUES) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case 'flip': {
      const copy = bytes.slice();
      const headerBytes = Math.min(bytes.length, 2880 * 2);
      for (const f of m.flips) copy[f.inHeader ? f.at % headerBytes : f.at % bytes.length] ^= 1 << f.bit;
      return copy;
    }
    case 'value': {
      const cards = cardOffsets(bytes, /^(BITPIX|NAXIS\d*|PCOUNT|GCOUNT|TFIELDS|TFORM\d+|TBCOL\d+|TSCAL\d+|TZERO\d+|TNULL\d+|BZERO|BSCALE|BLANK)$/);
      return cards.length === 0 ? bytes : setValue(bytes, cards[m.card % cards.length], m.value);
    }
  }
}

let probe: AllocationProbe;
beforeAll(() => {
  probe = installAllocationProbe();
});
afterAll(() => probe.uninstall());

describe('openFits + readImage/readColumns on damaged fixtures', () => {
  it('only ever resolve to ok or a typed error, within the allocation budget and a hang bound', async () => {
    const seen = new Map<string, number>();
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(SEEDS.length - 1), mutation, async (which, m) => {
        const seed = SEEDS[which];
        const bytes = apply(seed.bytes, m);
        const source = measuredSource(seed.name, bytes);
        probe.reset();
        const t0 = performance.now();
        const result = await exerciseFits(source);
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        expect(ms).toBeLessThan(HANG_MS);
        expect(CODES).toContain(result.outcome);
        for (const code of result.readErrors) expect(CODES).toContain(code);
        expect(source.largestRead).toBeLessThanOrEqual(source.size);
        expect(probe.largest()).toBeLessThanOrEqual(allocationBudget(bytes));
        seen.set(result.outcome, (seen.get(result.outcome) ?? 0) + 1);
      }),
      { seed: 1, numRuns: 300 },
    );
    // The mutations reach both good and bad outcomes (the property is not vacuous).
    expect(seen.get('ok')).toBeGreaterThan(30);
    expect(seen.get('truncated')).toBeGreaterThan(10);
    expect(seen.get('not-fits')).toBeGreaterThan(5);
  });
});
