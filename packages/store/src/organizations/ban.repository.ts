/**
 * Province-wide bans: an organization banned by its province is refused in every city
 * of it until the ban ends.
 */
import { provinceKey, type TenantContext } from '../table/keys.js';
import type { Page, TenantTable } from '../table/tenant-table.js';

export interface Ban {
  id: string;
  uscc: string;
  reason: string;
  /** The first instant the organization may apply again. */
  until: string;
  createdAt: string;
  createdBy: string;
}

export class BanRepository {
  constructor(private readonly table: TenantTable) {}

  async add(ctx: TenantContext, ban: Ban): Promise<void> {
    await this.table.put(
      ctx,
      {
        pk: provinceKey(ctx, 'BAN', ban.uscc),
        sk: `BAN#${ban.createdAt}#${ban.id}`,
        gsi1pk: provinceKey(ctx, 'BAN', 'ALL'),
        gsi1sk: `${ban.createdAt}#${ban.id}`,
        ...ban,
      },
      { ifAbsent: true },
    );
  }

  /** The ban in force at `now` on any of these organizations, if one is. */
  async inForce(ctx: TenantContext, usccs: readonly string[], now: Date): Promise<Ban | undefined> {
    for (const uscc of new Set(usccs)) {
      const { items } = await this.table.query<Ban & { pk: string; sk: string }>(
        ctx,
        provinceKey(ctx, 'BAN', uscc),
        {
          beginsWith: 'BAN#',
        },
      );
      const active = items.find((b) => Date.parse(b.until) > now.getTime());
      if (active) return active;
    }
    return undefined;
  }

  async list(
    ctx: TenantContext,
    options: { cursor?: string | undefined; limit?: number } = {},
  ): Promise<Page<Ban>> {
    const page = await this.table.queryIndex(ctx, 'byListing', provinceKey(ctx, 'BAN', 'ALL'), {
      descending: true,
      limit: options.limit ?? 50,
      cursor: options.cursor,
    });
    return {
      ...page,
      items: page.items.map(
        ({ id, uscc, reason, until, createdAt, createdBy }) =>
          ({ id, uscc, reason, until, createdAt, createdBy }) as Ban,
      ),
    };
  }
}
