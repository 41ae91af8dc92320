/**
 * The portal's session: the signed token of the person (locally from the demo
 * sign-in, on AWS from the OIDC issuer) in an HttpOnly cookie, verified on every
 * request by the same verifier as the API's bearer tokens. A token that no longer
 * verifies (expired, or signed by a key since rotated) ends the session.
 */
import type { Claims } from '@sme/platform';
import type { Context, MiddlewareHandler } from 'hono';
import type { TokenVerifier } from '../../auth/token-verifier.js';
import { clearCookie, readCookie, writeCookie } from './cookies.js';

export type SessionEnv = { Variables: { claims?: Claims } };

export function portalSession(verifier: TokenVerifier): MiddlewareHandler<SessionEnv> {
  return async (c, next) => {
    const token = readCookie(c, 'session');
    if (token) {
      const claims = await verifier.verify(token).catch(() => undefined);
      if (claims) c.set('claims', claims);
      else clearCookie(c, 'session');
    }
    await next();
  };
}

export function startSession(c: Context, token: string, lifetimeSeconds: number): void {
  writeCookie(c, 'session', token, { maxAgeSeconds: lifetimeSeconds });
}

export function endSession(c: Context): void {
  clearCookie(c, 'session');
}
