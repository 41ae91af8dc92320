/**
 * An enterprise's own profile (API.md "Pilot enterprises": `PUT /enterprises/{uscc}`):
 * name, district, kinds and its needs, each need in a domain the city's providers are
 * catalogued by (a category or an industry), so that the needs can be read against the
 * pool. Only the enterprise acting for itself writes it; concurrent writes are each
 * decided on what is stored.
 */

import {
  type Clock,
  InvalidUsccError,
  isValidUscc,
  type LocalizedText,
  type ResolvedTenant,
} from '@sme/core';
import {
  type EnterpriseNeed,
  type EnterpriseProfile,
  type EnterpriseRepository,
  type OrganizationRepository,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { retryOnConflict } from '../applications/services.js';
import { type Backoff, systemBackoff } from '../cases/backoff.js';
import { InvalidRequestError } from '../errors.js';
import { assertActsAs } from '../supervision/service-access.js';

export interface EnterpriseInput {
  name: string;
  region: string;
  /** Absent: kept as they were (a page that does not ask for them). */
  kinds?: string[] | undefined;
  needs: EnterpriseNeed[];
}

export interface NeedDomain {
  name: LocalizedText;
  kind: 'category' | 'industry';
}

/** The ids a need's domain may name: the tenant's categories (with their children) and industries. */
export function needDomains(tenant: ResolvedTenant): Map<string, NeedDomain> {
  const domains = new Map<string, NeedDomain>();
  for (const category of tenant.catalogue.categories) {
    domains.set(category.id, { name: category.name, kind: 'category' });
    for (const child of category.children)
      domains.set(child.id, { name: child.name, kind: 'category' });
  }
  for (const industry of tenant.catalogue.industries)
    domains.set(industry.id, { name: industry.name, kind: 'industry' });
  return domains;
}

/** What a profile may hold: the API's limits, kept here for every way in (the page too). */
export const PROFILE_LIMITS = { name: 200, needs: 20, description: 2000, kinds: 10, kind: 64 };

const tooLong = (path: string, what: LocalizedText, max: number) =>
  new InvalidRequestError(
    'too_long',
    { zh: `${what.zh}应为 1 至 ${max} 个字`, en: `${what.en}: 1 to ${max} characters` },
    path,
  );

/** Refuses an empty or overlong name or need, and more needs or kinds than a profile holds. */
function checkLengths(input: EnterpriseInput) {
  const name = input.name.trim();
  if (!name || name.length > PROFILE_LIMITS.name)
    throw tooLong('name', { zh: '企业名称', en: 'The name' }, PROFILE_LIMITS.name);
  if (input.needs.length > PROFILE_LIMITS.needs)
    throw new InvalidRequestError(
      'too_many_needs',
      {
        zh: `最多登记 ${PROFILE_LIMITS.needs} 项需求`,
        en: `At most ${PROFILE_LIMITS.needs} needs`,
      },
      'needs',
    );
  input.needs.forEach((need, i) => {
    const text = need.description.trim();
    if (!text || text.length > PROFILE_LIMITS.description)
      throw tooLong(
        `needs.${i}.description`,
        { zh: `第 ${i + 1} 项需求的描述`, en: `Need ${i + 1}'s description` },
        PROFILE_LIMITS.description,
      );
  });
  const kinds = input.kinds ?? [];
  if (
    kinds.length > PROFILE_LIMITS.kinds ||
    kinds.some((k) => !k || k.length > PROFILE_LIMITS.kind)
  )
    throw new InvalidRequestError(
      'invalid_kinds',
      {
        zh: `企业类型最多 ${PROFILE_LIMITS.kinds} 项，每项不超过 ${PROFILE_LIMITS.kind} 个字`,
        en: `At most ${PROFILE_LIMITS.kinds} kinds of at most ${PROFILE_LIMITS.kind} characters`,
      },
      'kinds',
    );
}

export class EnterpriseProfiles {
  constructor(
    private readonly deps: {
      enterprises: EnterpriseRepository;
      orgs: OrganizationRepository;
      clock: Clock;
      backoff?: Backoff;
    },
  ) {}

  /**
   * The caller's own profile as its form starts from: what it recorded, else its name and
   * district as it registered them (two reads; its file has the rest).
   */
  async own(tenant: ResolvedTenant, claims: Claims) {
    const uscc = assertActsAs(claims, tenant, 'enterprise');
    const ctx = tenantContext(tenant);
    const [profile, registration] = await Promise.all([
      this.deps.enterprises.profile(ctx, uscc),
      this.deps.orgs.registration(ctx, uscc),
    ]);
    return {
      name: profile?.name ?? registration?.name,
      region: profile?.region ?? registration?.region,
      needs: profile?.needs ?? [],
      updatedAt: profile?.updatedAt,
    };
  }

  async save(
    tenant: ResolvedTenant,
    claims: Claims,
    uscc: string,
    input: EnterpriseInput,
  ): Promise<EnterpriseProfile> {
    if (!isValidUscc(uscc)) throw new InvalidUsccError(uscc);
    assertActsAs(claims, tenant, 'enterprise', uscc);
    if (!tenant.regions.some((r) => r.id === input.region))
      throw new InvalidRequestError(
        'unknown_region',
        {
          zh: `${tenant.name.zh}没有该区市：${input.region}`,
          en: `No region ${input.region} in ${tenant.id}`,
        },
        'region',
      );
    checkLengths(input);
    const domains = needDomains(tenant);
    input.needs.forEach((need, i) => {
      if (!domains.has(need.domain))
        throw new InvalidRequestError(
          'unknown_domain',
          {
            zh: `第 ${i + 1} 项需求的领域不是${tenant.name.zh}服务商的类别或行业：${need.domain}`,
            en: `Need ${i + 1}: ${need.domain} is not a category or industry of ${tenant.id}'s providers`,
          },
          `needs.${i}.domain`,
        );
    });
    const ctx = tenantContext(tenant);
    return retryOnConflict(async () => {
      const previous = await this.deps.enterprises.profile(ctx, uscc);
      return this.deps.enterprises.save(
        ctx,
        {
          uscc,
          name: input.name.trim(),
          region: input.region,
          kinds: input.kinds ? [...new Set(input.kinds)] : (previous?.kinds ?? []),
          needs: input.needs.map((n) => ({ domain: n.domain, description: n.description.trim() })),
          updatedAt: this.deps.clock.now().toISOString(),
          updatedBy: claims.sub,
        },
        previous,
        { actor: claims.sub, role: 'enterprise' },
      );
    }, this.deps.backoff ?? systemBackoff);
  }
}
