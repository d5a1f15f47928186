/** Which families each file was given: switching runs only what is missing; cancelled or failed work is run again. */
import { describe, expect, it } from 'vitest';
import { createFamilyLedger } from '../../src/state/familyLedger.ts';

describe('family ledger', () => {
  it('a file given the encoder misses only the UNet when both are wanted', () => {
    const l = createFamilyLedger();
    l.submitted(1, [10, 11], ['encoder']);
    expect(l.familiesOf(1)).toEqual(['encoder']);
    expect(l.missing(10, ['encoder', 'unet'])).toEqual(['unet']);
    expect(l.missing(12, ['encoder'])).toEqual(['encoder']);
    l.fileDone(1, 10, false);
    expect(l.missing(10, ['encoder'])).toEqual([]);
  });

  it('a file cancelled before it finished, or a whole cancelled job, forgets the job families', () => {
    const l = createFamilyLedger();
    l.submitted(1, [10], ['encoder']);
    l.fileDone(1, 10, false);
    l.submitted(2, [10, 11, 12], ['unet']);
    l.fileDone(2, 11, true);
    expect(l.missing(11, ['unet'])).toEqual(['unet']);
    l.fileDone(2, 10, false);
    l.cancelJob(2);
    expect(l.missing(10, ['encoder', 'unet'])).toEqual([]);
    expect(l.missing(12, ['encoder', 'unet'])).toEqual(['encoder', 'unet']);
    // Reports after the cancel change nothing.
    l.fileDone(2, 12, true);
    expect(l.missing(10, ['unet'])).toEqual([]);
  });

  it('a family whose models failed to load is missing again; forgotten files miss everything', () => {
    const l = createFamilyLedger();
    l.submitted(1, [10], ['encoder', 'unet']);
    l.fileDone(1, 10, false);
    l.failed(10, 'unet');
    expect(l.missing(10, ['encoder', 'unet'])).toEqual(['unet']);
    l.forget([10]);
    expect(l.missing(10, ['encoder'])).toEqual(['encoder']);
  });
});
