/**
 * `noStore()`: `Cache-Control: no-store` on every API answer that may carry personal
 * data, so no browser, proxy or CDN keeps a copy of an application, a history, a
 * token or an objection's contact. The exceptions are the public catalogue and the API
 * description: the same for every caller and free of personal data, so an operator may
 * cache them at the edge. They get no Cache-Control from here: the catalogue routes set
 * their own (`public`, until the next opening or closing at most, with an `ETag`), since
 * only they know when a call's state changes; the API description is left to the edge.
 */
import type { MiddlewareHandler } from 'hono';

/** GET (and HEAD) of these may be cached. */
export const CACHEABLE_PATHS: readonly RegExp[] = [
  /^\/api\/tenants$/,
  /^\/api\/tenants\/[^/]+$/,
  /^\/api\/tenants\/[^/]+\/programs\/[^/]+$/,
  /^\/api\/openapi\.json$/,
  /^\/api\/docs$/,
];

export function noStore(cacheable: readonly RegExp[] = CACHEABLE_PATHS): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const read = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (read && cacheable.some((path) => path.test(c.req.path))) return;
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
