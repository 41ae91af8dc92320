/**
 * What the app needs from its host: the local stack and the Lambda entry point each
 * supply these, so the routes never know which runtime they are in.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock, VirtualClock } from '@sme/core';
import type { Platform, TenantRegistry } from '@sme/platform';
import type { OidcSignIn } from './auth/oidc-sign-in.js';
import type { TokenVerifier } from './auth/token-verifier.js';

export interface AppDeps {
  /** Every use case, wired by `createPlatform` with the host's adapters. */
  platform: Platform;
  /** Checks bearer tokens: HS256 locally, the OIDC issuer's JWKS on AWS. */
  verifier: TokenVerifier;
  /**
   * Whether table, bucket and workflow executor answer; and, while the local executor
   * resumes the runs it found after a restart, how far along it is.
   */
  readiness(): Promise<{
    ready: boolean;
    detail?: string;
    resuming?: { done: number; of: number };
  }>;
  /** On a deployment: the portal signs people in through the issuer (code flow, PKCE). */
  oidc?: OidcSignIn;
  /** Present only on the local stack: enables `/api/dev/*`. */
  dev?: DevDeps;
}

export interface DevDeps {
  clock: VirtualClock;
  /** HMAC secret for the tokens `/api/dev/login` issues. */
  tokenSecret: string;
  /**
   * Real time, for token issue and expiry: moving the business clock forward by a month
   * must not sign everyone out.
   */
  sessionClock: Clock;
  /** Fires every timer due by `now`; returns how many fired. */
  fireDueTimers(now: Date): Promise<number>;
  /**
   * The `/api/dev/*` routes (`devRoutes` from `@sme/api/dev`), handed in by the host: only
   * the local stack and the tests import them, so no Lambda bundle carries code that
   * mints tokens or moves the clock, even unmounted.
   */
  routes(registry: TenantRegistry, dev: DevDeps): OpenAPIHono;
}
