/**
 * A tenant's expert pool: experts by id (no personal data), the industries they cover,
 * and the organizations they declared a conflict with (excluded from their panels).
 */
import { type TenantContext, tenantKey } from '../table/keys.js';
import { foundIn, type ItemKey, type TableItem, type TenantTable } from '../table/tenant-table.js';

export interface Expert {
  expertId: string;
  industries: string[];
  /** USCCs of organizations the expert may not review (employer, relations). */
  conflicts: string[];
  updatedBy: string;
  updatedAt: string;
}

export class ExpertRepository {
  constructor(private readonly table: TenantTable) {}

  async save(ctx: TenantContext, expert: Expert): Promise<void> {
    await this.table.put(ctx, {
      ...this.key(ctx, expert.expertId),
      ...expert,
      gsi1pk: tenantKey(ctx, 'EXPERTS'),
      gsi1sk: expert.expertId,
    });
  }

  async pool(ctx: TenantContext): Promise<Expert[]> {
    const experts: Expert[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.queryIndex(ctx, 'byListing', tenantKey(ctx, 'EXPERTS'), {
        cursor,
      });
      experts.push(...page.items.map(toExpert));
      cursor = page.next;
    } while (cursor);
    return experts;
  }

  /** The key of an expert's profile, to read it in a batch (`expertIn`). */
  key(ctx: TenantContext, expertId: string): ItemKey {
    return { pk: tenantKey(ctx, 'EXPERT', expertId), sk: 'PROFILE' };
  }

  /** The expert's profile among items a batch read found; absent if not in the pool. */
  expertIn(
    ctx: TenantContext,
    expertId: string,
    items: ReadonlyMap<string, TableItem>,
  ): Expert | undefined {
    return foundIn(items, this.key(ctx, expertId), toExpert);
  }
}

function toExpert({ expertId, industries, conflicts, updatedBy, updatedAt }: TableItem): Expert {
  return {
    expertId: String(expertId),
    industries: (industries as string[]) ?? [],
    conflicts: (conflicts as string[]) ?? [],
    updatedBy: String(updatedBy),
    updatedAt: String(updatedAt),
  };
}
