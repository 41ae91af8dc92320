/**
 * Who reads an enterprise's records (its file, its matches): the enterprise acting for
 * itself, and staff whose scope covers its district. Its district is the one it was
 * listed in as a pilot (reviewed by the city), else the one it registered in; never the
 * one its own profile names, which it could point at any district reviewer.
 */
import type { LocalizedText, ResolvedTenant } from '@sme/core';
import type { OrganizationRegistration, PilotEntry } from '@sme/store';
import { staffCoversRegion } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { ForbiddenError } from '../errors.js';
import { actsAs } from '../supervision/service-access.js';

/** The district that decides which staff read the enterprise's records. */
export const enterpriseDistrict = (
  listings: readonly Pick<PilotEntry, 'region'>[],
  registration: Pick<OrganizationRegistration, 'region'> | undefined,
): string | undefined => listings.find((l) => l.region)?.region ?? registration?.region;

/** Whether the caller is the enterprise itself; refused unless it is or staff in scope. */
export function assertSeesEnterprise(
  claims: Claims,
  tenant: ResolvedTenant,
  uscc: string,
  district: string | undefined,
  refusal: LocalizedText,
): { own: boolean } {
  const own = actsAs(claims, tenant, 'enterprise', uscc);
  if (!own && !staffCoversRegion(claims, tenant, district)) throw new ForbiddenError(refusal);
  return { own };
}
