/**
 * A tenant's expert pool: experts by id (no personal data), the industries they cover,
 * and the organizations they declared a conflict with (excluded from their panels).
 */
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';

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
      pk: tenantKey(ctx, 'EXPERT', expert.expertId),
      sk: 'PROFILE',
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
      experts.push(
        ...page.items.map(({ expertId, industries, conflicts, updatedBy, updatedAt }) => ({
          expertId: String(expertId),
          industries: (industries as string[]) ?? [],
          conflicts: (conflicts as string[]) ?? [],
          updatedBy: String(updatedBy),
          updatedAt: String(updatedAt),
        })),
      );
      cursor = page.next;
    } while (cursor);
    return experts;
  }
}
