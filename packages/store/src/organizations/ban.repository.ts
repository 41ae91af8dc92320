/**
 * Province-wide bans: an organization banned by its province is refused in every city
 * of it until the ban ends.
 *
 * Each ban is its own item (listed province-wide through the index), and is also copied,
 * in the same transaction, onto one summary item per organization
 * (`BAN#<uscc>` / `SUMMARY`, one attribute per ban and one per lifting), so whether
 * any of several organizations is banned is one BatchGetItem, batched with whatever
 * else a command reads, instead of a query per organization.
 */
import { provinceKey, type TenantContext } from '../table/keys.js';
import type { ItemKey, Page, TableItem, TenantTable } from '../table/tenant-table.js';
import { itemKey } from '../table/tenant-table.js';
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

/** The organization's ban summary: what `inForce` reads. */
export const banSummaryKey = (ctx: TenantContext, uscc: string): ItemKey => ({
  pk: provinceKey(ctx, 'BAN', uscc),
  sk: 'SUMMARY',
});

// Attribute names of the summary: `ban:<id>` holds the ban, `lifted:<id>` its lifting.
const BAN_ATTRIBUTE = 'ban:';
const LIFTED_ATTRIBUTE = 'lifted:';

/** A ban's own item (`banOps` writes it with its copy on the summary). */
export function banItem(ctx: TenantContext, ban: Ban) {
  return {
    pk: provinceKey(ctx, 'BAN', ban.uscc),
    sk: banSk(ban),
    gsi1pk: provinceKey(ctx, 'BAN', 'ALL'),
    gsi1sk: `${ban.createdAt}#${ban.id}`,
    ...ban,
  };
}

/** A new ban's writes (its item, its copy on the summary), for the imposing transaction. */
export function banOps(ctx: TenantContext, ban: Ban): TransactOp[] {
  return [
    { put: banItem(ctx, ban), condition: 'attribute_not_exists(pk)' },
    {
      update: banSummaryKey(ctx, ban.uscc),
      expression: 'SET #ban = :ban',
      names: { '#ban': `${BAN_ATTRIBUTE}${ban.id}` },
      values: { ':ban': ban },
    },
  ];
}

/** Lifts a ban still in place, for the transaction of the appeal that lifts it. */
export function banLiftOps(
  ctx: TenantContext,
  ban: Pick<Ban, 'id' | 'uscc' | 'createdAt'>,
  at: string,
  by: string,
): TransactOp[] {
  return [
    {
      update: { pk: provinceKey(ctx, 'BAN', ban.uscc), sk: banSk(ban) },
      expression: 'SET liftedAt = :at, liftedBy = :by',
      condition: 'attribute_exists(pk) AND attribute_not_exists(liftedAt)',
      values: { ':at': at, ':by': by },
    },
    {
      // A top-level attribute of its own: no path into a map that might be missing.
      update: banSummaryKey(ctx, ban.uscc),
      expression: 'SET #lifted = :lifted',
      names: { '#lifted': `${LIFTED_ATTRIBUTE}${ban.id}` },
      values: { ':lifted': { liftedAt: at, liftedBy: by } },
    },
  ];
}

/** The bans on a summary item, liftings applied, oldest first. */
export function bansOfSummary(item: Record<string, unknown> | undefined): Ban[] {
  if (!item) return [];
  const bans: Ban[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(BAN_ATTRIBUTE)) continue;
    const ban = value as Ban;
    const lifted = item[`${LIFTED_ATTRIBUTE}${ban.id}`] as
      | { liftedAt: string; liftedBy: string }
      | undefined;
    bans.push(lifted ? { ...ban, ...lifted } : ban);
  }
  return bans.sort((a, b) => banSk(a).localeCompare(banSk(b)));
}

/** The first ban holding at `now`, in the order of `usccs`, from their summaries. */
export function firstInForce(
  ctx: TenantContext,
  usccs: readonly string[],
  summaries: ReadonlyMap<string, TableItem>,
  now: Date,
): Ban | undefined {
  for (const uscc of new Set(usccs)) {
    const summary = summaries.get(itemKey(banSummaryKey(ctx, uscc)));
    const active = bansOfSummary(summary).find((b) => holds(b, now));
    if (active) return active;
  }
  return undefined;
}

export class BanRepository {
  constructor(private readonly table: TenantTable) {}

  async add(ctx: TenantContext, ban: Ban): Promise<void> {
    await this.table.transact(ctx, banOps(ctx, ban));
  }

  /**
   * The ban in force at `now` on any of these organizations, if one is (the first of
   * them that has one): one BatchGetItem of their summaries.
   */
  async inForce(ctx: TenantContext, usccs: readonly string[], now: Date): Promise<Ban | undefined> {
    const summaries = await this.table.getMany(
      ctx,
      usccs.map((uscc) => banSummaryKey(ctx, uscc)),
    );
    return firstInForce(ctx, usccs, summaries, now);
  }

  /**
   * Copies every ban of the province (and its lifting) onto its organization's summary:
   * for a table holding bans written before summaries existed, which `inForce` would
   * otherwise not see. Idempotent; bans are few, so it reads the province's list once.
   */
  async summarize(ctx: TenantContext): Promise<number> {
    let copied = 0;
    let cursor: string | undefined;
    do {
      const page = await this.list(ctx, { cursor, limit: 100 });
      for (const ban of page.items) {
        const { liftedAt, liftedBy, ...imposed } = ban;
        const names: Record<string, string> = { '#ban': `${BAN_ATTRIBUTE}${ban.id}` };
        const values: Record<string, unknown> = { ':ban': imposed };
        let expression = 'SET #ban = :ban';
        if (liftedAt) {
          names['#lifted'] = `${LIFTED_ATTRIBUTE}${ban.id}`;
          values[':lifted'] = { liftedAt, liftedBy };
          expression += ', #lifted = :lifted';
        }
        await this.table.transact(ctx, [
          { update: banSummaryKey(ctx, ban.uscc), expression, names, values },
        ]);
        copied += 1;
      }
      cursor = page.next;
    } while (cursor);
    return copied;
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
