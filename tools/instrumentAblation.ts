/**
 * What each part of the "other instrument" profile buys on a development set
 * (default test/fixtures/external): the set scored with every spectrum treated
 * like SDSS (the state before), then adding masks, noise matching, the weight
 * floor and the eigenspectrum fit one at a time, then the full profile with
 * each part left out, and the sky-mask width. SDSS-like files keep their
 * profile throughout. Also the 85 SDSS spectra forced through the full "other"
 * profile, as a check that it does not only fit the development set.
 *
 *   npm run ablation [-- --set DIR] [--out results/instrument-ablation.json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { summarize, type SetCounts } from '../src/core/evaluate/setScore.ts';
import { instrumentProfile, OTHER_PROFILE, SDSS_PROFILE, type InstrumentProfile } from '../src/core/preprocess/instrumentProfile.ts';
import type { Spectrum } from '../src/core/types.ts';
import { evaluateSet } from './evalSet.ts';
import { loadAnalyzer } from './lib/nodeModels.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const set = arg('--set', 'test/fixtures/external');
const out = arg('--out', 'results/instrument-ablation.json');

type Part = Partial<Omit<InstrumentProfile, 'name' | 'sdssLike'>>;
const none: Part = { estimator: 'encoder', masks: {}, measureNoise: false, weightFloor: 0 };
const full: Part = { ...OTHER_PROFILE };

/** Profiles for non-SDSS-like files built from `part`; SDSS-like files keep theirs. */
const variant = (part: Part) => (s: Spectrum): InstrumentProfile => {
  const own = instrumentProfile(s);
  return own.sdssLike ? own : { ...own, ...part, masks: { ...(part.masks ?? {}) } };
};

const VARIANTS: [string, (s: Spectrum) => InstrumentProfile][] = [
  ['every file treated like SDSS (before)', () => ({ ...SDSS_PROFILE })],
  ['SDSS-like files as SDSS, others: nothing yet', variant(none)],
  ['+ sky, telluric and edge masks', variant({ ...none, masks: full.masks })],
  ['+ 0.1 RMS weight floor', variant({ ...none, masks: full.masks, weightFloor: full.weightFloor })],
  ['+ eigenspectrum fit (= the full profile)', variant(full)],
  ['full profile without the masks', variant({ ...full, masks: {} })],
  ['full profile with errors scaled to the scatter (off by default)', variant({ ...full, measureNoise: true })],
  ['full profile without the floor', variant({ ...full, weightFloor: 0 })],
  ['full profile with the encoder instead of the fit', variant({ ...full, estimator: 'encoder' })],
  ...[0, 8, 10, 12].map((w): [string, (s: Spectrum) => InstrumentProfile] => [
    `full profile, sky mask ±${w} Å (default ±${full.masks!.skyLineHalfWidthA})`,
    variant({ ...full, masks: { ...full.masks, skyLineHalfWidthA: w } }),
  ]),
];

const analyzer = await loadAnalyzer('encoder');
const rows: { variant: string; counts: SetCounts }[] = [];
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)} %` : '—');
console.log(`set: ${set}; right = class and |Δz|/(1+z) < 1e-3 (QSO 3e-3)\n`);
console.log('| variant | read | right | ≤ 3e-4 | wrong, no flag | right but flagged | failed obs. flagged |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const line = (name: string, c: SetCounts) =>
  console.log(`| ${name} | ${c.read}/${c.spectra} | ${c.right}/${c.scored} (${pct(c.right, c.scored)}) | ${c.within3e4} | ${c.wrongUnflagged} | ${c.rightFlagged} (${pct(c.rightFlagged, c.right)}) | ${c.noTruthFlagged}/${c.noTruth} |`);
for (const [name, profileFor] of VARIANTS) {
  const counts = summarize(await evaluateSet(set, analyzer, { profileFor })).overall;
  rows.push({ variant: name, counts });
  line(name, counts);
}
const sdssAsOther = summarize(await evaluateSet('test/fixtures/sdss', analyzer, { profileFor: (s) => ({ ...OTHER_PROFILE, masks: { ...OTHER_PROFILE.masks }, name: `${s.meta.format} as other` }) })).overall;
const sdssOwn = summarize(await evaluateSet('test/fixtures/sdss', analyzer)).overall;
console.log('\n85 SDSS spectra (test/fixtures/sdss):\n');
console.log('| variant | read | right | ≤ 3e-4 | wrong, no flag | right but flagged | failed obs. flagged |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
line('SDSS profile (encoder)', sdssOwn);
line('forced through the "other" profile', sdssAsOther);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ set, variants: rows, sdss: { own: sdssOwn, asOther: sdssAsOther } }, null, 1) + '\n');
console.log(`\nwritten ${out}`);
