#!/usr/bin/python3
"""Make the small FITS fixtures of the reader tests with astropy, and write
what astropy reads back from them to expected.json (the tests' oracle).

Run with Debian's python (astropy 5.2.1):  /usr/bin/python3 tools/make_fits_fixtures.py
Output: test/fixtures/fits/{images,tables,ascii,header}.fits, images.fits.gz, expected.json
"""
import gzip
import json
import math
import os

import numpy as np
from astropy.io import fits

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'fits')


def json_float(x):
    """NaN → None, ±inf → 'Infinity' / '-Infinity' (JSON has neither)."""
    if math.isnan(x):
        return None
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    return x


def floats(a):
    """JSON-safe flat list of float64 values."""
    return [json_float(x) for x in np.asarray(a, dtype=np.float64).ravel().tolist()]


def images():
    path = os.path.join(OUT, 'images.fits')
    rng = np.random.default_rng(1)
    primary = fits.PrimaryHDU(data=np.arange(12, dtype=np.uint8).reshape(3, 4))
    hdus = [primary]
    # Raw integers; BSCALE/BZERO/BLANK are patched in below without rescaling.
    hdus.append(fits.ImageHDU(data=np.array([[-32768, -1, 0, 1, 2, 32767]] * 2, dtype=np.int16), name='I16'))
    hdus.append(fits.ImageHDU(data=np.array([[-2**31, -7, 0, 9, 2**31 - 1]], dtype=np.int32), name='I32'))
    hdus.append(fits.ImageHDU(data=np.array([-2**63, -5, 0, 2**53 + 1, 2**63 - 1], dtype=np.int64), name='I64'))
    hdus.append(fits.ImageHDU(data=rng.normal(size=(2, 3, 4)).astype(np.float32), name='F32'))
    hdus.append(fits.ImageHDU(data=rng.normal(size=(3, 5)) * 1e10, name='F64'))
    hdus.append(fits.ImageHDU(data=np.array([0, 1, 65535, 40000], dtype=np.uint16), name='U16'))
    hdus.append(fits.ImageHDU(data=np.array([[0, 1, 2**32 - 1, 3_000_000_000]], dtype=np.uint32), name='U32'))
    hdus.append(fits.ImageHDU(data=np.array([0, 2**63, 2**64 - 1], dtype=np.uint64), name='U64'))
    hdus.append(fits.ImageHDU(data=np.array([1.5, -2.25], dtype=np.float32), name='F32SCALED'))
    fits.HDUList(hdus).writeto(path, overwrite=True)
    with fits.open(path, mode='update', do_not_scale_image_data=True) as f:
        f[0].header['BSCALE'] = 2.0
        f[0].header['BZERO'] = -128.0  # 8-bit scaled
        f['I16'].header['BSCALE'] = 0.5
        f['I16'].header['BZERO'] = 10.0
        f['I16'].header['BLANK'] = -32768
        f['I32'].header['BLANK'] = -7
        f['F32SCALED'].header['BSCALE'] = 4.0
        f['F32SCALED'].header['BZERO'] = 1.0
    expected = []
    with fits.open(path) as f:
        for h in f:
            expected.append({'extname': h.name, 'bitpix': h.header['BITPIX'],
                             'axes': [h.header[f'NAXIS{i}'] for i in range(1, h.header['NAXIS'] + 1)],
                             'data': floats(h.data)})
    # uint64 and int64 near 2^63 are not exact in float64: give the exact integers too.
    with fits.open(path) as f:
        expected[3]['exact'] = [str(int(x)) for x in f['I64'].data]
        expected[8]['exact'] = [str(int(x)) for x in f['U64'].data]
    with open(path, 'rb') as src, gzip.open(path + '.gz', 'wb', compresslevel=9) as dst:
        dst.write(src.read())
    return expected


def tables():
    path = os.path.join(OUT, 'tables.fits')
    n = 4
    cols = [
        fits.Column(name='L1', format='L', array=np.array([True, False, True, False])),
        fits.Column(name='L3', format='3L', array=np.array([[True, False, True]] * n)),
        fits.Column(name='BITS', format='11X', array=np.array([[1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1]] * n, dtype=bool)),
        fits.Column(name='B', format='B', array=np.array([0, 1, 200, 255], dtype=np.uint8)),
        fits.Column(name='SBYTE', format='B', array=np.array([0, 127, 128, 255], dtype=np.uint8)),  # TZERO -128
        fits.Column(name='I', format='I', array=np.array([-32768, -1, 0, 32767], dtype=np.int16)),
        fits.Column(name='I3', format='3I', array=np.arange(12, dtype=np.int16).reshape(4, 3) - 5, dim='(3)'),
        fits.Column(name='U16', format='I', array=np.array([-32768, -32767, 40000 - 32768, 32767], dtype=np.int16)),  # TZERO 32768
        fits.Column(name='J', format='J', array=np.array([-2**31, -1, 0, 2**31 - 1], dtype=np.int32)),
        fits.Column(name='U32', format='J', array=np.array([-2**31, -2**31 + 1, 3_000_000_000 - 2**31, 2**31 - 1], dtype=np.int32)),  # TZERO 2^31
        fits.Column(name='JNULL', format='J', null=-999, array=np.array([5, -999, 7, -999], dtype=np.int32)),
        fits.Column(name='K', format='K', array=np.array([-2**63, -1, 2**53 + 1, 2**63 - 1], dtype=np.int64)),
        fits.Column(name='K2', format='2K', array=np.array([[1, -2], [3, -4], [5, -6], [7, -8]], dtype=np.int64)),
        fits.Column(name='U64', format='K', array=np.array([-2**63, -2**63 + 1, 0, 2**63 - 1], dtype=np.int64)),  # TZERO 2^63
        fits.Column(name='A', format='8A', array=np.array(['abc', "it's  ", '', 'EIGHTCHR'])),
        fits.Column(name='E', format='E', unit='km/s', array=np.array([1.5, -0.0, np.nan, 3.4028235e38], dtype=np.float32)),
        fits.Column(name='E4', format='4E', array=np.arange(16, dtype=np.float32).reshape(4, 4) / 3),
        fits.Column(name='D', format='D', array=np.array([np.pi, -1e-300, np.inf, 1e300])),
        fits.Column(name='C', format='C', array=np.array([1 + 2j, -3.5j, 0, 4], dtype=np.complex64)),
        fits.Column(name='M', format='M', array=np.array([1e100 + 1j, 2, 3j, -1], dtype=np.complex128)),
        # Raw int16; TSCAL/TZERO are patched in after writing (physical 100, 100.25, 0, 108).
        fits.Column(name='SCALED', format='I', array=np.array([0, 1, -400, 32], dtype=np.int16)),
        fits.Column(name='VLA', format='PE()', array=np.array([np.array([1.0], np.float32), np.array([2.0, 3.0], np.float32), np.array([], np.float32), np.array([4.0], np.float32)], dtype=object)),
    ]
    fits.BinTableHDU.from_columns(cols, name='ALLTYPES').writeto(path, overwrite=True)
    # Scaling and the unsigned conventions are patched into the header over raw integers.
    with fits.open(path, mode='update') as f:
        names = f[1].columns.names
        for name, tscal, tzero in [('SCALED', 0.25, 100.0), ('SBYTE', None, -128), ('U16', None, 32768),
                                   ('U32', None, 2**31), ('U64', None, 2**63)]:
            n = names.index(name) + 1
            after = f'TFORM{n}'
            if tscal is not None:
                f[1].header.insert(after, (f'TSCAL{n}', tscal), after=True)
                after = f'TSCAL{n}'
            f[1].header.insert(after, (f'TZERO{n}', tzero), after=True)
    out = {}
    with fits.open(path) as f:
        d = f[1].data
        raw = fits.open(path, uint=False)[1].data
        for c in f[1].columns:
            if c.name == 'VLA':
                continue
            v = d[c.name]
            if c.name in ('K', 'K2', 'U64'):
                out[c.name] = [str(int(x)) for x in np.asarray(v).ravel()]
            elif c.name == 'A':
                out[c.name] = [str(x) for x in v]
            elif c.name in ('L1', 'L3', 'BITS'):
                out[c.name] = [1 if x else 0 for x in np.asarray(v).ravel()]
            elif c.name in ('C', 'M'):
                out[c.name] = floats(np.stack([np.real(v), np.imag(v)], axis=-1))
            elif c.name == 'JNULL':
                out[c.name] = [None if x == -999 else float(x) for x in np.asarray(raw[c.name]).ravel()]
            else:
                out[c.name] = floats(v)
        out['_TDIM7'] = f[1].header.get('TDIM7')
        out['_TFORMS'] = [c.format for c in f[1].columns]
    return out


def ascii_table():
    path = os.path.join(OUT, 'ascii.fits')
    cols = [
        fits.Column(name='NAME', format='A10', array=np.array(['alpha', 'beta', '', 'delta'])),
        fits.Column(name='COUNT', format='I6', array=np.array([1, -22, 333, 0])),
        fits.Column(name='F', format='F8.3', array=np.array([1.5, -2.25, 0.001, 1234.5])),
        fits.Column(name='EXP', format='E12.4', array=np.array([1.5e-10, -2.5e20, 0.0, 3.0])),
        fits.Column(name='DBL', format='D20.10', array=np.array([np.pi, -1e-200, 1e200, 2.0])),
    ]
    fits.TableHDU.from_columns(cols, name='ASCII').writeto(path, overwrite=True)
    with fits.open(path) as f:
        d = f[1].data
        return {c.name: ([str(x) for x in d[c.name]] if c.name == 'NAME' else floats(d[c.name])) for c in f[1].columns}


def header():
    path = os.path.join(OUT, 'header.fits')
    h = fits.Header()
    h['OBJECT'] = "O'Brien's galaxy"
    h['LONGSTRN'] = 'OGIP 1.0'
    h['LONGSTR'] = ('x' * 60 + ' continued ' + 'y' * 70 + ' and the end.', 'a long string')
    h['BIGINT'] = 2**62 + 1
    h['NEGINT'] = -42
    h['FLAG'] = True
    h['NOFLAG'] = False
    h['EMPTY'] = None
    h['HIERARCH ESO DET CHIP NAME'] = 'CCD-44'
    h['HIERARCH ESO TEL AIRM START'] = 1.234
    h.append(fits.Card.fromstring("DEXP    =              1.5D+03 / D exponent"))
    h['COMMENT'] = 'first comment'
    h['HISTORY'] = 'made by make_fits_fixtures.py'
    h['MIXED'] = ('Text with <b>markup</b> & stuff', 'untrusted')
    fits.PrimaryHDU(header=h).writeto(path, overwrite=True)
    with fits.open(path) as f:
        hd = f[0].header
        return {
            'OBJECT': hd['OBJECT'], 'LONGSTR': hd['LONGSTR'], 'BIGINT': str(hd['BIGINT']),
            'ESO DET CHIP NAME': hd['ESO DET CHIP NAME'], 'ESO TEL AIRM START': hd['ESO TEL AIRM START'],
            'DEXP': hd['DEXP'], 'MIXED': hd['MIXED'],
            'keywords': [k for k in hd.keys() if k not in ('COMMENT', 'HISTORY')],
        }


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {'images': images(), 'tables': tables(), 'ascii': ascii_table(), 'header': header()}
    with open(os.path.join(OUT, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=1, allow_nan=False)
        f.write('\n')


if __name__ == '__main__':
    main()
