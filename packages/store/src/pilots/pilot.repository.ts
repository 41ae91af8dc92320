/**
 * The pilot enterprises a tenant listed (API.md: a `pilot-enterprise` program's listing
 * goes to `GET /pilots`, never to the provider pool; seed 000 §三(二)). One partition per
 * tenant (`T#<t>#PILOTS`), an item per listing, written in the transaction that lists
 * the application, as the pool's entries are.
 */
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';

export interface PilotEntry {
  applicationId: string;
  uscc: string;
  /** The enterprise's name as it applied. */
  orgName: string;
  /** The district it registered in. */
  region?: string;
  programId: string;
  listedAt: string;
  /** Its digital-transformation needs, as it stated them in the application. */
  needs: string;
}

export class PilotRepository {
  constructor(private readonly table: TenantTable) {}

  /** Lists the pilot: for the transaction that moves its application to `listed`. */
  listingOp(ctx: TenantContext, entry: PilotEntry): TransactOp {
    return {
      put: {
        pk: tenantKey(ctx, 'PILOTS'),
        sk: `${entry.programId}#${entry.applicationId}`,
        ...entry,
      },
    };
  }

  /** Every pilot the tenant listed, by program and application. */
  async list(ctx: TenantContext): Promise<PilotEntry[]> {
    const entries: PilotEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, tenantKey(ctx, 'PILOTS'), { cursor });
      entries.push(...page.items.map(toEntry));
      cursor = page.next;
    } while (cursor);
    return entries;
  }
}

function toEntry(item: Record<string, unknown>): PilotEntry {
  const { pk: _pk, sk: _sk, ...entry } = item;
  return entry as unknown as PilotEntry;
}
