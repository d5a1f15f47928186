/**
 * Issue 6, hostile input: header strings, table strings and file names that
 * carry HTML/JS (<img onerror>, <script>, javascript: links) are shown as
 * text everywhere — table cells, tooltips, the spectrum view, plot axis
 * titles, error messages, exports — no script runs and no element is
 * injected. The page runs under its Content-Security-Policy (meta tag and
 * header, enforced: an inline script and an inline handler are refused), and
 * user data never leaves the origin (the harness checks every request of
 * every spec).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fakeSpectrum, fixture, patchHeader, patchTableString, spectrumTable } from './fitsFiles.mjs';
import { poll, readRows, runStamp, waitForBackend, waitForRows } from './lib.mjs';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const LINK = '<a href="javascript:window.__pwned=3">x</a>';
const JS_URL = 'javascript:window.__pwned=4';
const SUBCLASS = '<img src=x onerror=1>'; // 21 characters: the SDSS SUBCLASS field

const NAME_SDSS = `${IMG}.fits`;
const NAME_TABLE = `${JS_URL}.fits`;
const NAME_BROKEN = `<svg onload="window.__pwned=5">.fits`;

function hostileSdss() {
  let b = fixture('sdss/spec-0375-52140-0356.fits');
  b = patchHeader(b, 1, { TUNIT1: LINK }); // flux unit → the flux axis title
  b = patchTableString(b, 2, 'SUBCLASS', 0, SUBCLASS); // the file's own answer, in the view header
  return b;
}

function hostileTable() {
  return spectrumTable({
    ...fakeSpectrum(3000, 3700, 9000),
    primary: { OBJECT: IMG }, // spectrum id and object name
    units: { wavelength: JS_URL, flux: SCRIPT }, // an unknown unit is quoted in an issue; the flux unit labels the axis
  });
}

/** Record anything that would mean markup got through: new elements of risky kinds, event-handler attributes, CSP reports. */
function watchForInjection() {
  const w = /** @type {any} */ (window);
  w.__injected = [];
  w.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));
  const URL_ATTRS = /^(href|xlink:href|src|action|formaction|data)$/i;
  const risky = (el) =>
    /^(IMG|SCRIPT|IFRAME|OBJECT|EMBED)$/i.test(el.tagName)
      ? el.tagName
      : [...el.attributes].some((a) => /^on/i.test(a.name) || (URL_ATTRS.test(a.name) && /^\s*javascript:/i.test(a.value)))
        ? `${el.tagName}[${[...el.attributes].map((a) => a.name).join(',')}]`
        : undefined;
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const el of [n, ...n.querySelectorAll('*')]) {
          const why = risky(el);
          if (why) w.__injected.push(why);
        }
      }
      if (r.type === 'attributes' && /^on/i.test(r.attributeName ?? '')) w.__injected.push(`${r.target.tagName}[${r.attributeName}]`);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

const state = (page) => page.evaluate(() => ({ pwned: /** @type {any} */ (window).__pwned, injected: /** @type {any} */ (window).__injected, violations: /** @type {any} */ (window).__violations }));

/** All text nodes and attribute values under a selector. */
const textAndTitles = (page, selector) =>
  page.$$eval(selector, (els) => els.map((e) => [e.textContent, ...[...e.querySelectorAll('[title]')].map((t) => t.getAttribute('title'))].join('\n')).join('\n'));

export const tests = [
  {
    name: 'the built page carries its Content-Security-Policy (meta and header), and the browser enforces it: inline scripts and handlers are refused',
    async run({ page, baseUrl, consoleErrors }) {
      const response = await page.goto(baseUrl);
      await waitForBackend(page);
      const header = response.headers()['content-security-policy'];
      const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      for (const policy of [header, meta]) {
        assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
        assert.match(policy, /connect-src 'self'/);
        assert.doesNotMatch(policy, /'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
      }
      // What an injection would look like, done on purpose: an inline <script> and an inline handler.
      const before = consoleErrors.length;
      const refused = await page.evaluate(async () => {
        const w = /** @type {any} */ (window);
        const seen = [];
        document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__inlineScript = 1';
        document.body.append(script);
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__inlineHandler = 1');
        img.src = 'data:,not-an-image';
        document.body.append(img);
        await new Promise((r) => setTimeout(r, 0));
        for (let i = 0; i < 100 && new Set(seen).size < 2; i++) await new Promise((r) => setTimeout(r, 20));
        script.remove();
        img.remove();
        return { ran: [w.__inlineScript, w.__inlineHandler], seen };
      });
      assert.deepEqual(refused.ran, [undefined, undefined], 'neither ran');
      // Each refused by both copies of the policy (meta tag and header).
      assert.deepEqual([...new Set(refused.seen)].sort(), ['script-src-attr', 'script-src-elem'], 'both were refused by the policy');
      // These refusals were the point of this test: take their console reports out of the suite-wide CSP check.
      await poll(() => consoleErrors.length - before >= refused.seen.length, 'the refusals in the console', { timeout: 10_000 });
      const reports = consoleErrors.splice(before).filter((e) => !/Content Security Policy/.test(e));
      assert.deepEqual(reports, [], 'no other console errors');
    },
  },
  {
    name: 'HTML and javascript: URLs in headers, table strings and file names are shown as text in the table, tooltips, view, plots, errors and exports',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl);
      await page.evaluate(watchForInjection);
      await waitForBackend(page);
      const before = await runStamp(page);
      await page.setInputFiles('input[type="file"][multiple]', [
        { name: NAME_SDSS, mimeType: 'application/fits', buffer: hostileSdss() },
        { name: NAME_TABLE, mimeType: 'application/fits', buffer: hostileTable() },
        { name: NAME_BROKEN, mimeType: 'application/fits', buffer: Buffer.from(`SIMPLE  =                    T / ${IMG}`) },
      ]);
      await poll(async () => (await runStamp(page)) !== before, 'the run to start', { timeout: 10_000 });
      const rows = await waitForRows(page, 3);
      assert.deepEqual(rows.map((r) => r.file).sort(), [NAME_SDSS, NAME_TABLE, NAME_BROKEN].sort(), 'file names kept as they are');

      // Table cells and their tooltips hold the literal text.
      const table = await textAndTitles(page, '[data-testid="result-row"]');
      for (const s of [NAME_SDSS, NAME_TABLE, NAME_BROKEN, IMG]) assert.ok(table.includes(s), `the table shows ${s}`);
      const titles = await page.$$eval('[data-testid="result-row"] [title]', (els) => els.map((e) => e.getAttribute('title')));
      assert.ok(titles.includes(IMG) && titles.includes(NAME_SDSS), 'tooltips show the literal text');

      // The view of each spectrum: header, issues, the flux axis title (Plotly draws the characters, makes no link).
      for (const [file, expectInView, unit] of [
        [NAME_SDSS, [SUBCLASS], LINK],
        [NAME_TABLE, [IMG, `Unknown wavelength unit '${JS_URL}'`], SCRIPT],
      ]) {
        await page.click(`[data-testid="result-row"][data-file="${file.replace(/"/g, '\\"')}"]`);
        await poll(() => page.$('[data-testid="spectrum-view"]'), `the view of ${file}`, { timeout: 60_000 });
        const view = await page.textContent('[data-testid="detail"]');
        for (const s of [file, ...expectInView]) assert.ok(view.includes(s), `the view shows ${s}`);
        await page.check('[data-testid="toggle-flux"]');
        const axis = await poll(async () => {
          const t = await page.$$eval('[data-testid="plot-spectrum"] .ytitle', (els) => els.map((e) => e.textContent).join(' '));
          return t.includes('flux (') ? t : false;
        }, 'the flux axis title', { timeout: 60_000 });
        assert.ok(axis.includes(`flux (${unit.slice(0, 39)}`), `axis title '${axis}' shows the unit as text`);
        assert.equal(await page.$$eval('[data-testid="plot-spectrum"] a', (els) => els.length), 0, 'no link in the plot');
        await page.uncheck('[data-testid="toggle-flux"]');
      }

      // The broken file's error names it as text.
      await page.click(`[data-testid="result-row"][data-file="${NAME_BROKEN.replace(/"/g, '\\"')}"]`);
      const error = await (await page.waitForSelector('.detail-error')).textContent();
      assert.ok(error.includes(NAME_BROKEN), `error message: ${error}`);

      // Exports carry the strings as data (CSV cells quoted; formula starts defused).
      const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
      const exported = JSON.parse(readFileSync(await json.path(), 'utf8')).rows;
      assert.equal(exported.find((r) => r.fileName === NAME_TABLE)?.result?.meta?.objectName, IMG);
      assert.equal(exported.find((r) => r.fileName === NAME_SDSS)?.result?.meta?.truth?.subclass, SUBCLASS);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
      const text = readFileSync(await csv.path(), 'utf8');
      assert.ok(text.includes(`"${IMG.replace(/"/g, '""')}"`), 'the CSV quotes the markup as text');

      const s = await state(page);
      assert.equal(s.pwned, undefined, 'no injected script ran');
      assert.deepEqual(s.injected, [], 'no element or handler was injected');
      assert.deepEqual(s.violations, [], 'nothing had to be blocked by the CSP either');
    },
  },
];
