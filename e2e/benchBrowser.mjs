#!/usr/bin/env node
/**
 * Browser benchmark: serves the built app, drops single-spectrum SDSS files
 * into headless chromium and measures, for the backend the app chose (or the
 * one forced with --backend wasm|webgpu; --webgpu launches chromium with
 * --enable-unsafe-webgpu):
 *   - throughput: spectra per second, wall clock of the whole run (page clock, progress bar);
 *   - worker time per spectrum (read, grid, networks, χ² scan), as the app shows it;
 *   - time to the first row;
 *   - the longest main-thread task during the run (PerformanceObserver 'longtask': tasks ≥ 50 ms);
 *   - opening a spectrum: click → χ² plot drawn.
 *
 * --files N    drop N files: the SDSS fixtures copied under distinct names (default: the fixtures once).
 * --runs R     runs per configuration (default 3); the median is reported.
 * --configs L  comma-separated workers×threads plans, e.g. "2x1,1x2" (default "auto": the app's own plan);
 *              passed to the page as ?workers=&threads= (threads need cross-origin isolation, which
 *              `vite preview` gives: vite/isolation.ts).
 * --out FILE   results file (default results/bench-browser.json).
 * Also measured first, as a reference: a bare worker reading the same files (Blob.arrayBuffer), CPU per file.
 * --js-flags F  V8 flags for the browser (e.g. --single-threaded-gc: to see which share of the CPU is GC).
 * --profile    record a CPU profile of the page's main thread during each config's first run and print
 *              the functions with the most self time (where the main thread's time goes).
 *
 * Run: npm run bench:browser -- --files 1000 --configs 2x1,1x2
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, launch, poll, readRows, ROOT, runStamp, startPreview, waitForBackend } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const backend = opt('--backend', 'auto');
const webgpu = args.includes('--webgpu') || backend === 'webgpu';
const runs = Number(opt('--runs', 3));
const configs = opt('--configs', 'auto').split(',');
const outFile = opt('--out', join(ROOT, 'results', 'bench-browser.json'));
const profile = args.includes('--profile');
const fixtures = readdirSync(FIXTURES).filter((f) => /\.fits(\.gz)?$/.test(f)).sort();
const nFiles = Number(opt('--files', fixtures.length));

/** N distinct files: the fixtures cycled, each copy under its own name (the app keys rows by file name). */
function makeFiles(n) {
  if (n === fixtures.length) return { dir: undefined, files: fixtures.map((f) => join(FIXTURES, f)) };
  const dir = mkdtempSync(join(tmpdir(), 'gasnet-bench-'));
  const files = [];
  for (let i = 0; i < n; i++) {
    const src = fixtures[i % fixtures.length];
    const dst = join(dir, `c${String(i).padStart(5, '0')}-${src}`);
    copyFileSync(join(FIXTURES, src), dst);
    files.push(dst);
  }
  return { dir, files };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * CPU time (ms, user + system) used so far by the browser's process tree (Linux /proc; 100 ticks/s).
 * On a shared machine the wall clock depends on the other load; CPU time per spectrum does much less,
 * and 2 cores / (CPU time per spectrum) bounds what two idle cores could do.
 */
function browserCpuMs(userDataDir) {
  const info = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      info.set(Number(pid), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), cmd });
    } catch {
      // gone meanwhile
    }
  }
  const root = [...info].find(([, p]) => p.cmd.includes(`--user-data-dir=${userDataDir}`))?.[0];
  let ticks = 0;
  for (const [pid, p] of info) {
    for (let q = pid, n = 0; q > 1 && n < 10; q = info.get(q)?.ppid ?? 0, n++) {
      if (q === root) {
        ticks += p.ticks;
        break;
      }
    }
  }
  return ticks * 10;
}

/**
 * CPU time (ms) by thread of the browser's process tree, keyed "process type/thread name"
 * (e.g. "renderer/DedicatedWorker thread", "browser/ThreadPoolForeg"): where the time goes,
 * since the page's own clock cannot see the browser process or the other threads.
 */
function browserCpuByThread(userDataDir) {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      procs.set(Number(pid), { ppid, cmd });
    } catch {
      // gone meanwhile
    }
  }
  const root = [...procs].find(([, p]) => p.cmd.includes(`--user-data-dir=${userDataDir}`))?.[0];
  const out = new Map();
  for (const [pid, p] of procs) {
    let inTree = false;
    for (let q = pid, n = 0; q > 1 && n < 10; q = procs.get(q)?.ppid ?? 0, n++) if (q === root) inTree = true;
    if (!inTree) continue;
    const type = /--type=([a-z-]+)/.exec(p.cmd)?.[1] ?? 'browser';
    const extra = /--utility-sub-type=([a-zA-Z.]+)/.exec(p.cmd)?.[1];
    let tids = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[0-9]+$/, '');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const key = `${type}${extra ? `(${extra.split('.').pop()})` : ''}/${comm}`;
        out.set(key, (out.get(key) ?? 0) + (Number(f[11]) + Number(f[12])) * 10);
      } catch {
        // gone meanwhile
      }
    }
  }
  return out;
}

/** The threads that used the most CPU between two browserCpuByThread snapshots, ms per spectrum. */
function cpuByThreadDiff(before, after, spectra) {
  return Object.fromEntries(
    [...after]
      .map(([k, v]) => [k, (v - (before.get(k) ?? 0)) / spectra])
      .filter(([, v]) => v > 0.05)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, v]) => [k, Number(v.toFixed(2))]),
  );
}

/**
 * Long tasks of the page's main thread, recorded from the first script on, and how long the page's
 * own handlers of the drop's 'change' event take (a capturing listener runs first, a bubbling one on
 * window last).
 */
const LONGTASK_OBSERVER = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let changeStart = 0;
  window.addEventListener('change', () => (changeStart = performance.now()), true);
  window.addEventListener('change', () => (window.__dropHandlerMs = performance.now() - changeStart));
};

async function measureConfig(browser, server, files, config) {
  const page = await browser.context.newPage();
  await page.addInitScript(LONGTASK_OBSERVER);
  const query = config === 'auto' ? '' : `?workers=${config.split('x')[0]}&threads=${config.split('x')[1]}`;
  await page.goto(server.baseUrl + query);
  if (backend !== 'auto') await page.selectOption('[data-testid="backend-choice"]', backend);
  const info = await poll(async () => {
    const b = await waitForBackend(page, 120_000);
    return backend === 'auto' || b.backend === backend ? b : false;
  }, `backend ${backend}`, { timeout: 120_000 });
  const env = await page.evaluate(() => ({ cores: navigator.hardwareConcurrency, isolated: crossOriginIsolated, ua: navigator.userAgent }));

  const measured = [];
  for (let run = 0; run < runs; run++) {
    const cdp = profile && run === 0 ? await browser.context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const before = await runStamp(page);
    const cpu0 = browserCpuMs(browser.userDataDir);
    const threads0 = browserCpuByThread(browser.userDataDir);
    const t0 = Date.now();
    await page.setInputFiles('input[type="file"][multiple]', files);
    await poll(async () => (await runStamp(page)) !== before, 'the run to start', { timeout: 60_000, interval: 20 });
    const firstRowMs = await poll(async () => ((await page.$('[data-testid="result-row"]:not(.restored)')) ? Date.now() - t0 : false), 'a first row', { interval: 10, timeout: 120_000 });
    const r = await poll(async () => {
      const p = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="progress"]');
        const ms = document.querySelector('[data-testid="ms-per-spectrum"]')?.getAttribute('data-ms');
        const num = (a) => Number(el?.getAttribute(a));
        return { running: el?.getAttribute('data-running'), started: num('data-started'), finished: num('data-finished'), done: num('data-done'), errors: num('data-errors'), ms: Number(ms) };
      });
      return p.running === 'false' && Number.isFinite(p.finished) ? p : false;
    }, 'the run to finish', { timeout: 900_000, interval: 100 });
    const cpuMs = browserCpuMs(browser.userDataDir) - cpu0;
    const threads1 = browserCpuByThread(browser.userDataDir);
    const load1 = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
    // Long tasks that overlap the run (page clock, as data-started/data-finished), but for the one the
    // drop happens in: that is Playwright's setInputFiles (a DevTools message that makes the 1000 File
    // objects and dispatches 'change' inside it, ~1–1.5 s in a trace), not the app. The app's part of
    // it, its handlers of that 'change', is measured on its own (dropHandlerMs).
    const { tasks, harness, dropHandlerMs } = await page.evaluate(([a, b]) => {
      const overlapping = window.__longTasks.filter((t) => t.start + t.duration >= a && t.start <= b);
      const holdsDrop = (t) => t.start <= a && a <= t.start + t.duration;
      return { tasks: overlapping.filter((t) => !holdsDrop(t)), harness: overlapping.find(holdsDrop), dropHandlerMs: window.__dropHandlerMs ?? 0 };
    }, [r.started, r.finished]);
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile, config);
    // Counted by the progress bar: the table is virtualised, so the DOM holds only the rows in view.
    const spectra = r.done - r.errors;
    measured.push({ run, spectra, errors: r.errors, wallMs: r.finished - r.started, firstRowMs, workerMsPerSpectrum: r.ms, longTasks: tasks.length, longestTaskMs: longest, dropHandlerMs: Math.round(dropHandlerMs), setInputFilesTaskMs: Math.round(harness?.duration ?? 0), cpuMsPerSpectrum: cpuMs / spectra, cpuMsPerSpectrumByThread: cpuByThreadDiff(threads0, threads1, spectra), loadAverage1m: load1 });
  }

  // Opening spectra: click a row, wait for its χ² plot to carry data.
  const opens = [];
  const rows = await readRows(page);
  for (const r of rows.slice(0, 8)) {
    const t0 = Date.now();
    await page.click(`[data-testid="result-row"][data-file="${r.file}"]`);
    await poll(() => page.evaluate((file) => {
      const d = document.querySelector('[data-testid="detail"]');
      const g = document.querySelector('[data-testid="plot-chi2"] .js-plotly-plot');
      return d?.getAttribute('data-key')?.includes(file) && g?.data?.length > 0;
    }, r.file), `the plots of ${r.file}`, { interval: 10, timeout: 60_000 });
    opens.push(Date.now() - t0);
  }
  await page.close();
  const sps = (m) => (1000 * m.spectra) / m.wallMs;
  return {
    config,
    backend: info.backend,
    backendLabel: info.text,
    reason: info.title,
    env,
    runs: measured,
    median: {
      spectraPerSecond: median(measured.map(sps)),
      msPerSpectrumWall: median(measured.map((m) => m.wallMs / m.spectra)),
      wallMs: median(measured.map((m) => m.wallMs)),
      workerMsPerSpectrum: median(measured.map((m) => m.workerMsPerSpectrum)),
      cpuMsPerSpectrum: median(measured.map((m) => m.cpuMsPerSpectrum)),
      spectraPerSecondOnIdleCores: (1000 * cpus().length) / median(measured.map((m) => m.cpuMsPerSpectrum)),
      loadAverage1m: median(measured.map((m) => m.loadAverage1m)),
      firstRowMs: median(measured.map((m) => m.firstRowMs)),
      longestTaskMs: Math.max(...measured.map((m) => m.longestTaskMs)),
      dropHandlerMs: Math.max(...measured.map((m) => m.dropHandlerMs)),
      openSpectrumMs: median(opens),
    },
    openSpectrumMs: opens,
  };
}

/** Self time by function (url:line) of a CDP CPU profile, top 25. */
function printProfile(p, config) {
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const self = new Map();
  let total = 0;
  for (const n of p.nodes) {
    const us = dt.get(n.id) ?? 0;
    total += us;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`main-thread profile (${config}): ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [k, us] of top) console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}

/**
 * The floor of any app over the same files: a bare worker (no app, no parsing) that only reads every
 * dropped File with Blob.arrayBuffer(), as the analysis workers do. Measured in the same browser and
 * run, so each configuration's CPU per spectrum can be given as a multiple of it.
 */
async function measureReadFloor(browser, files) {
  const page = await browser.context.newPage();
  await page.setContent('<input type="file" multiple>');
  await page.setInputFiles('input', files);
  const threads0 = browserCpuByThread(browser.userDataDir);
  const cpu0 = browserCpuMs(browser.userDataDir);
  const wallMs = await page.evaluate(async () => {
    const src = 'onmessage = async (e) => { const t = performance.now(); let n = 0; for (const f of e.data) n += (await f.arrayBuffer()).byteLength; postMessage(performance.now() - t); };';
    const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    const list = [...document.querySelector('input').files];
    return await new Promise((res) => {
      w.onmessage = (e) => res(e.data);
      w.postMessage(list);
    });
  });
  const cpuMs = browserCpuMs(browser.userDataDir) - cpu0;
  const byThread = cpuByThreadDiff(threads0, browserCpuByThread(browser.userDataDir), files.length);
  await page.close();
  return { what: 'one worker reads every file with Blob.arrayBuffer(), nothing else', files: files.length, wallMsPerFile: wallMs / files.length, cpuMsPerFile: cpuMs / files.length, cpuMsPerFileByThread: byThread };
}

const { dir, files } = makeFiles(nFiles);
const server = await startPreview();
const jsFlags = opt('--js-flags', '');
const browser = await launch({ webgpu, args: jsFlags ? [`--js-flags=${jsFlags}`] : [] });
try {
  const readFloor = await measureReadFloor(browser, files);
  console.log(`floor: reading ${files.length} files in a bare worker: ${readFloor.wallMsPerFile.toFixed(2)} ms/file wall, ${readFloor.cpuMsPerFile.toFixed(2)} ms CPU/file (${Object.entries(readFloor.cpuMsPerFileByThread).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  const results = [];
  for (const config of configs) {
    const r = await measureConfig(browser, server, files, config);
    results.push(r);
    console.log(`\n${config}: ${r.backendLabel} (${r.reason})   cores ${r.env.cores}, crossOriginIsolated ${r.env.isolated}`);
    console.log('run  spectra  errors  wall ms  spectra/s  worker ms/spectrum  CPU ms/spectrum  load  first row ms  long tasks  longest ms  drop handler ms  (setInputFiles task ms)');
    for (const m of r.runs) {
      console.log(
        `${String(m.run).padStart(3)}  ${String(m.spectra).padStart(7)}  ${String(m.errors).padStart(6)}  ${m.wallMs.toFixed(0).padStart(7)}  ${((1000 * m.spectra) / m.wallMs).toFixed(1).padStart(9)}  ${m.workerMsPerSpectrum.toFixed(2).padStart(18)}  ${m.cpuMsPerSpectrum.toFixed(2).padStart(15)}  ${m.loadAverage1m.toFixed(1).padStart(4)}  ${String(m.firstRowMs).padStart(12)}  ${String(m.longTasks).padStart(10)}  ${m.longestTaskMs.toFixed(0).padStart(10)}  ${String(m.dropHandlerMs).padStart(15)}  (${m.setInputFilesTaskMs})`,
      );
    }
    const md = r.median;
    for (const m of r.runs) console.log(`CPU ms/spectrum by thread (run ${m.run}): ${Object.entries(m.cpuMsPerSpectrumByThread).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    md.cpuRatioToReadFloor = md.cpuMsPerSpectrum / readFloor.cpuMsPerFile;
    console.log(`CPU per spectrum = ${md.cpuRatioToReadFloor.toFixed(1)} × the floor of reading the files (${readFloor.cpuMsPerFile.toFixed(2)} ms CPU/file)`);
    console.log(`median: ${md.spectraPerSecond.toFixed(1)} spectra/s (${md.msPerSpectrumWall.toFixed(2)} ms/spectrum wall; ${md.cpuMsPerSpectrum.toFixed(2)} ms CPU/spectrum → ${md.spectraPerSecondOnIdleCores.toFixed(0)} spectra/s if the ${cpus().length} cores were idle), ${md.workerMsPerSpectrum.toFixed(2)} ms/spectrum in a worker, first row ${md.firstRowMs} ms, longest main-thread task ${md.longestTaskMs.toFixed(0)} ms, open a spectrum ${md.openSpectrumMs} ms (click → χ² plot)`);
  }
  const best = results.reduce((a, b) => (b.median.spectraPerSecond > a.median.spectraPerSecond ? b : a));
  const summary = {
    command: `npm run bench:browser -- ${args.join(' ')}`.trim(),
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, browserCores: results[0].env.cores, crossOriginIsolated: results[0].env.isolated },
    files: files.length,
    runsPerConfig: runs,
    note: 'cpuMsPerSpectrum: CPU time (user+system) of the whole browser process tree during the run / spectra; spectraPerSecondOnIdleCores = 1000 × cores / cpuMsPerSpectrum (an upper bound: perfect use of every core, for a machine shared with other load — loadAverage1m says how shared). spectraPerSecond: median over runs of spectra / (progress finished − started), page clock; longestTaskMs: max over runs of the longest main-thread long task (≥ 50 ms; 0 = none) overlapping the run, except the task the drop happens in, which is Playwright’s setInputFiles creating the File objects over DevTools (setInputFilesTaskMs; ~1–1.5 s for 1000 files in a trace, most of it outside the app); dropHandlerMs: the app’s own handlers of that drop’s change event (max over runs). Config WxT = W workers × T ORT WASM threads each.',
    readFloor,
    fastest: best.config,
    configs: results.map((r) => ({ ...r, threads: Number(r.config.split('x')[1] ?? 1) > 1 ? 'on' : 'off' })),
  };
  mkdirSync(join(ROOT, 'results'), { recursive: true });
  writeFileSync(outFile, JSON.stringify(summary, null, 2) + '\n');
  console.log(`\nfastest: ${best.config} (${best.median.spectraPerSecond.toFixed(1)} spectra/s); wrote ${outFile}`);
} finally {
  await browser.close();
  server.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
