/**
 * Survey scale on paper: what the measured speed of the command line means for a survey of S
 * spectra on N cores. Pure arithmetic over measured inputs (tools/scalePlan.ts measures them), so
 * that docs/scale.md is regenerated from committed results and a test checks it is.
 */

export interface ScaleInputs {
  /** Spectra per second per core, from files, start-up included (results/bench-cli.json). */
  spectraPerSecondPerCore: number;
  /** Where that figure comes from: the command and its date. */
  source: string;
  /** Bytes read per spectrum (the input files' mean size per spectrum). */
  inputBytesPerSpectrum: number;
  inputSource: string;
  /** Catalog bytes per row, by format. */
  catalogBytesPerRow: { parquet: number; fits: number };
  catalogRows: number;
}

/** Walltime one array task aims at: long enough that start-up is noise, short enough that a lost task costs little. */
export const TASK_MINUTES = 30;
/** Cores per array task in the plan (what a node gives a job cheaply on most clusters). */
export const CPUS_PER_TASK = 4;
/** Walltime asked = expected × this: shared file systems and busy nodes are slower than a benchmark. */
export const WALLTIME_MARGIN = 2;

const SURVEYS = [1e6, 2e7];
const CORES = [64, 512, 4096];

const fmt = (x: number, digits = 2) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(digits)).toString());
const hours = (s: number) => (s < 3600 ? `${fmt(s / 60)} min` : `${fmt(s / 3600)} h`);
const bytes = (b: number) => (b >= 1e12 ? `${fmt(b / 1e12)} TB` : b >= 1e9 ? `${fmt(b / 1e9)} GB` : `${fmt(b / 1e6)} MB`);

/** The markdown of docs/scale.md's generated part. */
export function renderScalePlan(p: ScaleInputs): string {
  const perCore = p.spectraPerSecondPerCore;
  const perTask = perCore * CPUS_PER_TASK * TASK_MINUTES * 60;
  const walltime = (TASK_MINUTES * WALLTIME_MARGIN) / 60;
  const lines = [
    `Measured: **${fmt(perCore, 3)} spectra/s per core** from files, start-up included (${p.source}); ` +
      `**${fmt(p.inputBytesPerSpectrum / 1024, 3)} KiB read per spectrum** (${p.inputSource}); ` +
      `catalog **${fmt(p.catalogBytesPerRow.parquet, 3)} B/row in Parquet, ${fmt(p.catalogBytesPerRow.fits, 3)} B/row in FITS** ` +
      `(measured over ${p.catalogRows} real rows, file overhead included).`,
    '',
    '| survey | cores | wall time | read rate needed | input read | catalog (Parquet / FITS) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of SURVEYS) {
    for (const n of CORES) {
      const seconds = s / (perCore * n);
      const rate = perCore * n * p.inputBytesPerSpectrum;
      lines.push(
        `| ${fmt(s / 1e6)} M | ${n.toLocaleString('en-US')} | ${hours(seconds)} | ${bytes(rate)}/s | ${bytes(s * p.inputBytesPerSpectrum)} | ` +
          `${bytes(s * p.catalogBytesPerRow.parquet)} / ${bytes(s * p.catalogBytesPerRow.fits)} |`,
      );
    }
  }
  lines.push(
    '',
    `Array to ask for, with \`--cpus-per-task=${CPUS_PER_TASK}\` and tasks of about ${TASK_MINUTES} minutes ` +
      `(${Math.round(perTask).toLocaleString('en-US')} spectra each at the measured speed), walltime ${fmt(walltime)} h (${WALLTIME_MARGIN}× margin):`,
    '',
    '| survey | array size N | `--array` | `--time` |',
    '| ---: | ---: | --- | --- |',
  );
  for (const s of SURVEYS) {
    const n = Math.ceil(s / perTask);
    lines.push(`| ${fmt(s / 1e6)} M | ${n.toLocaleString('en-US')} | \`0-${n - 1}%256\` | \`${String(Math.floor(walltime)).padStart(2, '0')}:${String(Math.round((walltime % 1) * 60)).padStart(2, '0')}:00\` |`);
  }
  return lines.join('\n');
}

export const START = '<!-- scale-plan:start (npm run scale-plan writes this part from results/scale-plan.json) -->';
export const END = '<!-- scale-plan:end -->';

/** docs/scale.md with its generated part replaced. */
export function withPlan(doc: string, plan: string): string {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/scale.md lacks the scale-plan markers');
  return `${doc.slice(0, a + START.length)}\n${plan}\n${doc.slice(b)}`;
}
