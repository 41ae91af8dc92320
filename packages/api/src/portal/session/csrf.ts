/**
 * Cross-site request forgery: a double-submit token. Every visitor gets a random
 * token in an HttpOnly cookie, and every form the portal renders carries the same
 * token in a hidden `_csrf` field. A post whose field does not equal its cookie is
 * refused before any handler runs: another site can make a browser post a form, but
 * it can read neither the cookie nor a page, so it cannot know the token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { CsrfRefusedError } from '../../problem/errors.js';
import { readCookie, writeCookie } from './cookies.js';

export const CSRF_FIELD = '_csrf';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type CsrfEnv = { Variables: { csrf: string } };

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Gives the visitor a token (kept across pages) and checks it on every state-changing
 * request. Forms are read here once; handlers read them again from hono's cache.
 */
export function csrfProtection(): MiddlewareHandler<CsrfEnv> {
  return async (c, next) => {
    const held = readCookie(c, 'csrf');
    const token = held && TOKEN.test(held) ? held : randomBytes(32).toString('base64url');
    if (token !== held) writeCookie(c, 'csrf', token);
    c.set('csrf', token);
    if (!['GET', 'HEAD'].includes(c.req.method)) {
      const sent = await submittedToken(c);
      if (!held || !sent || !same(sent, held)) throw new CsrfRefusedError();
    }
    await next();
  };
}

async function submittedToken(c: Context): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    return c.req.header('x-csrf-token');
  }
  const form = await c.req.parseBody();
  const value = form[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}

/** The token for a form this request renders. */
export function csrfToken(c: Context): string {
  return c.get('csrf') as string;
}
