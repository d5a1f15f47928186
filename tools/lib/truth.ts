/** Reads a truth.csv (file,class,subclass,z,…) as written beside the SDSS fixtures. */
import { readFileSync } from 'node:fs';
import type { SpectralClass } from '../../src/core/types.ts';

export interface TruthRow {
  file: string;
  cls: SpectralClass;
  z: number;
}

export function readTruth(path: string): TruthRow[] {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const col = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`${path}: no column ${name}`);
    return i;
  };
  const [fi, ci, zi] = [col('file'), col('class'), col('z')];
  return lines.slice(1).map((l) => {
    const cells = l.split(',');
    return { file: cells[fi], cls: cells[ci] as SpectralClass, z: Number(cells[zi]) };
  });
}
