/**
 * Who reads an enterprise's records (its file, its matches): the enterprise acting for
 * itself, and staff whose scope covers its district. Its district is the one it was
 * listed in as a pilot (reviewed by the city), else the one it registered in; never the
 * one its own profile names, which it could point at any district reviewer.
 */
import { InvalidUsccError, isValidUscc, type LocalizedText, type ResolvedTenant } from '@sme/core';
import {
  type EnterpriseRepository,
  type OrganizationRepository,
  type PilotRepository,
  tenantContext,
} from '@sme/store';
import { staffCoversRegion } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { ForbiddenError } from '../errors.js';
import { actsAs } from '../supervision/service-access.js';

export interface EnterpriseRecordsDeps {
  enterprises: EnterpriseRepository;
  orgs: OrganizationRepository;
  pilots: PilotRepository;
}

/**
 * The enterprise as the tenant knows it (its profile, registration and pilot listings,
 * its district) once the caller is found to be the enterprise or staff in scope;
 * refused with `refusal` otherwise, and before any read for a path that is no USCC.
 */
export async function readEnterprise(
  deps: EnterpriseRecordsDeps,
  tenant: ResolvedTenant,
  claims: Claims,
  uscc: string,
  refusal: LocalizedText,
) {
  if (!isValidUscc(uscc)) throw new InvalidUsccError(uscc);
  const ctx = tenantContext(tenant);
  const [profile, registration, pilots] = await Promise.all([
    deps.enterprises.profile(ctx, uscc),
    deps.orgs.registration(ctx, uscc),
    deps.pilots.list(ctx),
  ]);
  const listings = pilots.filter((p) => p.uscc === uscc);
  const district = listings.find((l) => l.region)?.region ?? registration?.region;
  const own = actsAs(claims, tenant, 'enterprise', uscc);
  if (!own && !staffCoversRegion(claims, tenant, district)) throw new ForbiddenError(refusal);
  return { ctx, own, profile, registration, listings, district };
}
