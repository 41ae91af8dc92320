/**
 * The claims every token carries, locally from `/api/dev/login` and on AWS from the
 * deployment's OIDC issuer (claim names mapped there).
 */
import type { Role } from '@sme/core';

export interface Claims {
  /** Stable id of the person. */
  sub: string;
  tenant: string;
  roles: Role[];
  /** The district a `district_reviewer` reviews for. */
  region?: string;
  /** The USCC a `provider` or `enterprise` acts for. */
  org?: string;
  /** The id an `expert` is assigned by. */
  expertId?: string;
  name?: string;
}

/** Where an issuer keeps each claim (Cognito: `custom:tenant`, …). */
export interface ClaimNames {
  tenant: string;
  roles: string;
  region: string;
  org: string;
  expertId: string;
  name: string;
}

/**
 * The claim names when the issuer uses ours. Kept here, beside the claims, so a function
 * that only reads its environment (the review stage, the timer tick) does not bundle
 * the API for a constant.
 */
export const DEFAULT_CLAIM_NAMES: ClaimNames = {
  tenant: 'tenant',
  roles: 'roles',
  region: 'region',
  org: 'org',
  expertId: 'expertId',
  name: 'name',
};
