import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, builtCacheControl, servePrecompressed } from '../../vite/previewStatic.ts';
import { compressTree } from '../../vite/precompress.ts';
import { precacheList } from '../../vite/serviceWorker.ts';

const dir = mkdtempSync(join(tmpdir(), 'gasnet-static-'));
const runtime = 'x'.repeat(50_000) + 'wasm';
let server: Server;
let base = '';

beforeAll(async () => {
  mkdirSync(join(dir, 'ort'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'ort', 'ort-wasm-simd-threaded.wasm'), runtime);
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1);'.repeat(200));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>' + ' '.repeat(2000));
  compressTree(dir, mkdtempSync(join(tmpdir(), 'gasnet-brcache-')));
  const serve = servePrecompressed(dir, '/', 'v123');
  server = createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('next');
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(() => server?.close());

describe('the preview static server', () => {
  it('sends the Brotli copy to a browser that accepts it, with the original type, and the plain file otherwise', async () => {
    const br = await fetch(`${base}ort/ort-wasm-simd-threaded.wasm?v=v123`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('application/wasm');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(br.headers.get('content-length'))).toBeLessThan(runtime.length / 10);
    expect(await br.text()).toBe(runtime); // fetch decodes it
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect(br.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const gz = await fetch(`${base}ort/ort-wasm-simd-threaded.wasm`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('cache-control')).toBe('no-cache'); // no version: revalidate
    const plain = await fetch(`${base}ort/ort-wasm-simd-threaded.wasm`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(runtime);
  });

  it('answers a revalidation with 304, serves / as index.html and lets unknown or escaping paths through', async () => {
    const first = await fetch(base, { headers: { 'accept-encoding': 'br' } });
    expect(first.headers.get('content-type')).toMatch(/text\/html/);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${base}index.html`, { headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await fetch(`${base}nope.wasm`)).status).toBe(404);
    expect((await fetch(`${base}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${base}assets/index-abc.js`)).headers.get('cache-control')).toContain('immutable');
  });

  it('reads Accept-Encoding with q-values and decides Cache-Control by name', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(builtCacheControl('ort/a.wasm', new URLSearchParams('v=old'), 'new')).toBe('no-cache');
    expect(builtCacheControl('index.html', new URLSearchParams(), 'new')).toBe('no-cache');
  });

  it('the service worker stores the shell with the runtime under its versioned URL, not source maps or the WebGPU runtime', () => {
    const list = precacheList(['assets/a-1.js', 'assets/a-1.js.map', 'assets/ort.webgpu.min-DXQUL0q0.js', 'assets/ort.wasm.min-CZrmQurW.js', 'ort/ort-wasm-simd-threaded.wasm', 'ort/ort-wasm-simd-threaded.asyncify.wasm'], 'v9');
    expect(list).toEqual(['assets/a-1.js', 'assets/ort.wasm.min-CZrmQurW.js', 'favicon.svg', 'index.html', 'models/manifest.json', 'ort/ort-wasm-simd-threaded.wasm?v=v9']);
  });
});
