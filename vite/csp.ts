/**
 * The app's Content-Security-Policy (issue 6) and the Vite plugin that ships
 * it: a <meta http-equiv> tag in the built index.html, and the same policy
 * as a response header from `vite preview` (the header also governs the
 * workers, which a document's meta tag does not reach). Static hosts should
 * send the header too (docs/reliability.md).
 *
 * Scripts only from the app's own origin, no inline scripts, no eval;
 * 'wasm-unsafe-eval' lets ONNX Runtime and PFFFT compile their WebAssembly.
 * Every fetch (models, runtime, examples) goes to the app's origin only, so
 * a user's spectra cannot be sent anywhere. Inline styles stay allowed
 * (React style props, Plotly's generated styles); they cannot run code.
 * The dev server is left without it: React Fast Refresh injects an inline
 * script.
 */
import type { Plugin } from 'vite';

const DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self' data: blob:",
  'style-src': "'self' 'unsafe-inline'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/** The policy as a meta tag can carry it (frame-ancestors is ignored there, with a console error). */
export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** The policy as a response header: the same, and no framing by other sites. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'gasnet:content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html; // dev: Fast Refresh needs an inline script
        return {
          html,
          tags: [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
        };
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER);
        next();
      });
    },
  };
}
