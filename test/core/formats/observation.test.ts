import { describe, expect, it } from 'vitest';
import { Header } from '../../../src/core/fits/header.ts';
import type { HeaderValue } from '../../../src/core/fits/types.ts';
import { observedAirFrame } from '../../../src/core/formats/frame.ts';
import { angleDeg, midExposureMjd, parseDate, parseSexagesimal, siteFromHeader } from '../../../src/core/formats/observation.ts';

const header = (cards: [string, HeaderValue, string?][]) =>
  new Header(cards.map(([keyword, value, comment]) => ({ keyword, value, ...(comment && { comment }) })));

describe('observation facts from headers', () => {
  it('parses sexagesimal text with signs, colons or blanks, and rejects what is not one', () => {
    expect(parseSexagesimal('-32 32 55.2')).toBeCloseTo(-(32 + 32 / 60 + 55.2 / 3600), 12);
    expect(parseSexagesimal('+00:11:56.2')).toBeCloseTo(11 / 60 + 56.2 / 3600, 12);
    expect(parseSexagesimal('05:54')).toBeCloseTo(5.9, 12);
    expect(parseSexagesimal('12.5')).toBe(12.5);
    expect(parseSexagesimal('12:61:00')).toBeUndefined();
    expect(parseSexagesimal('<b>x</b>')).toBeUndefined();
  });

  it('reads dates written with -, : or / (2dF writes 2000:12:03), with or without a time', () => {
    expect(parseDate('1858-11-17')).toEqual({ mjd: 0, hasTime: false });
    expect(parseDate('2000:12:03')?.mjd).toBe(51881);
    expect(parseDate('2002/08/13')?.mjd).toBe(52499);
    expect(parseDate('2021-02-13T05:38:21.4')?.mjd).toBeCloseTo(59258 + (5 + 38 / 60 + 21.4 / 3600) / 24, 10);
    expect(parseDate('13/08/2002')).toBeUndefined();
  });

  it('takes the middle of the exposure: UTSTART–UTEND across midnight, else start + exposure / 2; a bare date gives nothing', () => {
    expect(midExposureMjd(header([['UTDATE', '2015:12:17'], ['UTSTART', '23:50:00'], ['UTEND', '00:10:00']]))).toBeCloseTo(57373 + 1, 10);
    expect(midExposureMjd(header([['MJD-OBS', 55000.25], ['EXPTIME', 864]]))).toBeCloseTo(55000.255, 10);
    expect(midExposureMjd(header([['DATE-OBS', '2000:05:09']]))).toBeUndefined();
    expect(midExposureMjd(header([['MJD', 3], ['EXPTIME', 10]]))).toBeUndefined(); // not an MJD of an observation
    // an integer MJD labels the night; the dated start time is the time
    expect(midExposureMjd(header([['MJD', 52199], ['DATE-OBS', '2001-10-19T03:00:00']]))).toBeCloseTo(52201.125, 10);
  });

  it('angles: radians when the comment says so, sexagesimal RA in hours, out-of-range dropped', () => {
    const h = header([['RA', 0.0520486272, 'RA  in radians'], ['DEC', -0.5680814005, 'Dec in radians'], ['OBJRA', '11:36:06.36'], ['X', 'abc']]);
    expect(angleDeg(h, 'RA')).toBeCloseTo(2.98216667, 6);
    expect(angleDeg(h, 'DEC')).toBeCloseTo(-32.5486667, 6);
    expect(angleDeg(h, 'OBJRA', { hours: true })).toBeCloseTo(174.0265, 4);
    expect(angleDeg(h, 'X')).toBeUndefined();
  });

  it('site: header coordinates (west-positive longitudes turned east-positive), else the telescope named, else the fallback', () => {
    const mdm = header([['OBSLONG', 111.616111, 'Observatory Longitude (degrees west)'], ['OBSLAT', 31.951667], ['OBSELEV', 1925]]);
    expect(siteFromHeader(mdm)).toMatchObject({ lon: -111.616111, lat: 31.951667, height: 1925 });
    const lt = header([['LONGITUD', -17.8792, '[degrees West -ve]'], ['LATITUDE', 28.7624]]);
    expect(siteFromHeader(lt)?.lon).toBe(-17.8792);
    expect(siteFromHeader(header([['TELESCOP', 'Anglo-Australian Telescope']]))?.name).toBe('Anglo-Australian Telescope');
    expect(siteFromHeader(header([]), 'UKST')?.name).toMatch(/Schmidt/);
    expect(siteFromHeader(header([]))).toBeUndefined();
  });

  it('frame: VACUUM and HELIO keywords override the instrument practice; DO_HELIO/DO_CMB become wants', () => {
    expect(observedAirFrame([header([])], '2dF')).toMatchObject({ medium: 'air', mediumFrom: 'instrument', velocity: 'topocentric', velocityFrom: 'instrument' });
    const f = observedAirFrame([header([['VACUUM', true], ['HELIO', true], ['DO_CMB', true]])], 'AAOmega');
    expect(f).toMatchObject({ medium: 'vacuum', mediumFrom: 'keyword', velocity: 'heliocentric', velocityFrom: 'keyword', wants: { cmb: true } });
  });
});
