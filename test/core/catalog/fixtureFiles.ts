/** The SDSS fixture catalog (test/fixtures/catalog) as browser-like Files, and the analysis it was made from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CATALOG_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'catalog');

export function fixtureFile(name: string, dir = CATALOG_DIR): File {
  return new File([readFileSync(join(dir, name))], name);
}

export interface AnalyzeRecord {
  file: string;
  index: number;
  id: string;
  class: string;
  z: number;
  chi2: Record<string, number>;
  anomaly: string[];
}

/** `npm run analyze -- --json test/fixtures/sdss`, as committed. */
export function analyzeRecords(): AnalyzeRecord[] {
  return readFileSync(join(CATALOG_DIR, 'sdss-analyze.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AnalyzeRecord);
}
