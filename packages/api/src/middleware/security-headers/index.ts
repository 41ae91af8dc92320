/**
 * Security headers through hono's `secureHeaders`. `securityHeaders()` goes on every
 * answer: `nosniff`, `X-Frame-Options: DENY` and a CSP of `default-src 'none';
 * frame-ancestors 'none'` (JSON is data, never a document: it may load nothing and be
 * framed by no one), `Referrer-Policy: no-referrer` (paths carry application ids and
 * USCCs), HSTS and the rest of hono's defaults. `pageSecurityHeaders()` goes on an
 * HTML page: the same, with its inline stylesheets allowed by their SHA-256, so no
 * 'unsafe-inline' and nothing per request (the page stays cacheable).
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const COMMON = {
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
} as const;

const LOCKED_DOWN = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/** For every answer. A page's own headers (set further in) are kept. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({ ...COMMON, contentSecurityPolicy: LOCKED_DOWN, overwrite: false });
}

/** The CSP source that allows exactly this inline text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** For an HTML page whose only inline content is these stylesheets. */
export function pageSecurityHeaders(options: { styles: readonly string[] }): MiddlewareHandler {
  return secureHeaders({
    ...COMMON,
    contentSecurityPolicy: { ...LOCKED_DOWN, styleSrc: options.styles.map(cspHash) },
  });
}

/**
 * For the portal's pages: stylesheet, scripts and forms from this origin only (no
 * inline script or style at all), images from here or `data:`, and fetches to this
 * origin and to the upload origins given (browsers post documents straight to storage).
 * `connect` may be a lookup (the storage adapter knows its origin only once asked): it
 * runs on the first page and is kept; if it fails, pages go without it and ask again.
 */
export function portalSecurityHeaders(
  options: { connect?: readonly string[] | (() => Promise<string>) } = {},
): MiddlewareHandler {
  const build = (connect: readonly string[]) =>
    secureHeaders({
      ...COMMON,
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...connect],
      },
    });
  const { connect } = options;
  if (typeof connect !== 'function') return build(connect ?? []);
  let ready: MiddlewareHandler | undefined;
  return async (c, next) => {
    if (!ready) {
      const origin = await connect().catch(() => undefined);
      if (!origin) return build([])(c, next);
      ready = build([origin]);
    }
    return ready(c, next);
  };
}
