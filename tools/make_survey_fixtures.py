#!/usr/bin/python3
"""Write the survey-layout fixtures that have no real file in test/fixtures/external/.

Run with Debian's python (astropy 5.2, numpy):  /usr/bin/python3 tools/make_survey_fixtures.py

Sibling of tools/make_format_fixtures.py (whose helpers it uses): each file's
flux is a REAL SDSS DR16 spectrum of /work/shared/data/sdss interpolated onto
the layout's own grid (air wavelengths built with IDL airtovac's Ciddor
formula, as 2dfdr/IRAF layouts are air), so class and z are known. Layouts
follow the astropy/specutils default loaders (gama.py GAMA_CONFIG and
GAMA-LT, sixdfgs_reader.py 6dFGS-tabular, gama.py GAMA-2SLAQ-QSO and
GAMA-WiggleZ, wigglez.py with dc_common.py's EXTNAME roles) and the
IRAF onedspec multispec WCS (WAT2 specN = "ap beam dtype w1 dw nw z aplow
aphigh"). Expected values go to test/fixtures/formats/surveys.json in the
shape of truth.json.
"""
import json
import os

import numpy as np
from astropy.io import fits

from make_format_fixtures import OUT, air_to_vac, f32, inv, inv_sq, load, onto, spots, truth_of, write

GALAXY = 'spec-0375-52140-0356.fits'  # GALAXY z = 0.04507
QSO = 'spec-0564-52224-0581.fits'  # QSO z = 0.5165
STAR = 'spec-3245-54894-0072.fits'  # STAR


def air_grid(start, step, npix):
    air = start + step * np.arange(npix)
    return air, air_to_vac(air)


def on_air_grid(name, start, step, npix):
    """A real SDSS spectrum interpolated onto a linear air grid: (source, air, vacuum, flux, ivar)."""
    src = load(name)
    air, vac = air_grid(start, step, npix)
    f, iv = onto(src, vac)
    return src, air, vac, f, iv


def with_air(sp, air):
    for p in sp:
        p['airWavelength'] = float(air[p['pixel']])
    return sp


def gama(expected):
    """GAMA AAOmega: primary 5 rows (calibrated flux 1e-17, σ, raw counts, raw σ, sky), linear air WCS."""
    npix, step, crpix = 2400, 2.1, 1200.0
    src, air, vac, f, iv = on_air_grid(GALAXY, 3730.0, step, npix)
    sigma = np.where(iv > 0, 1 / np.sqrt(np.where(iv > 0, iv, 1)), 0).astype(np.float32)
    data = np.stack([f, sigma, f * 40, sigma * 40, np.full(npix, 12.0, np.float32)]).astype(np.float32)
    h = fits.PrimaryHDU(data)
    for k, v in [('ORIGIN', 'GAMA'), ('TELESCOP', 'AAT'), ('INSTRUME', 'AAOmega'), ('CRVAL1', float(air[int(crpix) - 1])),
                 ('CD1_1', step), ('CRPIX1', crpix), ('CTYPE1', 'Wavelength'), ('CUNIT1', 'Angstrom'),
                 ('SPECID', 'G12_Y1_DS1_123'), ('SURVEY', 'GAMA'), ('RA', 175.2), ('DEC', -0.5), ('Z', 0.04507),
                 ('NQ', 4), ('GAMANAME', 'GAMAJ114048.00-003000.0'), ('CATAID', 12345), ('DATE-OBS', '2010-03-10'),
                 ('UTSTART', '13:00:00'), ('UTEND', '13:30:00'), ('BUNIT', '10^-17 erg/s/cm^2/A')]:
        h.header[k] = v
    write([h], 'gama.fits')
    sp = with_air(spots(vac, data[0], inv_sq(data[1])), air)
    expected['gama.fits'] = {'format': 'gama', 'count': 1, 'spectra': [{
        'index': 0, 'id': 'G12_Y1_DS1_123', 'nPixels': npix, **truth_of(src), 'fileTruth': {'z': 0.04507},
        'ra': 175.2, 'dec': -0.5, 'spots': sp}]}


def frodospec(expected):
    """Liverpool FRODOSpec (GAMA-LT): 1-D primary, CRVAL/CDELT/CRPIX without the axis number, no error."""
    npix, step = 2400, 2.0
    src, air, vac, f, _ = on_air_grid(GALAXY, 4000.0, step, npix)
    h = fits.PrimaryHDU(f)
    for k, v in [('ORIGIN', 'Liverpool JMU'), ('TELESCOP', 'Liverpool Telescope'), ('INSTRUME', 'FRODOSpec'),
                 ('CRVAL', 4000.0), ('CDELT', step), ('CRPIX', 1.0), ('OBJECT', 'GAMA-LT-1'),
                 ('GAMANAME', 'GAMAJ090000.00+010000.0'), ('Z', 0.04507), ('NQ', 3), ('RA', '09:00:00.0'),
                 ('DEC', '+01:00:00'), ('MJD', 55500.9), ('EXPTIME', 1800.0)]:
        h.header[k] = v
    write([h], 'frodospec.fits')
    sp = with_air(spots(vac, f, np.ones(npix)), air)
    expected['frodospec.fits'] = {'format': 'frodospec', 'count': 1, 'spectra': [{
        'index': 0, 'id': 'GAMA-LT-1', 'nPixels': npix, **truth_of(src), 'fileTruth': {'z': 0.04507},
        'ra': 135.0, 'dec': 1.0, 'spots': sp}]}


def sixdfgs_tables(expected):
    """6dFGS table variant: NAXIS = 0 primary (OBSRA, OBSDEC, Z, Z_HELIO, QUALITY) + WAVE/FLUX table; and FLUX only + WCS."""
    npix, step = 2800, 1.6
    src, air, vac, f, _ = on_air_grid(GALAXY, 3900.0, step, npix)
    f = f * 300
    for fname, with_wave in [('sixdfgs_table.fits', True), ('sixdfgs_table_fluxonly.fits', False)]:
        p = fits.PrimaryHDU()
        for k, v in [('OBSRA', 10.5), ('OBSDEC', -35.25), ('Z', 0.04502), ('Z_HELIO', 0.04507), ('QUALITY', 4),
                     ('TARGET', 'g0042000-351500')]:
            p.header[k] = v
        cols = [fits.Column('FLUX', 'E', unit='counts', array=f)]
        if with_wave:
            cols = [fits.Column('WAVE', 'E', unit='Angstroms', array=air.astype(np.float32))] + cols
        t = fits.BinTableHDU.from_columns(cols)
        if not with_wave:
            t.header['CRVAL1'] = 3900.0
            t.header['CDELT1'] = step
            t.header['CRPIX1'] = 1.0
        write([p, t], fname)
        wl = air.astype(np.float32).astype(np.float64) if with_wave else air
        sp = with_air(spots(air_to_vac(wl), f, np.ones(npix)), wl)
        expected[fname] = {'format': '6dfgs-table', 'count': 1, 'spectra': [{
            'index': 0, 'id': 'g0042000-351500', 'nPixels': npix, **truth_of(src),
            'fileTruth': {'z': 0.04507}, 'ra': 10.5, 'dec': -35.25, 'spots': sp}]}


def wat_cards(prefix, text):
    """IRAF WAT cards: the attribute string cut into 68-character pieces (blanks at a cut are kept)."""
    pieces = [text[i:i + 68] for i in range(0, len(text), 68)]
    return [('%s_%03d' % (prefix, i + 1), p) for i, p in enumerate(pieces)]


def iraf_multispec(expected):
    """IRAF multispec: 2 apertures × 4 bands (spectrum, raw, background, sigma); spec1 linear, spec2 log-linear with z."""
    npix = 2600
    gal, qso = load(GALAXY), load(QSO)
    air1, vac1 = air_grid(3700.0, 2.0, npix)
    # aperture 2: log10-linear, written with a Doppler factor z = 0.001 (λ = 10^(w1 + dw·(p−1)) / (1 + z))
    w1, dw, zdop = np.log10(3750.0), 0.00012, 0.001
    air2 = 10 ** (w1 + dw * np.arange(npix)) / (1 + zdop)
    vac2 = air_to_vac(air2)
    data = np.zeros((4, 2, npix), np.float32)
    for a, (src, vac, scale) in enumerate([(gal, vac1, 1e-17), (qso, vac2, 1e-17)]):
        f, iv = onto(src, vac)
        sig = np.where(iv > 0, 1 / np.sqrt(np.where(iv > 0, iv, 1)), 0)
        data[0, a] = f * scale
        data[1, a] = f * scale * 1.01
        data[2, a] = 3e-17
        data[3, a] = sig * scale
    h = fits.PrimaryHDU(data)
    spec1 = 'spec1 = "1 1 0 3700. 2. %d 0. 10.50 20.50"' % npix
    spec2 = 'spec2 = "2 2 1 %.10f %.5f %d %.3f 30.25 40.75"' % (w1, dw, npix, zdop)
    # pad after the first attribute so that the first 68-character piece ends in a blank (as IRAF writes them)
    pad = next(k for k in range(68) if ('wtype=multispec ' + ' ' * k + spec1 + ' ' + spec2)[67] == ' ')
    wat2 = 'wtype=multispec ' + ' ' * pad + spec1 + ' ' + spec2
    cards = [('WCSDIM', 3), ('CTYPE1', 'MULTISPE'), ('CTYPE2', 'MULTISPE'), ('CD1_1', 1.0), ('CD2_2', 1.0),
             ('CD3_3', 1.0), ('LTM1_1', 1.0), ('LTM2_2', 1.0), ('LTM3_3', 1.0),
             ('WAT0_001', 'system=multispec'), ('WAT1_001', 'wtype=multispec label=Wavelength units=angstroms'),
             ('WAT3_001', 'wtype=linear')] + wat_cards('WAT2', wat2) + [
        ('BANDID1', 'spectrum - background fit, weights variance, clean no'),
        ('BANDID2', 'raw - background fit, weights none, clean no'),
        ('BANDID3', 'background - background fit'),
        ('BANDID4', 'sigma - background fit, weights variance, clean no'),
        ('APNUM1', '1 1 10.50 20.50'), ('APNUM2', '2 2 30.25 40.75'),
        ('OBJECT', 'multi'), ('OBSERVAT', 'MDM'), ('TELESCOP', '2.4m Hiltner'), ('INSTRUME', 'OSMOS'),
        ('RA', '05:54:53.6'), ('DEC', '+46:26:21.6'), ('EQUINOX', 2000.0),
        ('DATE-OBS', '2021-02-13T05:38:21.4'), ('EXPTIME', 1200.0), ('BUNIT', 'erg/cm2/s/A')]
    for k, v in cards:
        h.header[k] = v
    path = write([h], 'iraf_multispec.fits')
    # a WAT2 piece must end in a blank for the test to mean something (IRAF keeps it; readers must pad to 68)
    assert any(p.endswith(' ') for _, p in wat_cards('WAT2', wat2)), 'no WAT2 piece ends in a blank'
    spectra = []
    for a, (src, vac, air) in enumerate([(gal, vac1, air1), (qso, vac2, air2)]):
        sp = with_air(spots(vac, data[0, a], inv_sq(data[3, a])), air)
        spectra.append({'index': a, 'id': 'multi-ap%d' % (a + 1), 'nPixels': npix, **truth_of(src),
                        'objectName': 'multi', 'spots': sp})
    expected['iraf_multispec.fits'] = {'format': 'iraf', 'count': 2, 'spectra': spectra}
    return path


def twoslaq_qso(expected):
    """2SLAQ QSO (GAMA-2SLAQ-QSO): int16 primary with BSCALE/BZERO, CDELT1 WCS, VARIANCE and BADPIX extensions."""
    npix, step = 1024, 4.3
    src, air, vac, f, iv = on_air_grid(QSO, 3700.0, step, npix)
    counts = f * 20.0
    bscale, bzero = 0.05, 100.0
    raw = np.clip(np.round((counts - bzero) / bscale), -32768, 32767).astype(np.int16)
    stored = raw.astype(np.float64) * bscale + bzero
    var = np.where(iv > 0, 400.0 / np.where(iv > 0, iv, 1), 0).astype(np.float32)
    bad = (iv <= 0).astype(np.uint8)
    bad[500:503] = 1
    h = fits.PrimaryHDU(raw)
    h.header['BSCALE'] = bscale
    h.header['BZERO'] = bzero
    for k, v in [('INSTRUME', '2dF'), ('TELESCOP', 'Anglo-Australian Telescope'), ('SURVEY', '2SLAQ-QSO'),
                 ('OBJECT', 'J102000.00-003000.0'), ('CRVAL1', 3700.0), ('CDELT1', step), ('CRPIX1', 1.0),
                 ('RA', 155.0), ('DEC', -0.5), ('Z', 0.5165), ('NQ', 4), ('GAMANAME', 'GAMAJ102000.00-003000.0'),
                 ('UTDATE', '2005:03:10'), ('UTSTART', '12:00:00'), ('UTEND', '13:00:00')]:
        h.header[k] = v
    hv = fits.ImageHDU(var, name='VARIANCE')
    hb = fits.ImageHDU(bad, name='BADPIX')
    write([h, hv, hb], 'twoslaq_qso.fits')
    ivar = inv(var)
    ivar[bad != 0] = 0
    sp = with_air(spots(vac, stored, ivar), air)
    expected['twoslaq_qso.fits'] = {'format': '2qz', 'count': 1, 'spectra': [{
        'index': 0, 'id': 'J102000.00-003000.0', 'nPixels': npix, **truth_of(src), 'fileTruth': {'z': 0.5165},
        'badPixels': [500, 501, 502], 'ra': 155.0, 'dec': -0.5, 'spots': sp}]}


def wigglez(expected):
    """WiggleZ (AAOmega): DR file (REFCODE; EXTNAMEs VARIANCE, BADPIX, SKY) and GAMA copy (HDU1 unnamed variance, HDU2 skipped)."""
    npix, step = 4000, 1.2
    src, air, vac, f, iv = on_air_grid(GALAXY, 4000.0, step, npix)
    counts = (f * 30).astype(np.float32)
    var = np.where(iv > 0, 900.0 / np.where(iv > 0, iv, 1), 0).astype(np.float32)
    for fname, dr in [('wigglez.fits', True), ('wigglez_gama.fits', False)]:
        h = fits.PrimaryHDU(counts)
        cards = [('CRVAL1', 4000.0), ('CDELT1', step), ('CRPIX1', 1.0), ('CTYPE1', 'Wavelength'), ('CUNIT1', 'Angstrom'),
                 ('OBJECT', 'R01J000000+000000'), ('RA', 0.1), ('DEC', 0.2), ('Z', 0.04507)]
        cards += [('REFCODE', '2018MNRAS.474.4151D'), ('INSTRUME', 'AAOmega'), ('QOP', 4)] if dr else \
                 [('SURVEY', 'WiggleZ'), ('NQ', 4), ('GAMANAME', 'GAMAJ000024.00+001200.0')]
        for k, v in cards:
            h.header[k] = v
        if dr:
            extra = [fits.ImageHDU(var, name='VARIANCE'), fits.ImageHDU((iv <= 0).astype(np.uint8), name='BADPIX'),
                     fits.ImageHDU(np.full(npix, 7.0, np.float32), name='SKY')]
        else:
            extra = [fits.ImageHDU(var), fits.ImageHDU(np.full(npix, 7.0, np.float32))]
        write([h] + extra, fname)
        sp = with_air(spots(vac, counts, inv(var)), air)
        expected[fname] = {'format': '2qz', 'count': 1, 'spectra': [{
            'index': 0, 'id': 'R01J000000+000000', 'nPixels': npix, **truth_of(src), 'fileTruth': {'z': 0.04507},
            'ra': 0.1, 'dec': 0.2, 'spots': sp}]}


def main():
    expected = {}
    gama(expected)
    frodospec(expected)
    sixdfgs_tables(expected)
    iraf_multispec(expected)
    twoslaq_qso(expected)
    wigglez(expected)
    with open(os.path.join(OUT, 'surveys.json'), 'w') as fo:
        json.dump({'_doc': 'Written by tools/make_survey_fixtures.py; see test/fixtures/README.md.', 'files': expected},
                  fo, indent=1)
    for f in sorted(expected):
        print('%-32s %8d bytes' % (f, os.path.getsize(os.path.join(OUT, f))))


if __name__ == '__main__':
    main()
