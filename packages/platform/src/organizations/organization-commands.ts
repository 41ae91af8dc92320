/**
 * Registering an organization in a city: the province-wide profile (name, parent
 * entity) and the city registration (district) in one transaction.
 */
import { formatShanghai, InvalidUsccError, isValidUscc, type ResolvedTenant } from '@sme/core';
import type { BranchDeclaration } from '@sme/store';
import { tenantContext } from '@sme/store';
import { assertActsIn } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { retryOnConflict, type Services } from '../applications/services.js';
import { InvalidRequestError, NotFoundError } from '../errors.js';

export interface OrganizationInput {
  name: string;
  region: string;
  parentUscc?: string | undefined;
}

export class OrganizationCommands {
  constructor(private readonly services: Services) {}

  async register(tenant: ResolvedTenant, claims: Claims, uscc: string, input: OrganizationInput) {
    if (!isValidUscc(uscc)) throw new InvalidUsccError(uscc);
    assertActsIn(claims, tenant, uscc);
    if (!tenant.regions.some((r) => r.id === input.region)) {
      throw new InvalidRequestError(
        'unknown_region',
        {
          zh: `${tenant.name.zh}没有该区市：${input.region}`,
          en: `No region ${input.region} in ${tenant.id}`,
        },
        'region',
      );
    }
    if (
      input.parentUscc !== undefined &&
      (!isValidUscc(input.parentUscc) || input.parentUscc === uscc)
    ) {
      throw new InvalidRequestError(
        'invalid_uscc',
        {
          zh: '上级单位统一社会信用代码无效',
          en: 'parentUscc is not a valid USCC of another organization',
        },
        'parentUscc',
      );
    }
    // Concurrent registrations of one organization: each is decided on what is stored.
    return retryOnConflict(
      () => this.registerOnce(tenant, claims, uscc, input),
      this.services.backoff,
    );
  }

  private async registerOnce(
    tenant: ResolvedTenant,
    claims: Claims,
    uscc: string,
    input: OrganizationInput,
  ) {
    const ctx = tenantContext(tenant);
    const [parent, previous] = await Promise.all([
      input.parentUscc ? this.services.orgs.profile(ctx, input.parentUscc) : undefined,
      this.services.orgs.profile(ctx, uscc),
    ]);
    const entityUscc = input.parentUscc ? (parent?.entityUscc ?? input.parentUscc) : uscc;
    if (entityUscc === uscc && input.parentUscc) {
      throw new InvalidRequestError(
        'invalid_uscc',
        { zh: '上级单位不能是本单位的分支机构', en: 'The parent is a branch of this organization' },
        'parentUscc',
      );
    }
    const at = this.services.clock.now().toISOString();
    const name = input.name.trim();
    await this.services.orgs.save(
      ctx,
      {
        uscc,
        name,
        ...(input.parentUscc && { parentUscc: input.parentUscc }),
        entityUscc,
        updatedAt: at,
        updatedBy: claims.sub,
      },
      { uscc, name, region: input.region, updatedAt: at, updatedBy: claims.sub },
      { actor: claims.sub, role: 'provider', at },
      previous,
    );
    return {
      uscc,
      name,
      region: input.region,
      // The root of the declared chain stays internal: it would tell the caller what
      // another organization declares about its own parent.
      ...(input.parentUscc && { parentUscc: input.parentUscc }),
    };
  }

  /**
   * The caller's organization as registered in this city (undefined before it is), with
   * the parent it declares: what the registration form starts from.
   */
  async own(tenant: ResolvedTenant, claims: Claims) {
    const uscc = claims.org ?? '';
    assertActsIn(claims, tenant, uscc);
    const ctx = tenantContext(tenant);
    const [registration, profile] = await Promise.all([
      this.services.orgs.registration(ctx, uscc),
      this.services.orgs.profile(ctx, uscc),
    ]);
    if (!registration) return undefined;
    return {
      uscc,
      name: registration.name,
      region: registration.region,
      ...(profile?.parentUscc && { parentUscc: profile.parentUscc }),
      updatedAt: registration.updatedAt,
    };
  }

  /** Organizations that declare the caller's organization their parent. */
  async branches(tenant: ResolvedTenant, claims: Claims, uscc: string) {
    assertActsIn(claims, tenant, uscc);
    return (await this.services.orgs.branches(tenantContext(tenant), uscc)).map(branchView);
  }

  /**
   * The parent confirms or denies, in its own account, that an organization is its
   * branch or subsidiary. Only the parent answers for itself.
   */
  async answerBranch(
    tenant: ResolvedTenant,
    claims: Claims,
    uscc: string,
    branchUscc: string,
    relation: 'confirmed' | 'denied',
  ) {
    assertActsIn(claims, tenant, uscc);
    const ctx = tenantContext(tenant);
    const declaration = isValidUscc(branchUscc)
      ? await this.services.orgs.branch(ctx, uscc, branchUscc)
      : undefined;
    if (!declaration)
      throw new NotFoundError('branch_not_found', {
        zh: `声明本单位为上级单位的组织 ${branchUscc}`,
        en: `An organization ${branchUscc} declaring this one its parent`,
      });
    const at = this.services.clock.now().toISOString();
    const answered: BranchDeclaration = {
      ...declaration,
      state: relation,
      answeredBy: claims.sub,
      answeredAt: at,
    };
    await this.services.orgs.answerBranch(ctx, answered, {
      actor: claims.sub,
      role: 'provider',
      at,
    });
    return branchView(answered);
  }
}

const branchView = (d: BranchDeclaration) => ({
  uscc: d.uscc,
  name: d.name,
  state: d.state,
  declaredAt: formatShanghai(new Date(d.declaredAt)),
  ...(d.answeredAt && { answeredAt: formatShanghai(new Date(d.answeredAt)) }),
});
