/**
 * Turns a bearer token into claims. Locally tokens are HS256 from `/api/dev/login`; on
 * AWS they come from the deployment's OIDC issuer (a Cognito user pool, or the
 * province's unified identity platform), verified against its JWKS, with the claim
 * names that issuer uses mapped in configuration.
 */

import { ROLES, type Role } from '@sme/core';
import { type ClaimNames, type Claims, DEFAULT_CLAIM_NAMES } from '@sme/platform';
import { type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

export interface TokenVerifier {
  /** The token's claims; throws when the token is not valid. */
  verify(token: string): Promise<Claims>;
}

// Where they are defined, for the API's callers that import them from here.
export { type ClaimNames, DEFAULT_CLAIM_NAMES };

function text(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Roles arrive as an array, or as one comma-separated string (custom attributes). */
function roles(value: unknown): Role[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list
    .map((r) => String(r).trim())
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

export function claimsFromPayload(
  payload: JWTPayload,
  names: ClaimNames = DEFAULT_CLAIM_NAMES,
): Claims {
  const tenant = text(payload, names.tenant);
  const found = roles(payload[names.roles]);
  if (!payload.sub || !tenant || found.length === 0)
    throw new Error('token lacks sub, tenant or roles');
  const optional = (key: 'region' | 'org' | 'expertId' | 'name') => {
    const value = text(payload, names[key]);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    sub: payload.sub,
    tenant,
    roles: found,
    ...optional('region'),
    ...optional('org'),
    ...optional('expertId'),
    ...optional('name'),
  };
}

/**
 * jose checks `exp` only when it is there: a token without one would be valid forever,
 * and a leaked one could never be made to lapse.
 */
const REQUIRED_CLAIMS = ['exp'];

/** Tokens signed with a shared secret (the local stack). */
export function hmacVerifier(secret: string): TokenVerifier {
  const key = new TextEncoder().encode(secret);
  return {
    async verify(token) {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        requiredClaims: REQUIRED_CLAIMS,
      });
      return claimsFromPayload(payload);
    },
  };
}

/** Tokens of an OIDC issuer, checked against its key set (`createRemoteJWKSet(url)` on AWS). */
export function jwksVerifier(options: {
  keys: JWTVerifyGetKey;
  issuer: string;
  /** The client id(s) a token must be issued to; unchecked when absent. */
  audience?: string | string[];
  claimNames?: ClaimNames;
}): TokenVerifier {
  return {
    async verify(token) {
      const { payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        requiredClaims: REQUIRED_CLAIMS,
        ...(options.audience && { audience: options.audience }),
      });
      return claimsFromPayload(payload, options.claimNames);
    },
  };
}
