/**
 * Province-wide bans: an organization banned by its province is refused in every city
 * of it until the ban ends.
 */
import { provinceKey, type TenantContext } from '../table/keys.js';
import type { Page, TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';

export interface Ban {
  id: string;
  uscc: string;
  reason: string;
  /** The first instant the organization may apply again. */
  until: string;
  createdAt: string;
  createdBy: string;
  /** The case that imposed it (a disqualification), when a rule did rather than a person. */
  source?: { tenant: string; kind: string; id: string; rule: string };
  /** Set when an upheld appeal lifted it: it no longer holds from then. */
  liftedAt?: string;
  liftedBy?: string;
}

const banSk = (ban: Pick<Ban, 'createdAt' | 'id'>) => `BAN#${ban.createdAt}#${ban.id}`;

/** Whether a ban holds at `now`: not lifted, and `now` before its `until`. */
export const holds = (ban: Pick<Ban, 'until' | 'liftedAt'>, now: Date) =>
  !ban.liftedAt && Date.parse(ban.until) > now.getTime();

/** A ban's item, for the transaction of the case that imposes it. */
export function banItem(ctx: TenantContext, ban: Ban) {
  return {
    pk: provinceKey(ctx, 'BAN', ban.uscc),
    sk: banSk(ban),
    gsi1pk: provinceKey(ctx, 'BAN', 'ALL'),
    gsi1sk: `${ban.createdAt}#${ban.id}`,
    ...ban,
  };
}

/** Lifts a ban still in place, for the transaction of the appeal that lifts it. */
export function banLiftOp(
  ctx: TenantContext,
  ban: Pick<Ban, 'id' | 'uscc' | 'createdAt'>,
  at: string,
  by: string,
): TransactOp {
  return {
    update: { pk: provinceKey(ctx, 'BAN', ban.uscc), sk: banSk(ban) },
    expression: 'SET liftedAt = :at, liftedBy = :by',
    condition: 'attribute_exists(pk) AND attribute_not_exists(liftedAt)',
    values: { ':at': at, ':by': by },
  };
}

export class BanRepository {
  constructor(private readonly table: TenantTable) {}

  async add(ctx: TenantContext, ban: Ban): Promise<void> {
    await this.table.put(ctx, banItem(ctx, ban), { ifAbsent: true });
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
      const active = items.find((b) => holds(b, now));
      if (active) return active;
    }
    return undefined;
  }

  /**
   * Every ban in force at `now` in the province, by organization (the one that holds
   * longest): one read of the province's list, which is short (bans are rare), where a
   * pool of hundreds would otherwise ask once per member.
   */
  async allInForce(ctx: TenantContext, now: Date): Promise<Map<string, Ban>> {
    const found = new Map<string, Ban>();
    let cursor: string | undefined;
    do {
      const page = await this.list(ctx, { cursor, limit: 100 });
      for (const ban of page.items) {
        const known = found.get(ban.uscc);
        if (holds(ban, now) && (!known || known.until < ban.until)) found.set(ban.uscc, ban);
      }
      cursor = page.next;
    } while (cursor);
    return found;
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
      items: (page.items as unknown as Ban[]).map(
        ({ id, uscc, reason, until, createdAt, createdBy, source, liftedAt, liftedBy }) =>
          ({
            id,
            uscc,
            reason,
            until,
            createdAt,
            createdBy,
            ...(source && { source }),
            ...(liftedAt && { liftedAt, liftedBy }),
          }) as Ban,
      ),
    };
  }
}
