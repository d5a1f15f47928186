"""Upstream preprocessing and parity against the stored upstream outputs.

Reads `upstream-gasnet3/golden/*.fits` (layout: docs/models.md), rebuilds the
network inputs exactly as upstream did (METHOD.md §2, upstream variant) and
measures how far our PyTorch networks are from the stored reconstructions.
Also builds the Node-side reference fixture (inputs + PyTorch outputs).
"""
import json
import os

import numpy as np
import torch
from astropy.io import fits

LOG_MIN = float(np.log10(3600.0))
LOG_MAX = float(np.log10(9200.0))
N_INPUT = 4076
POLY_DEGREE = 5

# (golden file, upstream model it went through, what is in it)
GOLDEN_FILES = [
    ('test_Encoder_SDSS_STAR_reconstruction_examples.fits', 'Encoder_SDSS_STAR'),
    ('test_Encoder_SDSS_GALAXY_reconstruction_examples.fits', 'Encoder_SDSS_GALAXY'),
    ('test_Encoder_SDSS_QSO_reconstruction_examples.fits', 'Encoder_SDSS_QSO'),
    ('test_classfy_Encoder_SDSS_STAR_reconstruction_examples.fits', 'Encoder_SDSS_STAR'),
    ('test_classfy_UNetL1SmoFlip_SDSS_STAR_reconstruction_examples_first25.fits',
     'UNetL1SmoFlip_SDSS_STAR'),
]
# The fixture's two inputs: the first STAR and the first QSO of this file.
FIXTURE_SOURCE = 'test_classfy_Encoder_SDSS_STAR_reconstruction_examples.fits'
FIXTURE_CLASSES = ['STAR', 'QSO']


def input_grid():
    """[4076] upstream's linspace(log10 3600, log10 9200, 4076), float64."""
    return np.linspace(LOG_MIN, LOG_MAX, N_INPUT)


def upstream_fluctuate(flux, ivar, grid):
    """F of one spectrum as upstream computed it (float32 [4076]).

    Degree-5 numpy polyfit (float64) of flux on the ivar > 0 pixels, evaluated
    everywhere and cast to float32; f = flux - cont; norm = rms(f) over all
    4076 pixels (no-data pixels keep the stored flux, i.e. upstream's zero pad).
    """
    good = ivar > 0
    coeffs = np.polyfit(grid[good], flux[good].astype(np.float64), POLY_DEGREE)
    continuum = np.polyval(coeffs, grid).astype(np.float32)
    f = (flux - continuum).astype(np.float32)
    norm = np.float32(np.sqrt(np.mean(f * f)))
    return (f / norm).astype(np.float32)


def read_golden(path):
    """Rows of a golden file as float32 arrays, plus its grids and ids."""
    with fits.open(path) as hdus:
        rows, grids = hdus[1].data, hdus[2].data
        n = len(rows)
        flux = np.asarray(rows['flux'], dtype=np.float32)
        ivar = np.asarray(rows['ivar'], dtype=np.float32)
        rec = np.asarray(rows['reconstruction'], dtype=np.float32).reshape(n, -1)
        coef = np.asarray(rows['coefficients'], dtype=np.float32).reshape(n, -1)
        ids = ['spec-%04d-%05d-%04d' % (p, m, f)
               for p, m, f in zip(rows['PLATE'], rows['MJD'], rows['FIBERID'])]
        classes = [str(c).strip() for c in rows['CLASS']]
        grid_in = np.asarray(grids['input_grid'][0], dtype=np.float64)
        grid_out = np.asarray(grids['output_grid'][0], dtype=np.float64)
    return dict(flux=flux, ivar=ivar, reconstruction=rec, coefficients=coef, ids=ids,
                classes=classes, input_grid=grid_in, output_grid=grid_out)


def golden_inputs(golden):
    grid = golden['input_grid']
    if np.abs(grid - input_grid()).max() != 0:
        raise ValueError('golden input_grid differs from linspace(log10 3600, log10 9200, 4076)')
    return np.stack([upstream_fluctuate(f, i, grid) for f, i in zip(golden['flux'], golden['ivar'])])


def run_torch(model, F):
    """Outputs of a model for F [B, 4076] as a tuple of numpy arrays."""
    with torch.no_grad():
        out = model(torch.from_numpy(F[:, None, :]))
    if isinstance(out, torch.Tensor):
        out = (out,)
    return tuple(o.numpy() for o in out)


def max_relative(ours, ref):
    """max over spectra of max|ours - ref| / max|ref| (per spectrum)."""
    return float((np.abs(ours - ref).max(axis=1) / np.abs(ref).max(axis=1)).max())


def golden_parity(golden_dir, models, grid_start):
    """Print and return PyTorch vs stored upstream reconstructions per golden file.

    models: upstream name -> loaded torch module; grid_start: upstream name ->
    our float64 output_grid start (checked against the file's HDU 2).
    """
    report = []
    for file, upstream in GOLDEN_FILES:
        golden = read_golden(os.path.join(golden_dir, file))
        out = run_torch(models[upstream], golden_inputs(golden))
        rel = max_relative(out[0], golden['reconstruction'])
        grid_err = abs(golden['output_grid'][0] - grid_start[upstream])
        line = dict(file=file, model=upstream, spectra=len(golden['ids']), maxRelative=rel,
                    outputGridStartError=grid_err)
        if upstream.startswith('Encoder'):
            line['coefficientsMaxAbs'] = float(np.abs(out[1] - golden['coefficients']).max())
        report.append(line)
        print('  golden %-72s %2d spectra  max|d|/max|R| = %.2e  grid0 err %.1e%s' % (
            file, line['spectra'], rel, grid_err,
            '  coeff max|d| = %.1e' % line['coefficientsMaxAbs'] if 'coefficientsMaxAbs' in line else ''))
    return report


def fixture_inputs(golden_dir):
    """The two fixture spectra: (ids, F float32 [2, 4076])."""
    golden = read_golden(os.path.join(golden_dir, FIXTURE_SOURCE))
    rows = [golden['classes'].index(c) for c in FIXTURE_CLASSES]
    F = golden_inputs(golden)[rows]
    return [golden['ids'][r] for r in rows], np.ascontiguousarray(F)


def write_fixture(out_dir, ids, F, entries, outputs):
    """Write torch-reference.bin (float32 LE) and torch-reference.json (its index).

    entries: manifest entries in order; outputs: per entry, the tuple of
    PyTorch outputs for F. Offsets and lengths are in float32 elements.
    """
    os.makedirs(out_dir, exist_ok=True)
    chunks, offset = [], 0

    def add(array):
        nonlocal offset
        flat = np.ascontiguousarray(array, dtype='<f4').ravel()
        chunks.append(flat.tobytes())
        start, offset = offset, offset + flat.size
        return dict(offset=start, length=int(flat.size))

    index = dict(
        about='PyTorch float32 outputs of the exported networks for two golden spectra '
              '(written by tools/export_models.py; see test/fixtures/models/README.md).',
        source=FIXTURE_SOURCE, ids=ids, batch=int(F.shape[0]), inputLength=int(F.shape[1]),
        input=add(F), models=[])
    names = ['reconstruction', 'coefficients', 'amplitude']
    for entry, out in zip(entries, outputs):
        item = dict(family=entry['family'], cls=entry['cls'], nOut=entry['outputGrid']['n'])
        for name, array in zip(names, out):
            item[name] = add(array)
        index['models'].append(item)
    with open(os.path.join(out_dir, 'torch-reference.bin'), 'wb') as fh:
        fh.write(b''.join(chunks))
    with open(os.path.join(out_dir, 'torch-reference.json'), 'w') as fh:
        json.dump(index, fh, indent=1)
        fh.write('\n')
