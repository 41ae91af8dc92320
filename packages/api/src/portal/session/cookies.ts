/**
 * The portal's cookies. On HTTPS they are `Secure` and carry the `__Host-` prefix (the
 * browser then refuses them from any other host or path, so a sibling subdomain cannot
 * plant one); on the plain-HTTP local stack they keep their bare names. All are
 * HttpOnly and SameSite=Lax: sent on a top-level navigation from elsewhere (a link to a
 * notice works) but never on another site's form post or fetch.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export type CookieName = 'session' | 'csrf' | 'signin';

function secure(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

export function readCookie(c: Context, name: CookieName): string | undefined {
  return secure(c) ? getCookie(c, name, 'host') : getCookie(c, name);
}

export function writeCookie(
  c: Context,
  name: CookieName,
  value: string,
  options: { maxAgeSeconds?: number } = {},
): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    ...(options.maxAgeSeconds !== undefined && { maxAge: options.maxAgeSeconds }),
    ...(secure(c) && { prefix: 'host' as const }),
  });
}

export function clearCookie(c: Context, name: CookieName): void {
  deleteCookie(c, name, { path: '/', ...(secure(c) && { prefix: 'host' as const }) });
}
