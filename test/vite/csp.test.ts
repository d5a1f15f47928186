import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, contentSecurityPolicy } from '../../vite/csp.ts';

const directives = (policy: string) => new Map(policy.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('Content-Security-Policy', () => {
  it('allows scripts from the app only: no inline scripts, no eval beyond wasm-unsafe-eval; fetches only to self', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER]) {
      const d = directives(policy);
      expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('connect-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(policy).not.toMatch(/'unsafe-eval'|\*/); // no eval, no wildcard source
      expect([...d.keys()].filter((k) => d.get(k)!.includes("'unsafe-inline'"))).toEqual(['style-src']);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/frame-ancestors/); // ignored (and logged) in a meta tag
    expect(directives(CONTENT_SECURITY_POLICY_HEADER).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is put first in the built page’s head, and left out of the dev server', () => {
    const plugin = contentSecurityPolicy();
    const hook = plugin.transformIndexHtml as { handler: (html: string, ctx: object) => unknown };
    const built = hook.handler('<html></html>', { path: '/index.html', filename: 'index.html' }) as { tags: { attrs: Record<string, string>; injectTo: string }[] };
    expect(built.tags[0].attrs).toEqual({ 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY });
    expect(built.tags[0].injectTo).toBe('head-prepend');
    expect(hook.handler('<html></html>', { path: '/index.html', filename: 'index.html', server: {} })).toBe('<html></html>');
  });
});
