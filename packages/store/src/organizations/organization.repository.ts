/**
 * Organizations: one province-wide profile per USCC (name, parent, the entity at the
 * root of its branch chain) and, per city, its registration (the district it is
 * registered in). Every change also writes an audit event.
 *
 * A branch's declared parent is the branch's own claim: it is kept with the parent
 * (`BRANCH#<uscc>` under the parent's profile), where the parent may confirm or deny it
 * in its own account, and is never enforced against the parent.
 */
import { provinceKey, type TenantContext, tenantKey } from '../table/keys.js';
import type { ItemKey, TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';

export interface OrganizationProfile {
  uscc: string;
  name: string;
  /** The parent entity when this is a branch or subsidiary (分公司、子公司). */
  parentUscc?: string;
  /** The root of the branch chain: applications are counted per entity. */
  entityUscc: string;
  updatedAt: string;
  updatedBy: string;
  /** Counts the profile's changes: each is written only over the one it was decided on. */
  revision?: number;
}

/** What a parent said about an organization that declares it its parent. */
export type BranchAnswer = 'declared' | 'confirmed' | 'denied';

export interface BranchDeclaration {
  /** The organization declaring itself a branch. */
  uscc: string;
  name: string;
  parentUscc: string;
  declaredAt: string;
  state: BranchAnswer;
  answeredBy?: string;
  answeredAt?: string;
}

export interface OrganizationRegistration {
  uscc: string;
  name: string;
  region: string;
  updatedAt: string;
  updatedBy: string;
}

/** The province-wide profile of an organization. */
export const profileKey = (ctx: TenantContext, uscc: string): ItemKey => ({
  pk: provinceKey(ctx, 'ORG', uscc),
  sk: 'PROFILE',
});

/** The organization's registration in the tenant (its district). */
export const registrationKey = (ctx: TenantContext, uscc: string): ItemKey => ({
  pk: tenantKey(ctx, 'ORG', uscc),
  sk: 'REG',
});

/** An item's attributes without its keys. */
export const withoutKeys = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
};

export class OrganizationRepository {
  constructor(private readonly table: TenantTable) {}

  async profile(ctx: TenantContext, uscc: string): Promise<OrganizationProfile | undefined> {
    const key = profileKey(ctx, uscc);
    return withoutKeys(await this.table.get(ctx, key.pk, key.sk));
  }

  async registration(
    ctx: TenantContext,
    uscc: string,
  ): Promise<OrganizationRegistration | undefined> {
    const key = registrationKey(ctx, uscc);
    return withoutKeys(await this.table.get(ctx, key.pk, key.sk));
  }

  /**
   * Writes the profile and the city registration together, with an audit event; a new
   * declared parent gets the declaration to answer, a former one loses it.
   */
  async save(
    ctx: TenantContext,
    profile: OrganizationProfile,
    registration: OrganizationRegistration,
    audit: { actor: string; role: string; at: string },
    previous?: OrganizationProfile,
  ): Promise<void> {
    const previousParent = previous?.parentUscc;
    const parent = profile.parentUscc;
    const branchOps: TransactOp[] = [];
    if (previousParent && previousParent !== parent)
      branchOps.push({
        delete: { pk: provinceKey(ctx, 'ORG', previousParent), sk: `BRANCH#${profile.uscc}` },
      });
    if (parent && parent !== previousParent) {
      const declaration: BranchDeclaration = {
        uscc: profile.uscc,
        name: profile.name,
        parentUscc: parent,
        declaredAt: audit.at,
        state: 'declared',
      };
      branchOps.push({
        put: { pk: provinceKey(ctx, 'ORG', parent), sk: `BRANCH#${profile.uscc}`, ...declaration },
      });
    }
    await this.table.transact(ctx, [
      ...branchOps,
      {
        put: {
          pk: provinceKey(ctx, 'ORG', profile.uscc),
          sk: 'PROFILE',
          ...profile,
          revision: (previous?.revision ?? 0) + 1,
        },
        // Two registrations at once: the later one is refused and decided again.
        ...(previous
          ? {
              condition: 'revision = :revision OR attribute_not_exists(revision)',
              values: { ':revision': previous.revision ?? 0 },
            }
          : { condition: 'attribute_not_exists(pk)' }),
      },
      { put: { pk: tenantKey(ctx, 'ORG', registration.uscc), sk: 'REG', ...registration } },
      {
        put: {
          pk: tenantKey(ctx, 'ORG', registration.uscc),
          sk: `AUDIT#${audit.at}#${audit.actor}`,
          ...audit,
          change: {
            name: profile.name,
            region: registration.region,
            parentUscc: profile.parentUscc ?? null,
          },
        },
      },
    ]);
  }

  /** Organizations that declare this one their parent, with the parent's answer. */
  async branches(ctx: TenantContext, parentUscc: string): Promise<BranchDeclaration[]> {
    const { items } = await this.table.query(ctx, provinceKey(ctx, 'ORG', parentUscc), {
      beginsWith: 'BRANCH#',
    });
    return items.map((i) => withoutKeys<BranchDeclaration>(i) as BranchDeclaration);
  }

  async branch(
    ctx: TenantContext,
    parentUscc: string,
    branchUscc: string,
  ): Promise<BranchDeclaration | undefined> {
    return withoutKeys(
      await this.table.get(ctx, provinceKey(ctx, 'ORG', parentUscc), `BRANCH#${branchUscc}`),
    );
  }

  /** The parent's answer to a declaration; refused unless the declaration still stands. */
  async answerBranch(
    ctx: TenantContext,
    answered: BranchDeclaration,
    audit: { actor: string; role: string; at: string },
  ): Promise<void> {
    await this.table.transact(ctx, [
      {
        put: {
          pk: provinceKey(ctx, 'ORG', answered.parentUscc),
          sk: `BRANCH#${answered.uscc}`,
          ...answered,
        },
        condition: 'attribute_exists(pk) AND declaredAt = :declared',
        values: { ':declared': answered.declaredAt },
      },
      {
        put: {
          pk: tenantKey(ctx, 'ORG', answered.parentUscc),
          sk: `AUDIT#${audit.at}#${audit.actor}`,
          ...audit,
          change: { branch: answered.uscc, answer: answered.state },
        },
      },
    ]);
  }
}
