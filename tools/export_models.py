#!/usr/bin/python3
"""Export the GaSNet-III networks to ONNX for the app: `npm run export-models`.

Needs Debian's python (not pyenv's) with:
    apt-get install -y python3-torch python3-onnx python3-astropy python3-numpy

Reads the upstream weights from <shared>/upstream-gasnet3/models/ (default
<repo>/../shared) and writes to public/models/:
  encoder-{star,galaxy,qso}.onnx       fluctuate [B,1,4076] -> reconstruction [B,N_out],
                                       coefficients [B,10], amplitude [B]
  encoder-{star,galaxy,qso}-eigen.f32  eigenspectra, float32 LE, row-major [10, N_out]
  unet-{star,galaxy,qso}.onnx          fluctuate [B,1,4076] -> reconstruction [B,N_out]
  manifest.json                        see src/core/inference/manifest.ts
and the Node parity fixture test/fixtures/models/torch-reference.{bin,json}.
It prints PyTorch-vs-golden parity (the stored upstream reconstructions).

  --check   re-export into a temporary directory and compare with the committed
            files (sha256 in the manifest, bytes of every file); exit 1 on mismatch.
The export is deterministic: the same weights give byte-identical files.
"""
import argparse
import hashlib
import io
import json
import math
import os
import sys
import tempfile
import warnings

import numpy as np
import onnx
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_models_golden import LOG_MAX, LOG_MIN, N_INPUT, fixture_inputs, golden_parity, \
    run_torch, write_fixture  # noqa: E402
from export_models_nets import Encoder, UNetWrapper  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPSET = 17
CLASSES = ['STAR', 'GALAXY', 'QSO']
FAMILIES = [  # (family, upstream prefix)
    ('encoder', 'Encoder_SDSS_'),
    ('unet', 'UNetL1SmoFlip_SDSS_'),
]
SOURCE = ('GaSNet-III pretrained networks (Zhong et al. 2024, arXiv:2412.21130), '
          'MIT licence, © 2024 Fucheng Zhong; weights unchanged, exported to ONNX '
          'by tools/export_models.py')
DEFAULT_POLY_DEGREE = 5  # METHOD.md §2: the encoder jsons carry no degree


def output_grid(z_min, z_max):
    """METHOD.md §1, float64: (start, step, n) of the rest-frame grid."""
    n = round(N_INPUT + math.log10(1 + z_max) / 1e-4 - math.log10(1 + z_min) / 1e-4)
    start = LOG_MAX - N_INPUT * 1e-4 - math.log10(1 + z_max)
    stop = LOG_MAX - math.log10(1 + z_min)
    return dict(start=start, step=(stop - start) / (n - 1), n=n)


def load_model(models_dir, family, upstream):
    """(module in eval mode, json config) with the upstream weights loaded strictly."""
    with open(os.path.join(models_dir, upstream, upstream + '.json')) as fh:
        config = json.load(fh)
    n_out = output_grid(config['z_min'], config['z_max'])['n']
    if family == 'encoder':
        model = Encoder(n_out)
    else:  # upstream rule: flip the input iff the json's "dropout" > 0
        model = UNetWrapper(n_out, flip=config.get('dropout', 0) > 0)
    state = torch.load(os.path.join(models_dir, upstream, upstream + '.pth'), map_location='cpu')
    model.load_state_dict(state, strict=True)
    return model.eval(), config


def export_onnx(model, output_names):
    """Serialized ONNX bytes: opset 17, dynamic batch, doc strings stripped (determinism)."""
    buffer = io.BytesIO()
    dummy = torch.linspace(-1, 1, N_INPUT).reshape(1, 1, N_INPUT).repeat(2, 1, 1)
    axes = {name: {0: 'batch'} for name in ['fluctuate'] + output_names}
    with torch.no_grad(), warnings.catch_warnings():
        # Known and harmless: the STAR flip is a Slice with step -1, which torch
        # does not constant-fold, and its shape-inference chatter about it.
        warnings.simplefilter('ignore', UserWarning)
        torch.onnx.export(model, (dummy,), buffer, opset_version=OPSET, input_names=['fluctuate'],
                          output_names=output_names, dynamic_axes=axes, do_constant_folding=True)
    proto = onnx.load_from_string(buffer.getvalue())
    proto.doc_string = ''
    for node in proto.graph.node:
        node.doc_string = ''
    onnx.checker.check_model(proto)
    return proto.SerializeToString()


def describe_graph(data):
    """One line: op histogram and the inferred output shapes."""
    proto = onnx.shape_inference.infer_shapes(onnx.load_from_string(data))
    ops = {}
    for node in proto.graph.node:
        ops[node.op_type] = ops.get(node.op_type, 0) + 1
    shapes = ['%s%s' % (o.name, [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim])
              for o in proto.graph.output]
    return ' '.join(shapes) + '\n      ops: ' + ', '.join('%s %d' % kv for kv in sorted(ops.items()))


def write(path, data):
    with open(path, 'wb') as fh:
        fh.write(data)


def export_all(shared, out_dir, fixture_dir, verify):
    models_dir = os.path.join(shared, 'upstream-gasnet3', 'models')
    golden_dir = os.path.join(shared, 'upstream-gasnet3', 'golden')
    os.makedirs(out_dir, exist_ok=True)
    entries, loaded, grid_start = [], {}, {}
    for family, prefix in FAMILIES:
        for cls in CLASSES:
            upstream = prefix + cls
            model, config = load_model(models_dir, family, upstream)
            loaded[upstream] = model
            grid = output_grid(config['z_min'], config['z_max'])
            grid_start[upstream] = grid['start']
            stem = '%s-%s' % (family, cls.lower())
            outputs = ['reconstruction'] + (['coefficients', 'amplitude'] if family == 'encoder' else [])
            data = export_onnx(model, outputs)
            write(os.path.join(out_dir, stem + '.onnx'), data)
            entry = dict(family=family, cls=cls, file=stem + '.onnx', bytes=len(data),
                         sha256=hashlib.sha256(data).hexdigest(),
                         zMin=config['z_min'], zMax=config['z_max'],
                         input=dict(name='fluctuate', length=N_INPUT),
                         outputs={name: name for name in outputs}, outputGrid=grid,
                         inputGrid=dict(start=LOG_MIN, stop=LOG_MAX, n=N_INPUT),
                         polyDegree=config.get('poly_deg', DEFAULT_POLY_DEGREE))
            if family == 'unet':
                entry['flipInput'] = model.flip
            else:
                eigen = model.eigenvectors.detach().numpy().astype('<f4')
                write(os.path.join(out_dir, stem + '-eigen.f32'), eigen.tobytes())
                entry['eigen'] = dict(n=int(eigen.shape[0]), file=stem + '-eigen.f32')
            entry['upstream'] = upstream
            entries.append(entry)
            print('  %-16s %9d B  %s' % (entry['file'], len(data), describe_graph(data)))
    manifest = dict(version=1, source=SOURCE, models=entries)
    with open(os.path.join(out_dir, 'manifest.json'), 'w') as fh:
        json.dump(manifest, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    if verify:
        golden_parity(golden_dir, loaded, grid_start)
    if fixture_dir:
        ids, F = fixture_inputs(golden_dir)
        outs = [run_torch(loaded[e['upstream']], F) for e in entries]
        write_fixture(fixture_dir, ids, F, entries, outs)
        print('  fixture: %s (%s)' % (fixture_dir, ', '.join(ids)))
    return manifest


def sha256_file(path):
    with open(path, 'rb') as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def check(shared, out_dir):
    """Re-export to a temp dir; compare with the manifest's sha256 and the committed bytes."""
    with open(os.path.join(out_dir, 'manifest.json')) as fh:
        committed = json.load(fh)
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = export_all(shared, tmp, None, verify=False)
        names = sorted(os.listdir(tmp))
        for e in committed['models']:
            path = os.path.join(out_dir, e['file'])
            if not os.path.exists(path) or sha256_file(path) != e['sha256']:
                problems.append('%s: committed file does not match its manifest sha256' % e['file'])
        for name in names:
            ours = os.path.join(out_dir, name)
            if not os.path.exists(ours) or sha256_file(ours) != sha256_file(os.path.join(tmp, name)):
                problems.append('%s: re-export differs from the committed file' % name)
        if fresh != committed:
            problems.append('manifest.json: re-exported manifest differs')
    for p in problems:
        print('MISMATCH ' + p)
    print('check: %s (%d files compared)' % ('FAILED' if problems else 'OK', len(names)))
    return 1 if problems else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--shared', default=os.path.join(REPO, '..', 'shared'),
                        help='folder holding upstream-gasnet3/ (default: <repo>/../shared)')
    parser.add_argument('--out', default=os.path.join(REPO, 'public', 'models'))
    parser.add_argument('--fixture', default=os.path.join(REPO, 'test', 'fixtures', 'models'),
                        help="where torch-reference.{bin,json} go ('' to skip)")
    parser.add_argument('--no-verify', action='store_true', help='skip the golden parity report')
    parser.add_argument('--check', action='store_true', help='compare a fresh export with --out')
    parser.add_argument('--threads', type=int, default=1, help='torch CPU threads (default 1)')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.check:
        return check(args.shared, args.out)
    export_all(args.shared, args.out, args.fixture or None, verify=not args.no_verify)
    print('wrote %s' % os.path.join(args.out, 'manifest.json'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
