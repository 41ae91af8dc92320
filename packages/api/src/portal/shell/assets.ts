/**
 * The portal's static assets (its stylesheet and its few scripts), served by the app
 * itself: no CDN, since the platform runs where outside networks may be closed. Each is
 * addressed by its content hash, so it can be cached for a year, and linked with its
 * SHA-384 as the `integrity` attribute.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { COUNTDOWN_JS } from './scripts/countdown.js';
import { UPLOAD_JS } from './scripts/upload.js';
import { USCC_CHECK_JS } from './scripts/uscc-check.js';
import { PORTAL_CSS } from './styles.js';

export interface Asset {
  /** Where pages link it: `/assets/<name>.<hash>.<ext>`. */
  path: string;
  /** Subresource integrity: `sha384-…`. */
  integrity: string;
  type: string;
  body: string;
}

function asset(name: string, ext: 'css' | 'js', body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    path: `/assets/${name}.${hash}.${ext}`,
    integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
    type: ext === 'css' ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    body,
  };
}

export const ASSETS = {
  css: asset('portal', 'css', PORTAL_CSS),
  countdown: asset('countdown', 'js', COUNTDOWN_JS),
  usccCheck: asset('uscc-check', 'js', USCC_CHECK_JS),
  upload: asset('upload', 'js', UPLOAD_JS),
} satisfies Record<string, Asset>;

export type ScriptName = Exclude<keyof typeof ASSETS, 'css'>;

const byPath = new Map(Object.values(ASSETS).map((a) => [a.path, a]));

export function assetRoutes() {
  return (
    new Hono()
      // Browsers ask for it on every site; the portal has none, and says so cacheably.
      .get('/favicon.ico', (c) => c.body(null, 204, { 'cache-control': 'public, max-age=86400' }))
      .get('/assets/:file', (c) => {
        const found = byPath.get(c.req.path);
        if (!found) return c.notFound();
        return c.body(found.body, 200, {
          'content-type': found.type,
          'cache-control': 'public, max-age=31536000, immutable',
        });
      })
  );
}
