/**
 * `authenticate(verifier)`: reads `Authorization: Bearer <jwt>`, verifies it and puts the
 * claims on the context. Public routes ignore a missing or bad token; routes that need a
 * caller read it with `callerOf(c)`, which answers 401 for either.
 */

import type { Claims } from '@sme/platform';
import type { Context, MiddlewareHandler } from 'hono';
import { UnauthorizedError } from '../problem/errors.js';
import type { TokenVerifier } from './token-verifier.js';

export type AuthEnv = { Variables: { claims?: Claims } };

export function authenticate(verifier: TokenVerifier): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (token) {
      const claims = await verifier.verify(token).catch(() => undefined);
      if (claims) c.set('claims', claims);
    }
    await next();
  };
}

/** The verified caller, or 401. */
export function callerOf(c: Context): Claims {
  const claims = c.get('claims') as Claims | undefined;
  if (!claims) throw new UnauthorizedError();
  return claims;
}
