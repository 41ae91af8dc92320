/**
 * Whether an organization may act, read for a command in as few calls as the chain of
 * parents it declares allows: its profile (which names its parent) and its ban summary
 * come in the same BatchGetItem as whatever else the command reads (its registration,
 * the application, an idempotency record), and each parent up the chain adds one more
 * BatchGetItem of the parent's profile and ban summary. An organization that declares
 * no parent, the usual case, costs nothing beyond the command's own batch.
 */
import type { TenantContext } from '../table/keys.js';
import { type ItemKey, itemKey, type TableItem, type TenantTable } from '../table/tenant-table.js';
import { type Ban, banSummaryKey, firstInForce } from './ban.repository.js';
import { type OrganizationProfile, profileKey, withoutKeys } from './organization.repository.js';

/** Parents followed up a declared chain at most (a loop stops it too). */
const MAX_DEPTH = 8;

/** The keys whose items `standing` needs for the organization itself. */
export const standingKeys = (ctx: TenantContext, uscc: string): ItemKey[] => [
  profileKey(ctx, uscc),
  banSummaryKey(ctx, uscc),
];

export interface Standing {
  profile?: OrganizationProfile;
  /** The organization and every parent up its declared chain, nearest first. */
  chain: string[];
  /** The first ban in force at `now` on any of them, if one is. */
  ban?: Ban;
}

export class Standings {
  constructor(private readonly table: TenantTable) {}

  /** The standing read on its own: one BatchGetItem, plus one per declared parent. */
  async read(ctx: TenantContext, uscc: string, now: Date): Promise<Standing> {
    return (await this.readWith(ctx, uscc, now, [])).standing;
  }

  /** The standing and, in the same BatchGetItem, the `extra` items (found ones only). */
  async readWith(
    ctx: TenantContext,
    uscc: string,
    now: Date,
    extra: readonly ItemKey[],
  ): Promise<{ standing: Standing; items: Map<string, TableItem> }> {
    const items = await this.table.getMany(ctx, [...standingKeys(ctx, uscc), ...extra]);
    return { standing: await this.of(ctx, uscc, items, now), items };
  }

  /**
   * The organization's standing at `now`, from `items` (a batch read that included
   * `standingKeys(ctx, uscc)`), reading up the declared chain of parents as far as it goes.
   */
  async of(
    ctx: TenantContext,
    uscc: string,
    items: ReadonlyMap<string, TableItem>,
    now: Date,
  ): Promise<Standing> {
    const found = new Map(items);
    const profileOf = (u: string) =>
      withoutKeys<OrganizationProfile>(found.get(itemKey(profileKey(ctx, u))));
    const chain = [uscc];
    let parent = profileOf(uscc)?.parentUscc;
    while (parent && !chain.includes(parent) && chain.length <= MAX_DEPTH) {
      chain.push(parent);
      for (const [key, item] of await this.table.getMany(ctx, standingKeys(ctx, parent)))
        found.set(key, item);
      parent = profileOf(parent)?.parentUscc;
    }
    const profile = profileOf(uscc);
    const ban = firstInForce(ctx, chain, found, now);
    return { chain, ...(profile && { profile }), ...(ban && { ban }) };
  }
}
