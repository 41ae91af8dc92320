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
