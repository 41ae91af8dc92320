/**
 * What the app needs from its host: the local stack and the Lambda entry point each
 * supply these, so the routes never know which runtime they are in.
 */
import type { Clock, ResolvedTenant, VirtualClock } from '@sme/core';
import type { DocumentStore, TenantTable } from '@sme/store';
import type { TaskReleaser } from '@sme/workflow';
import type { TokenVerifier } from './auth/token-verifier.js';

export interface AppDeps {
  /** Every tenant, resolved at build or start time. */
  tenants: readonly ResolvedTenant[];
  clock: Clock;
  storage: { table: TenantTable; documents: DocumentStore };
  /** Checks bearer tokens: HS256 locally, the OIDC issuer's JWKS on AWS. */
  verifier: TokenVerifier;
  /** Releases the review workflow's waiting tasks (the local engine, or Step Functions). */
  review: TaskReleaser;
  /** New ids for applications and documents. @default crypto.randomUUID */
  newId?: () => string;
  /** Whether table, bucket and workflow executor answer. */
  readiness(): Promise<{ ready: boolean; detail?: string }>;
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
}
