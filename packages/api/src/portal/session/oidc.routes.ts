/**
 * Signing in on a deployment: `/<t>/signin` sends the browser to the issuer with a fresh
 * state, nonce and PKCE challenge (kept in the short-lived `signin` cookie), and
 * `/auth/callback` (the one redirect URI registered at the issuer) finishes the flow,
 * checks that the token names a tenant and a role here, starts the session and goes
 * back to where the person was.
 */
import type { ResolvedTenant } from '@sme/core';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { OidcSignIn, PendingSignIn } from '../../auth/oidc-sign-in.js';
import type { TokenVerifier } from '../../auth/token-verifier.js';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { SignInFailedError } from '../../problem/errors.js';
import { clearCookie, readCookie, writeCookie } from './cookies.js';
import { startSession } from './session.js';
import { isLocalPath } from './signin-paths.js';

export const CALLBACK_PATH = '/auth/callback';
/** Long enough to type a password and an MFA code; short enough to be useless later. */
const PENDING_SECONDS = 600;

const redirectUri = (c: Context) => `${new URL(c.req.url).origin}${CALLBACK_PATH}`;

function readPending(c: Context): PendingSignIn {
  const text = readCookie(c, 'signin');
  try {
    const pending = JSON.parse(Buffer.from(text ?? '', 'base64url').toString('utf8'));
    if (typeof pending?.state === 'string' && typeof pending?.verifier === 'string') {
      return pending as PendingSignIn;
    }
  } catch {
    // fall through: no usable pending sign-in
  }
  throw new SignInFailedError('signin_refused', 'no pending sign-in');
}

/** `/<t>/signin`: off to the issuer. */
export function oidcSignInStart(
  oidc: OidcSignIn,
  safeNext: (tenant: ResolvedTenant, next: unknown) => string | undefined,
) {
  return new Hono().get('/:t/signin', async (c) => {
    const tenant = scopeOf(c).tenant;
    const { url, pending } = await oidc.start(
      redirectUri(c),
      safeNext(tenant, c.req.query('next')) ?? `/${tenant.id}/`,
    );
    const encoded = Buffer.from(JSON.stringify(pending), 'utf8').toString('base64url');
    writeCookie(c, 'signin', encoded, { maxAgeSeconds: PENDING_SECONDS });
    return c.redirect(url.toString(), 303);
  });
}

/** `/auth/callback`: back from the issuer. */
export function oidcCallback(oidc: OidcSignIn, verifier: TokenVerifier) {
  return new Hono().get(CALLBACK_PATH, async (c) => {
    const pending = readPending(c);
    // One use only, whatever happens next.
    clearCookie(c, 'signin');
    const { idToken, expiresIn } = await oidc.finish(new URL(c.req.url), redirectUri(c), pending);
    const claims = await verifier.verify(idToken).catch((error: unknown) => {
      throw new SignInFailedError('account_not_enabled', error);
    });
    startSession(c, idToken, expiresIn);
    const next = pending.next && isLocalPath(pending.next) ? pending.next : `/${claims.tenant}/`;
    return c.redirect(next, 303);
  });
}
