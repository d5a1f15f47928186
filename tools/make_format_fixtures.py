#!/usr/bin/python3
"""Write the instrument-format test fixtures in test/fixtures/formats/.

Run with Debian's python (astropy 5.2, numpy):  /usr/bin/python3 tools/make_format_fixtures.py

Every fixture's flux is built from a REAL SDSS DR16 spectrum of
/work/shared/data/sdss (its class and redshift from truth.csv), copied or
interpolated onto the layout's own wavelength grid, so downstream tests can
check class and z. Layouts follow the official data models summarised in
shared/docs/FORMATS.md. Expected values (count, ids, truth, spot pixels) go
to test/fixtures/formats/truth.json for the TypeScript tests.

Interpolation onto a foreign grid (DESI, 2dF, WCS linear, generic table):
flux density linearly in wavelength; ivar linearly, 0 wherever a neighbouring
source pixel has ivar 0, scaled by (target pixel width / source pixel width)
so the noise per Å stays about the same. Outside the source's coverage:
flux 0 and ivar 0 (NaN for 2dF, which marks missing data that way).
"""
import csv
import gzip
import json
import os
import shutil

import numpy as np
from astropy.io import fits

SRC = '/work/shared/data/sdss'
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'formats')
SDSS_OUT = os.path.join(ROOT, 'test', 'fixtures', 'sdss')

TRUTH = {r['file']: r for r in csv.DictReader(open(os.path.join(SRC, 'truth.csv')))}

# 2 STAR, 2 GALAXY, 2 QSO real spectra copied as-is for the sdss-spec adapter tests.
SDSS_COPIES = [
    'spec-3188-54831-0169.fits', 'spec-2553-54631-0255.fits',  # STAR
    'spec-0783-52325-0322.fits', 'spec-1733-53047-0351.fits',  # GALAXY
    'spec-0564-52224-0581.fits', 'spec-7401-56808-0703.fits',  # QSO
]


# ---------------------------------------------------------------- helpers

def load(name):
    """A real SDSS spectrum: float64 loglam/wave, float32 flux/ivar/model, truth."""
    with fits.open(os.path.join(SRC, name)) as h:
        d = h[1].data
        loglam = np.asarray(d['loglam'], dtype=np.float64)
        t = TRUTH[name]
        return {
            'name': name,
            'loglam': loglam,
            'wave': 10.0 ** loglam,
            'flux': np.asarray(d['flux'], dtype=np.float32),
            'ivar': np.asarray(d['ivar'], dtype=np.float32),
            'model': np.asarray(d['model'], dtype=np.float32),
            'k0': int(round((loglam[0] - 3.5563) / 1e-4)),
            'class': t['class'], 'subclass': t['subclass'], 'z': float(t['z']),
        }


def on_lattice(src, coeff0, npix):
    """Source pixels on the SDSS log lattice starting at coeff0 (flux 0, ivar 0 where the source has none)."""
    k_start = int(round((coeff0 - 3.5563) / 1e-4))
    flux = np.zeros(npix, np.float32)
    ivar = np.zeros(npix, np.float32)
    model = np.zeros(npix, np.float32)
    for i in range(npix):
        j = k_start + i - src['k0']
        if 0 <= j < len(src['flux']):
            flux[i], ivar[i], model[i] = src['flux'][j], src['ivar'][j], src['model'][j]
    return flux, ivar, model


def onto(src, wave_vac, nan_outside=False):
    """Interpolate a source spectrum onto vacuum wavelengths `wave_vac` (see module doc)."""
    w, f, iv = src['wave'], src['flux'].astype(np.float64), src['ivar'].astype(np.float64)
    flux = np.interp(wave_vac, w, f)
    j = np.clip(np.searchsorted(w, wave_vac) - 1, 0, len(w) - 2)
    t = (wave_vac - w[j]) / (w[j + 1] - w[j])
    both = (iv[j] > 0) & (iv[j + 1] > 0)
    ivar = np.where(both, (1 - t) * iv[j] + t * iv[j + 1], 0.0)
    dsrc = w[j + 1] - w[j]
    dtgt = np.gradient(wave_vac)
    ivar = ivar * dtgt / dsrc
    outside = (wave_vac < w[0]) | (wave_vac > w[-1])
    flux[outside] = np.nan if nan_outside else 0.0
    ivar[outside] = 0.0
    return flux.astype(np.float32), ivar.astype(np.float32)


def air_to_vac(air):
    """IDL airtovac.pro (Ciddor 1996), iterated; λ in Å; < 2000 Å unchanged."""
    air = np.asarray(air, dtype=np.float64)
    vac = air.copy()
    for _ in range(3):
        s2 = (1e4 / vac) ** 2
        fact = 1 + 5.792105e-2 / (238.0185 - s2) + 1.67917e-3 / (57.362 - s2)
        vac = np.where(air >= 2000, air * fact, air)
    return vac


def spots(wave, flux, ivar, n=4, extra=()):
    """Expected values at a few good pixels: wavelength (vacuum Å as the reader must report it), flux, ivar."""
    good = np.flatnonzero((ivar > 0) & np.isfinite(flux))
    picks = [good[int(q * (len(good) - 1))] for q in np.linspace(0.1, 0.9, n)] + list(extra)
    return [{'pixel': int(i), 'wavelength': float(wave[i]), 'flux': float(flux[i]), 'ivar': float(ivar[i])}
            for i in picks]


def truth_of(src):
    return {'class': src['class'], 'z': src['z'], 'source': src['name']}


def write(hdus, fname):
    path = os.path.join(OUT, fname)
    fits.HDUList(hdus).writeto(path, overwrite=True, output_verify='exception')
    return path


def patch_cards(path, replacements):
    """Replace whole 80-byte header cards in place (for layouts astropy will not write)."""
    data = bytearray(open(path, 'rb').read())
    for old, new in replacements:
        old_b = old.ljust(80).encode('ascii')
        new_b = new.ljust(80).encode('ascii')
        assert len(new_b) == 80, new
        at = data.find(old_b)
        assert at >= 0 and at % 80 == 0, old
        data[at:at + 80] = new_b
    open(path, 'wb').write(bytes(data))


def card(key, value, comment=''):
    return str(fits.Card(key, value, comment))


def sigma_from_ivar(ivar):
    iv = np.asarray(ivar, dtype=np.float64)
    return np.where(iv > 0, 1.0 / np.sqrt(np.where(iv > 0, iv, 1.0)), 0.0).astype(np.float32)


def inv_sq(sigma):
    """1/σ² where σ > 0, else 0 (float64)."""
    s = np.asarray(sigma, dtype=np.float64)
    return np.where(s > 0, 1.0 / np.where(s > 0, s, 1.0) ** 2, 0.0)


def inv(var):
    """1/var where var > 0 and finite, else 0 (float64)."""
    v = np.asarray(var, dtype=np.float64)
    ok = np.isfinite(v) & (v > 0)
    return np.where(ok, 1.0 / np.where(ok, v, 1.0), 0.0)


def f32(x):
    return float(np.float32(x))


# ---------------------------------------------------------------- layouts

def sdss_spspec(expected):
    """DR7 spSpec: primary float image 5 × NPIX (flux, continuum-subtracted flux, sigma, mask, sky)."""
    src = load('spec-0783-52325-0322.fits')  # GALAXY, SDSS-I plate
    coeff0, npix = 3.5800, 3838
    flux, ivar, _ = on_lattice(src, coeff0, npix)
    sigma = sigma_from_ivar(ivar)
    mask = np.zeros(npix, np.float32)
    bad = [1000, 1001, 2500]
    mask[bad] = 2.0 ** 23  # BRIGHTSKY with sigma > 0: must still come out as bad
    cont = np.convolve(flux, np.ones(101) / 101, mode='same').astype(np.float32)
    img = np.vstack([flux, flux - cont, sigma, mask, np.zeros(npix, np.float32)]).astype(np.float32)
    h = fits.PrimaryHDU(img)
    hd = h.header
    for k, v, c in [
        ('TELESCOP', 'SDSS 2.5-M', ''), ('NAME', '52325-0783-322', ''), ('OBJTYPE', 'GALAXY', ''),
        ('PLATEID', 783, 'Plate ID'), ('MJD', 52325, 'MJD of observation'), ('FIBERID', 322, 'Fiber ID'),
        ('RAOBJ', 196.1234, '[deg]'), ('DECOBJ', 1.5678, '[deg]'),
        ('Z', src['z'], 'Redshift'), ('Z_ERR', 1.2e-5, ''), ('Z_CONF', 0.99, ''), ('Z_STATUS', 4, ''),
        ('Z_WARNIN', 0, 'Redshift warning flags'), ('SPEC_CLN', 2, 'Spectral classification (2 = galaxy)'),
        ('COEFF0', coeff0, 'Center wavelength (log10) of first pixel'),
        ('COEFF1', 1e-4, 'Log10 dispersion per pixel'),
        ('CRVAL1', coeff0, ''), ('CD1_1', 1e-4, ''), ('CRPIX1', 1.0, ''), ('CTYPE1', 'LINEAR', ''),
        ('DC-FLAG', 1, 'Log-linear flag'), ('AIRORVAC', 'vac', 'Vacuum wavelengths'),
        ('BUNIT', '1e-17 erg/cm/s^2/Ang', ''),
    ]:
        hd[k] = (v, c)
    lines = fits.BinTableHDU.from_columns([
        fits.Column('restWave', 'E', array=np.array([4862.68, 6564.61], np.float32)),
        fits.Column('z', 'E', array=np.array([src['z'], src['z']], np.float32)),
        fits.Column('height', 'E', array=np.array([10.0, 30.0], np.float32)),
    ])
    write([h, lines], 'sdss_spSpec.fit')
    wave = 10.0 ** (coeff0 + 1e-4 * np.arange(npix))
    iv_expect = inv_sq(sigma)
    iv_expect[bad] = 0.0
    expected['sdss_spSpec.fit'] = {
        'format': 'sdss-spspec', 'count': 1,
        'spectra': [{
            'index': 0, 'id': 'spSpec-52325-0783-322', 'nPixels': npix, **truth_of(src),
            'fileTruth': {'class': 'GALAXY', 'z': src['z']},
            'badPixels': bad,
            'spots': spots(wave, flux, iv_expect),
        }],
    }


def sdss_spplate(expected):
    """spPlate: HDU0 flux, 1 ivar, 2 and-mask, 3 or-mask, 4 dispersion, 5 plug map, 6 sky; one row per fibre."""
    names = ['spec-3188-54831-0169.fits', 'spec-1733-53047-0351.fits', 'spec-0564-52224-0581.fits']
    srcs = [load(n) for n in names]
    coeff0, npix, nfib = 3.5805, 3700, len(srcs)
    flux = np.zeros((nfib, npix), np.float32)
    ivar = np.zeros((nfib, npix), np.float32)
    andm = np.zeros((nfib, npix), np.int32)
    for r, s in enumerate(srcs):
        flux[r], ivar[r], _ = on_lattice(s, coeff0, npix)
    andm[1, 2000:2004] = 1 << 23  # BRIGHTSKY on fibre 2
    andm[:, :] |= np.where(ivar == 0, 1 << 18, 0).astype(np.int32)  # FULLREJECT where ivar = 0
    h0 = fits.PrimaryHDU(flux)
    for k, v in [('TELESCOP', 'SDSS 2.5-M'), ('PLATEID', 1733), ('MJD', 53047), ('NEXP', 3),
                 ('COEFF0', coeff0), ('COEFF1', 1e-4), ('DC-FLAG', 1), ('VACUUM', True),
                 ('BUNIT', '1E-17 erg/cm^2/s/Ang')]:
        h0.header[k] = v
    h1 = fits.ImageHDU(ivar)
    h2 = fits.ImageHDU(andm)
    h3 = fits.ImageHDU(andm.copy())
    h4 = fits.ImageHDU(np.ones((nfib, npix), np.float32))
    plug = fits.BinTableHDU.from_columns([
        fits.Column('OBJID', '5J', array=np.array([[1, 2, 3, 4, r] for r in range(nfib)], np.int32)),
        fits.Column('HOLETYPE', '8A', array=np.array(['OBJECT'] * nfib)),
        fits.Column('RA', 'D', array=np.array([180.1, 180.2, 180.3])),
        fits.Column('DEC', 'D', array=np.array([-1.1, -1.2, -1.3])),
        fits.Column('MAG', '5E', array=np.full((nfib, 5), 18.5, np.float32)),
        fits.Column('XFOCAL', 'D', array=np.array([10.0, 20.0, 30.0])),
        fits.Column('YFOCAL', 'D', array=np.array([-5.0, 5.0, 15.0])),
        fits.Column('SPECTROGRAPHID', 'J', array=np.array([1, 1, 1], np.int32)),
        fits.Column('FIBERID', 'J', array=np.array([1, 2, 3], np.int32)),
        fits.Column('PRIMTARGET', 'J', array=np.array([0, 64, 16], np.int32)),
        fits.Column('OBJTYPE', '10A', array=np.array(['STAR_BHB', 'GALAXY', 'QSO'])),
    ])
    h6 = fits.ImageHDU(np.zeros((nfib, npix), np.float32))
    write([h0, h1, h2, h3, h4, plug, h6], 'sdss_spPlate.fits')
    wave = 10.0 ** (coeff0 + 1e-4 * np.arange(npix))
    spectra = []
    for r, s in enumerate(srcs):
        iv = np.where(andm[r] != 0, 0, ivar[r])
        spectra.append({
            'index': r, 'id': 'spec-1733-53047-%04d' % (r + 1), 'nPixels': npix, **truth_of(s),
            'badPixels': [2000, 2001, 2002, 2003] if r == 1 else [],
            'spots': spots(wave, flux[r], iv),
        })
    expected['sdss_spPlate.fits'] = {'format': 'sdss-spplate', 'count': nfib, 'spectra': spectra}


DESI_ARMS = {'B': (3600.0, 2751), 'R': (5760.0, 2326), 'Z': (7520.0, 2881)}


def desi(expected, fname, names, arms, coadd):
    """DESI coadd-*/spectra-*: FIBERMAP, per-arm WAVELENGTH/FLUX/IVAR/MASK images read by EXTNAME."""
    srcs = [load(n) for n in names]
    n = len(srcs)
    if coadd:
        tids = np.array([39633362582488123, 39627652591190017][:n], np.int64)
    else:
        tids = np.array([39633345515851234, 39633345515855678][:n], np.int64)
    h0 = fits.PrimaryHDU()
    for k, v in [('SPGRP', 'healpix'), ('SPGRPVAL', 26065), ('HPXPIXEL', 26065), ('SURVEY', 'sv3'),
                 ('PROGRAM', 'dark'), ('LONGSTRN', 'OGIP 1.0')]:
        h0.header[k] = v
    if coadd:
        h0.header['INFIL000'] = 'spectra-sv3-dark-26065.fits'
    cols = [
        fits.Column('TARGETID', 'K', array=tids),
        fits.Column('COADD_FIBERSTATUS' if coadd else 'FIBERSTATUS', 'J', array=np.zeros(n, np.int32)),
        fits.Column('TARGET_RA', 'D', array=np.array([150.1, 150.2][:n])),
        fits.Column('TARGET_DEC', 'D', array=np.array([2.1, 2.2][:n])),
        fits.Column('OBJTYPE', '3A', array=np.array(['TGT'] * n)),
        fits.Column('DESI_TARGET', 'K', array=np.array([1, 4][:n], np.int64)),
        fits.Column('FLUX_R', 'E', array=np.array([12.0, 3.0][:n], np.float32)),
    ]
    if not coadd:
        cols += [fits.Column('EXPID', 'J', array=np.array([120001, 120002][:n], np.int32)),
                 fits.Column('NIGHT', 'J', array=np.array([20210405, 20210406][:n], np.int32))]
    fm = fits.BinTableHDU.from_columns(cols, name='FIBERMAP')
    hdus = [h0, fm]
    if coadd:
        hdus.append(fits.BinTableHDU.from_columns([
            fits.Column('TARGETID', 'K', array=tids),
            fits.Column('EXPID', 'J', array=np.array([120001, 120002][:n], np.int32)),
        ], name='EXP_FIBERMAP'))
    per_arm = {}
    for arm in arms:
        start, npix = DESI_ARMS[arm]
        wave = start + 0.8 * np.arange(npix)
        flux = np.zeros((n, npix), np.float32)
        ivar = np.zeros((n, npix), np.float32)
        for r, s in enumerate(srcs):
            flux[r], ivar[r] = onto(s, wave)
        mask = np.zeros((n, npix), np.uint32)
        if arm == 'R':
            mask[0, 1000:1003] = 2 ** 31 + 8  # high bit set: exercises BZERO 2^31 → uint32
        per_arm[arm] = (wave, flux, ivar, mask)
        w = fits.ImageHDU(wave.astype(np.float64), name=f'{arm}_WAVELENGTH')
        w.header['BUNIT'] = 'Angstrom'
        f = fits.ImageHDU(flux, name=f'{arm}_FLUX')
        f.header['BUNIT'] = '10**-17 erg/(s cm2 Angstrom)'
        iv = fits.ImageHDU(ivar, name=f'{arm}_IVAR')
        iv.header['BUNIT'] = '10**+34 (s2 cm4 Angstrom2) / erg2'
        m = fits.ImageHDU(mask, name=f'{arm}_MASK', uint=True)
        hdus += [w, f, iv, m]
    path = write(hdus, fname)
    with fits.open(path) as chk:  # the file must carry uint32 as BITPIX 32 + BZERO 2^31, as DESI's do
        hm = chk[f'{arms[0]}_MASK'].header
        assert hm['BITPIX'] == 32 and hm['BZERO'] == 2147483648, hm
    spectra = []
    for r, s in enumerate(srcs):
        sp = []
        for arm in arms:
            wave, flux, ivar, mask = per_arm[arm]
            lo = wave[0] + 120 if arm != 'B' else wave[0]
            hi = wave[-1] - 120 if arm != 'Z' else wave[-1]
            inner = (wave > lo) & (wave < hi)  # away from arm overlaps
            iv = np.where(mask[r] != 0, 0, ivar[r])
            idx = np.flatnonzero(inner & (iv > 0))
            for i in idx[[len(idx) // 4, len(idx) // 2, 3 * len(idx) // 4]]:
                sp.append({'arm': arm, 'pixel': int(i), 'wavelength': float(wave[i]),
                           'flux': float(flux[r, i]), 'ivar': float(iv[i])})
        # one pixel in the B/R overlap: inverse-variance weighted merge
        if 'B' in arms and 'R' in arms:
            wb, fb, ib, _ = per_arm['B']
            wr, fr, ir, _ = per_arm['R']
            i_b = int(np.argmin(np.abs(wb - 5780.0)))
            i_r = int(np.argmin(np.abs(wr - wb[i_b])))
            assert abs(wb[i_b] - wr[i_r]) < 1e-9
            a, b = float(ib[r, i_b]), float(ir[r, i_r])
            merged = (a * float(fb[r, i_b]) + b * float(fr[r, i_r])) / (a + b)
            sp.append({'arm': 'B+R', 'wavelength': float(wb[i_b]), 'flux': merged, 'ivar': a + b})
        bad = []
        if r == 0 and 'R' in arms:
            bad = [float(per_arm['R'][0][i]) for i in range(1000, 1003)]
        spectra.append({
            'index': r, 'id': str(tids[r]) if coadd else '%d-%d' % (tids[r], [120001, 120002][r]),
            'targetId': str(tids[r]), **truth_of(s), 'badWavelengths': bad, 'spots': sp,
            'wavelengthRange': [float(DESI_ARMS[arms[0]][0]),
                                float(DESI_ARMS[arms[-1]][0] + 0.8 * (DESI_ARMS[arms[-1]][1] - 1))],
        })
    expected[fname] = {'format': 'desi-coadd' if coadd else 'desi-spectra', 'count': n, 'spectra': spectra}


LAMOST_COEFF0, LAMOST_NPIX = 3.5682, 3904


def lamost_header(h, src, obsid, desig, z_err):
    for k, v, c in [
        ('TELESCOP', 'LAMOST', 'GuoShouJing Telescope'), ('DATA_V', 'LAMOST DR5', ''),
        ('OBSID', obsid, 'Unique number ID of this spectrum'), ('DESIG', desig, ''),
        ('RA', 116.283, '[deg]'), ('DEC', 20.115, '[deg]'), ('FIBERID', 92, ''), ('FIB_TYPE', 'Obj', ''),
        ('OBJTYPE', 'Star' if src['class'] == 'STAR' else src['class'].title(), ''),
        ('CLASS', src['class'], 'Class of object'), ('SUBCLASS', src['subclass'] or 'Non', ''),
        ('Z', src['z'], 'Redshift of object'), ('Z_ERR', z_err, 'Redshift error'),
        ('HELIO', True, ''), ('HELIO_RV', 12.3, '[km/s]'), ('VACUUM', True, ''),
        ('WFITTYPE', 'LOG-LINEAR', ''), ('COEFF0', LAMOST_COEFF0, ''), ('COEFF1', 1e-4, ''),
        ('CRVAL1', LAMOST_COEFF0, ''), ('CD1_1', 1e-4, ''), ('CRPIX1', 1, ''), ('CTYPE1', 'LINEAR', ''),
        ('DC-FLAG', 1, ''), ('NORM', 0, ''),
    ]:
        h[k] = (v, c)


def lamost_arrays(src, scale):
    flux, ivar, _ = on_lattice(src, LAMOST_COEFF0, LAMOST_NPIX)
    flux = (flux * scale).astype(np.float32)  # LAMOST fluxes are in relative units
    ivar = (ivar / scale ** 2).astype(np.float32)
    wave = (10.0 ** (LAMOST_COEFF0 + 1e-4 * np.arange(LAMOST_NPIX))).astype(np.float32)
    andm = np.zeros(LAMOST_NPIX, np.float32)
    andm[[1500, 1501]] = 4.0
    return wave, flux, ivar, andm


def lamost_old(expected):
    """LAMOST LRS DR1–DR7: primary image 5 × 3904 (flux, ivar, wavelength, andmask, ormask)."""
    src = load('spec-1220-52723-0366.fits')  # GALAXY
    wave, flux, ivar, andm = lamost_arrays(src, 37.0)
    img = np.vstack([flux, ivar, wave, andm, andm]).astype(np.float32)
    h = fits.PrimaryHDU(img)
    lamost_header(h.header, src, 101511092, 'J074507.92+200654.0', 3.1e-5)
    path = write([h], 'lamost_old.fits')
    with open(path, 'rb') as fi, gzip.GzipFile(path + '.gz', 'wb', mtime=0) as fo:
        shutil.copyfileobj(fi, fo)
    os.remove(path)  # LAMOST distributes .fits.gz; the gzip copy is the fixture
    iv = np.where(andm != 0, 0, ivar)
    expected['lamost_old.fits.gz'] = {
        'format': 'lamost-lrs', 'count': 1,
        'spectra': [{'index': 0, 'id': 'lamost-101511092', 'nPixels': LAMOST_NPIX, **truth_of(src),
                     'fileTruth': {'class': 'GALAXY', 'z': src['z'], 'zErr': 3.1e-5},
                     'badPixels': [1500, 1501], 'spots': spots(wave.astype(np.float64), flux, iv)}],
    }


def lamost_new(expected):
    """LAMOST LRS DR8+: NAXIS=0 primary (with stale BITPIX/NAXISn cards) + COADD 1-row vector table."""
    src = load('spec-3286-54910-0090.fits')  # STAR K3
    wave, flux, ivar, andm = lamost_arrays(src, 0.021)
    h0 = fits.PrimaryHDU()
    lamost_header(h0.header, src, 403516018, 'J080021.35+465629.6', -9999.0)
    h0.header['DATA_V'] = 'LAMOST DR10'
    h0.header['XNAXIS1'] = (LAMOST_NPIX, 'placeholder')
    h0.header['XNAXIS2'] = (5, 'placeholder')
    n = LAMOST_NPIX
    coadd = fits.BinTableHDU.from_columns([
        fits.Column('FLUX', f'{n}E', array=flux[None, :]),
        fits.Column('IVAR', f'{n}E', array=ivar[None, :]),
        fits.Column('WAVELENGTH', f'{n}E', array=wave[None, :]),
        fits.Column('ANDMASK', f'{n}E', array=andm[None, :]),
        fits.Column('ORMASK', f'{n}E', array=andm[None, :]),
        fits.Column('NORMALIZATION', f'{n}E', array=np.full((1, n), -9999.0, np.float32)),
    ], name='COADD')
    path = write([h0, coadd], 'lamost_new.fits')
    # LAMOST DR10 primaries say NAXIS = 0 yet carry BITPIX = 16, NAXIS1, NAXIS2 (FORMATS.md §7).
    patch_cards(path, [
        (card('BITPIX', 8, 'array data type'), card('BITPIX', 16, 'array data type')),
        (card('XNAXIS1', LAMOST_NPIX, 'placeholder'), card('NAXIS1', LAMOST_NPIX, 'length of data axis 1')),
        (card('XNAXIS2', 5, 'placeholder'), card('NAXIS2', 5, 'length of data axis 2')),
    ])
    iv = np.where(andm != 0, 0, ivar)
    expected['lamost_new.fits'] = {
        'format': 'lamost-lrs', 'count': 1,
        'spectra': [{'index': 0, 'id': 'lamost-403516018', 'nPixels': LAMOST_NPIX, **truth_of(src),
                     'fileTruth': {'class': 'STAR', 'subclass': src['subclass'], 'z': src['z']},
                     'badPixels': [1500, 1501], 'spots': spots(wave.astype(np.float64), flux, iv)}],
    }


def twodf(expected):
    """2dF/AAOmega (2dfdr): primary flux per fibre, VARIANCE, SKY, FIBRES (RA/DEC radians); air, linear WCS."""
    rows = [('P', 'spec-3245-54894-0072.fits', 'STAR_G2'), ('S', None, 'SKY-1'),
            ('P', 'spec-0375-52140-0356.fits', 'GAL_AGN'), ('N', None, 'BROKEN'),
            ('P', 'spec-0564-52224-0581.fits', 'QSO_0564')]
    npix, cdelt, crpix = 5000, 1.03, 2500.0
    crval = 6300.0  # air Å at CRPIX1
    air = crval + cdelt * (np.arange(npix) + 1 - crpix)
    vac = air_to_vac(air)
    flux = np.full((len(rows), npix), np.nan, np.float32)
    var = np.full((len(rows), npix), np.nan, np.float32)
    scale = 50.0  # counts
    rng = np.random.default_rng(2)
    for r, (typ, name, _) in enumerate(rows):
        if name:
            f, iv = onto(load(name), vac, nan_outside=True)
            good = iv > 0
            flux[r] = np.where(good, f * scale, np.nan)
            var[r] = np.where(good, scale ** 2 / np.where(good, iv, 1), np.nan)
        elif typ == 'S':
            flux[r] = (5 + rng.normal(0, 1, npix)).astype(np.float32)
            var[r] = 1.0
    flux[0, 3000:3005] = np.nan  # 2dF test files carry NaN pixels
    h0 = fits.PrimaryHDU(flux)
    for k, v in [('INSTRUME', 'AAOMEGA-2dF'), ('SPECTID', 'RD'), ('LONGSTRN', 'OGIP 1.0'),
                 ('CRVAL1', crval), ('CDELT1', cdelt), ('CRPIX1', crpix), ('CTYPE1', 'Wavelength'),
                 ('CUNIT1', 'Angstroms'), ('UTMJD', 57000.5), ('RADECSYS', 'FK5'), ('EPOCH', 2000.0),
                 ('LONG_OBS', 149.0661), ('LAT_OBS', -31.27704), ('ALT_OBS', 1164.0)]:
        h0.header[k] = v
    hv = fits.ImageHDU(var, name='VARIANCE')
    hs = fits.ImageHDU(np.full(npix, 5.0, np.float32), name='SKY')
    ra = np.radians([150.5, 150.6, 150.7, 150.8, 150.9])
    dec = np.radians([-30.1, -30.2, -30.3, -30.4, -30.5])
    fib = fits.BinTableHDU.from_columns([
        fits.Column('NAME', '80A', array=np.array([n for _, _, n in rows])),
        fits.Column('RA', 'D', array=ra), fits.Column('DEC', 'D', array=dec),
        fits.Column('X', 'J', array=np.arange(5, dtype=np.int32)),
        fits.Column('Y', 'J', array=np.arange(5, dtype=np.int32)),
        fits.Column('TYPE', '1A', array=np.array([t for t, _, _ in rows])),
        fits.Column('PIVOT', 'I', array=np.arange(1, 6, dtype=np.int16)),
        fits.Column('MAGNITUDE', 'D', array=np.full(5, 19.0)),
        fits.Column('COMMENT', '80A', array=np.array(['Program', 'Sky', 'Program', 'Broken', 'Program'])),
    ], name='FIBRES')
    write([h0, hv, hs, fib], 'twodf.fits')
    spectra = []
    for r, (typ, name, nm) in enumerate(rows):
        if typ != 'P':
            continue
        s = load(name)
        iv = inv(var[r])
        iv[~np.isfinite(flux[r])] = 0
        sp = spots(vac, flux[r], iv)
        for p in sp:
            p['airWavelength'] = float(air[p['pixel']])
        spectra.append({'index': len(spectra), 'row': r, 'id': 'fiber-%d' % (r + 1), 'objectName': nm,
                        'ra': 150.5 + 0.1 * r, 'dec': -30.1 - 0.1 * r, 'nPixels': npix, **truth_of(s),
                        'spots': sp})
    expected['twodf.fits'] = {'format': '2df', 'count': len(spectra), 'spectra': spectra}


def wcs1d(expected):
    """1-D images with a standard WCS and an error/variance/ivar extension recognised by EXTNAME."""
    # (a) linear, air (CTYPE1 AWAV), CD1_1, CRPIX1 ≠ 1, σ in 'ERROR'
    src = load('spec-2199-53556-0101.fits')  # GALAXY
    crpix, crval, cd = 10.0, 3700.0, 1.5
    npix = 3500
    air = crval + cd * (np.arange(npix) + 1 - crpix)
    vac = air_to_vac(air)
    flux, ivar = onto(src, vac)
    sig = sigma_from_ivar(ivar)
    h0 = fits.PrimaryHDU(flux)
    for k, v in [('CTYPE1', 'AWAV'), ('CUNIT1', 'Angstrom'), ('CRVAL1', crval), ('CRPIX1', crpix),
                 ('CD1_1', cd), ('BUNIT', '1e-17 erg/s/cm2/Angstrom'), ('OBJECT', 'NGC 0000 test')]:
        h0.header[k] = v
    write([h0, fits.ImageHDU(sig, name='ERROR')], 'wcs1d_linear_air.fits')
    iv = inv_sq(sig)
    sp = spots(vac, flux, iv)
    for p in sp:
        p['airWavelength'] = float(air[p['pixel']])
    expected['wcs1d_linear_air.fits'] = {'format': 'wcs1d', 'count': 1, 'spectra': [
        {'index': 0, 'nPixels': npix, 'objectName': 'NGC 0000 test', **truth_of(src), 'spots': sp}]}

    # (b) log10 (DC-FLAG = 1), N × 1 image, off the SDSS lattice (step 1.2e-4 dex), ivar in 'IVAR'
    src = load('spec-2098-53460-0024.fits')  # QSO
    l0, dl, npix = 3.5600, 1.2e-4, 3390
    vac = 10.0 ** (l0 + dl * np.arange(npix))
    flux, ivar = onto(src, vac)
    h0 = fits.PrimaryHDU(flux[None, :])
    for k, v in [('CTYPE1', 'LINEAR'), ('CRVAL1', l0), ('CDELT1', dl), ('CRPIX1', 1.0), ('DC-FLAG', 1)]:
        h0.header[k] = v
    write([h0, fits.ImageHDU(ivar[None, :], name='IVAR')], 'wcs1d_loglam.fits')
    expected['wcs1d_loglam.fits'] = {'format': 'wcs1d', 'count': 1, 'spectra': [
        {'index': 0, 'nPixels': npix, **truth_of(src), 'spots': spots(vac, flux, ivar.astype(np.float64))}]}

    # (c) CTYPE1 = 'WAVE-LOG' (FITS paper III: λ = CRVAL·exp(CDELT·(p − CRPIX)/CRVAL)), variance in 'VARIANCE'
    src = load('spec-3294-54918-0268.fits')  # STAR
    crval, crpix, npix = 5000.0, 1500.5, 4000
    cdelt = crval * 2.2e-4  # 2.2e-4 in ln λ per pixel
    vac = crval * np.exp(cdelt * (np.arange(npix) + 1 - crpix) / crval)
    flux, ivar = onto(src, vac)
    var = np.where(ivar > 0, 1.0 / np.where(ivar > 0, ivar, 1), 0.0).astype(np.float32)
    h0 = fits.PrimaryHDU(flux)
    for k, v in [('CTYPE1', 'WAVE-LOG'), ('CUNIT1', 'Angstrom'), ('CRVAL1', crval), ('CRPIX1', crpix),
                 ('CDELT1', cdelt)]:
        h0.header[k] = v
    write([h0, fits.ImageHDU(var, name='VARIANCE')], 'wcs1d_wavelog.fits')
    iv = inv(var)
    expected['wcs1d_wavelog.fits'] = {'format': 'wcs1d', 'count': 1, 'spectra': [
        {'index': 0, 'nPixels': npix, **truth_of(src), 'spots': spots(vac, flux, iv)}]}


def generic_tables(expected):
    """Binary tables with recognisable columns: one row per pixel, and one row of vector columns."""
    src = load('spec-6409-56306-0112.fits')  # QSO
    wave = np.arange(3650.0, 9150.0, 1.0)
    flux, ivar = onto(src, wave)
    sig = sigma_from_ivar(ivar)
    t = fits.BinTableHDU.from_columns([
        fits.Column('wave', 'D', unit='Angstrom', array=wave),
        fits.Column('flux', 'E', array=flux),
        fits.Column('error', 'E', array=sig),
        fits.Column('sky', 'E', array=np.zeros_like(flux)),
    ], name='SPECTRUM')
    write([fits.PrimaryHDU(), t], 'generic_rows.fits')
    iv = inv_sq(sig)
    expected['generic_rows.fits'] = {'format': 'generic-table', 'count': 1, 'spectra': [
        {'index': 0, 'nPixels': len(wave), **truth_of(src), 'spots': spots(wave, flux, iv)}]}

    src = load('spec-1674-53464-0053.fits')  # GALAXY
    n = len(src['flux'])
    t = fits.BinTableHDU.from_columns([
        fits.Column('LOGLAM', f'{n}D', array=src['loglam'][None, :]),
        fits.Column('FLUX', f'{n}E', array=src['flux'][None, :]),
        fits.Column('IVAR', f'{n}E', array=src['ivar'][None, :]),
    ])
    write([fits.PrimaryHDU(), t], 'generic_vector.fits')
    expected['generic_vector.fits'] = {'format': 'generic-table', 'count': 1, 'spectra': [
        {'index': 0, 'nPixels': n, **truth_of(src), 'copied': True,
         'spots': spots(src['wave'], src['flux'], src['ivar'])}]}


def text_files(expected):
    """CSV with a header line (σ), and whitespace text with '#' comments naming the columns (ivar)."""
    src = load('spec-3261-54881-0388.fits')  # STAR
    w, f, iv = src['wave'], src['flux'].copy(), src['ivar']
    f[[700, 701]] = np.nan
    with open(os.path.join(OUT, 'spectrum.csv'), 'w') as fo:
        fo.write('wavelength,flux,error\n')
        for i in range(len(w)):
            s = '%.9g' % (1 / np.sqrt(iv[i])) if iv[i] > 0 else 'inf'
            fo.write('%.4f,%s,%s\n' % (w[i], 'nan' if np.isnan(f[i]) else '%.9g' % f[i], s))
    ivx = np.array([1.0 / float('%.9g' % (1 / np.sqrt(v))) ** 2 if v > 0 else 0.0 for v in iv])
    wr = np.array([float('%.4f' % x) for x in w])
    expected['spectrum.csv'] = {'format': 'text', 'count': 1, 'spectra': [
        {'index': 0, 'nPixels': len(w), **truth_of(src), 'noDataPixels': [700, 701],
         'spots': spots(wr, np.array([float('%.9g' % x) for x in f]), ivx)}]}

    src = load('spec-9556-57805-0559.fits')  # QSO
    w, f, iv = src['wave'], src['flux'], src['ivar']
    with open(os.path.join(OUT, 'spectrum.txt'), 'w') as fo:
        fo.write('# QSO spectrum, SDSS DR16 spec-9556-57805-0559 (test fixture)\n')
        fo.write('# vacuum wavelengths in Angstrom\n#\n')
        fo.write('# wavelength flux ivar\n')
        for i in range(len(w)):
            fo.write('%10.4f %14.7g %14.7g\n' % (w[i], f[i], iv[i]))
    expected['spectrum.txt'] = {'format': 'text', 'count': 1, 'spectra': [
        {'index': 0, 'nPixels': len(w), **truth_of(src),
         'spots': spots(np.array([float('%.4f' % x) for x in w]), np.array([float('%.7g' % x) for x in f]),
                        np.array([float('%.7g' % x) for x in iv]))}]}


def sdss5_spec(expected):
    """SDSS-V spec (idlspec2d v6): uppercase COADD columns, SPALL with FIELD/MJD/CATALOGID, ZALL, ZLINE."""
    src = load('spec-2152-53874-0091.fits')  # QSO
    n = len(src['flux'])
    andm = np.zeros(n, np.int32)
    andm[[2000, 2001, 2002]] = 1 << 23
    field, mjd, catid = 15043, 59300, 27021597917837494
    h0 = fits.PrimaryHDU()
    for k, v in [('TELESCOP', 'SDSS 2.5-M'), ('FIELD', field), ('MJD', mjd),
                 ('VACUUM', True), ('RUN2D', 'v6_1_3'), ('PLUG_RA', 210.5), ('PLUG_DEC', 30.25)]:
        h0.header[k] = v
    coadd = fits.BinTableHDU.from_columns([
        fits.Column('FLUX', 'E', array=src['flux']), fits.Column('LOGLAM', 'E', array=src['loglam'].astype(np.float32)),
        fits.Column('IVAR', 'E', array=src['ivar']), fits.Column('AND_MASK', 'J', array=andm),
        fits.Column('OR_MASK', 'J', array=andm), fits.Column('WDISP', 'E', array=np.ones(n, np.float32)),
        fits.Column('SKY', 'E', array=np.zeros(n, np.float32)), fits.Column('MODEL', 'E', array=src['model']),
        fits.Column('WRESL', 'E', array=np.full(n, 2.5, np.float32)),
    ], name='COADD')
    spall = fits.BinTableHDU.from_columns([
        fits.Column('FIELD', 'J', array=np.array([field], np.int32)),
        fits.Column('MJD', 'J', array=np.array([mjd], np.int32)),
        fits.Column('CATALOGID', 'K', array=np.array([catid], np.int64)),
        fits.Column('CLASS', '6A', array=np.array([src['class']])),
        fits.Column('SUBCLASS', '21A', array=np.array([src['subclass']])),
        fits.Column('Z', 'D', array=np.array([src['z']])),
        fits.Column('Z_ERR', 'D', array=np.array([4.5e-4])),
        fits.Column('ZWARNING', 'J', array=np.array([0], np.int32)),
        fits.Column('PLUG_RA', 'D', array=np.array([210.5])),
        fits.Column('PLUG_DEC', 'D', array=np.array([30.25])),
    ], name='SPALL')
    zall = fits.BinTableHDU.from_columns([fits.Column('Z', 'D', array=np.array([src['z'], 0.1]))], name='ZALL')
    zline = fits.BinTableHDU.from_columns([fits.Column('LINEWAVE', 'D', array=np.array([1549.48]))], name='ZLINE')
    write([h0, coadd, spall, zall, zline], 'sdss5_spec.fits')
    iv = np.where(andm != 0, 0, src['ivar'])
    expected['sdss5_spec.fits'] = {'format': 'sdss-spec', 'count': 1, 'spectra': [
        {'index': 0, 'id': 'spec-%06d-%05d-%d' % (field, mjd, catid), 'nPixels': n, **truth_of(src), 'copied': True,
         'fileTruth': {'class': src['class'], 'z': src['z'], 'zErr': 4.5e-4, 'zWarning': 0},
         'ra': 210.5, 'dec': 30.25, 'badPixels': [2000, 2001, 2002], 'hasModel': True,
         'spots': spots(10.0 ** src['loglam'].astype(np.float32).astype(np.float64), src['flux'], iv)}]}


def unknown_layout(expected):
    """A FITS file that is not a spectrum (an X-ray event list): no adapter may claim it."""
    ev = fits.BinTableHDU.from_columns([
        fits.Column('TIME', 'D', array=np.arange(10.0)), fits.Column('PI', 'J', array=np.arange(10, dtype=np.int32)),
        fits.Column('ENERGY', 'E', array=np.linspace(0.5, 8, 10).astype(np.float32)),
    ], name='EVENTS')
    expmap = fits.ImageHDU(np.ones((8, 6), np.float32), name='EXPMAP')
    write([fits.PrimaryHDU(), ev, expmap], 'unknown_layout.fits')
    expected['unknown_layout.fits'] = {'format': None, 'count': 0, 'spectra': [],
                                       'mentions': ['EVENTS', 'TIME', 'PI', 'ENERGY', 'EXPMAP', '6×8']}


def copy_sdss():
    os.makedirs(SDSS_OUT, exist_ok=True)
    for n in SDSS_COPIES:
        shutil.copyfile(os.path.join(SRC, n), os.path.join(SDSS_OUT, n))
    shutil.copyfile(os.path.join(SRC, 'truth.csv'), os.path.join(SDSS_OUT, 'truth.csv'))


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    sdss_spspec(expected)
    sdss_spplate(expected)
    desi(expected, 'desi_coadd.fits', ['spec-1733-53047-0351.fits', 'spec-7401-56808-0703.fits'], 'BRZ', True)
    desi(expected, 'desi_spectra.fits', ['spec-2553-54631-0255.fits', 'spec-0375-52140-0356.fits'], 'BR', False)
    lamost_old(expected)
    lamost_new(expected)
    twodf(expected)
    wcs1d(expected)
    generic_tables(expected)
    text_files(expected)
    sdss5_spec(expected)
    unknown_layout(expected)
    copy_sdss()
    with open(os.path.join(OUT, 'truth.json'), 'w') as fo:
        json.dump({'_doc': 'Written by tools/make_format_fixtures.py; see test/fixtures/README.md.',
                   'files': expected}, fo, indent=1)
    for f in sorted(os.listdir(OUT)):
        print('%-24s %8d bytes' % (f, os.path.getsize(os.path.join(OUT, f))))


if __name__ == '__main__':
    main()
