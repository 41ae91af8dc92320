/**
 * An enterprise's own profile in a tenant (API.md "Pilot enterprises": `PUT
 * /enterprises/{uscc}`): its name, district, kinds and digital-transformation needs. Kept
 * in the enterprise's partition (`T#<t>#ENTERPRISE#<uscc>`, beside the summaries of its
 * engagements) at `PROFILE`; every change writes an audit event with who, when and what
 * (`AUDIT#<revision>`), and is written only over the revision it was decided on.
 */
import { enterprisePk } from '../supervision/engagement-items.js';
import type { TenantContext } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';

export interface EnterpriseNeed {
  /** A category or industry of the tenant's catalogue: what a provider would serve. */
  domain: string;
  description: string;
}

export interface EnterpriseProfile {
  uscc: string;
  name: string;
  region: string;
  /** What kind of firm it is (专精特新, 单项冠军…), as the enterprise declares. */
  kinds: string[];
  needs: EnterpriseNeed[];
  updatedAt: string;
  updatedBy: string;
  /** Counts the profile's changes. */
  revision: number;
}

/** Revisions as keys that sort in order. */
const revisionKey = (revision: number) => String(revision).padStart(8, '0');

export class EnterpriseRepository {
  constructor(private readonly table: TenantTable) {}

  async profile(ctx: TenantContext, uscc: string): Promise<EnterpriseProfile | undefined> {
    const item = await this.table.get(ctx, enterprisePk(ctx, uscc), 'PROFILE');
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, ...profile } = item;
    return profile as unknown as EnterpriseProfile;
  }

  /**
   * Writes the profile over `previous` (none: the first), with its audit event. A change
   * landed meanwhile refuses it (`TransactionRefusedError`), to be decided again.
   */
  async save(
    ctx: TenantContext,
    profile: Omit<EnterpriseProfile, 'revision'>,
    previous: EnterpriseProfile | undefined,
    audit: { actor: string; role: string },
  ): Promise<EnterpriseProfile> {
    const pk = enterprisePk(ctx, profile.uscc);
    const saved = { ...profile, revision: (previous?.revision ?? 0) + 1 };
    const { uscc: _uscc, updatedAt: at, updatedBy: _by, ...change } = profile;
    await this.table.transact(ctx, [
      {
        put: { pk, sk: 'PROFILE', ...saved },
        ...(previous
          ? { condition: 'revision = :revision', values: { ':revision': previous.revision } }
          : { condition: 'attribute_not_exists(pk)' }),
      },
      // Keyed by the revision, which the condition above makes this save's alone: two
      // saves in one millisecond keep both events.
      {
        put: { pk, sk: `AUDIT#${revisionKey(saved.revision)}`, ...audit, at, change },
        condition: 'attribute_not_exists(pk)',
      },
    ]);
    return saved;
  }
}
