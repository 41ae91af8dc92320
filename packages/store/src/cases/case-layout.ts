/**
 * How a kind of case lies in the table, supplied by the kind (as powertools'
 * `BasePersistenceLayer` leaves `_putRecord` to its adapters): its partition, its META
 * item, the counter it counts in, and what else each change of it writes. The case
 * repository does the rest, the same for every kind.
 */
import type { CaseState } from '@sme/core';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TableItem } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';

export interface CaseLayout<C extends CaseState> {
  /** The kind's name (`application`). */
  readonly kind: string;
  /** The case's META item: its state and whatever lists it. */
  item(ctx: TenantContext, state: C, decoration?: Record<string, unknown>): TableItem;
  /** The state back from its META item. */
  fromItem(item: Record<string, unknown>): C;
  /** The counter the case counts in by status: its sort key and the attributes naming it. */
  counter(state: C): { sk: string; attributes: Record<string, string> };
  /** What else a change writes (the owner's listing of its cases, …). */
  changeOps?(ctx: TenantContext, previous: C | null, next: C): TransactOp[];
}

/**
 * The partition of a case: `T#<tenant>#CASE#<kind>#<id>`; applications keep the
 * partition they always had (`T#<tenant>#APP#<id>`).
 */
export function casePk(ctx: TenantContext, kind: string, id: string): string {
  return kind === 'application' ? tenantKey(ctx, 'APP', id) : tenantKey(ctx, 'CASE', kind, id);
}
