/**
 * Counters of cases by status, one item per group in the tenant's `STATS` partition:
 * a dashboard reads tenants × groups items, however many cases there are, and each
 * change moves its case between statuses in the change's own transaction.
 */
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';

export const statsPk = (ctx: TenantContext) => tenantKey(ctx, 'STATS');

/** The counter update moving one case from one status to another. */
export function counterUpdate(
  ctx: TenantContext,
  counter: { sk: string; attributes: Record<string, string> },
  from: string | null,
  to: string,
): TransactOp {
  const names: Record<string, string> = { '#to': to };
  const values: Record<string, unknown> = { ':one': 1 };
  let expression = 'ADD #to :one';
  if (from && from !== to) {
    names['#from'] = from;
    values[':minusOne'] = -1;
    expression += ', #from :minusOne';
  }
  const sets = Object.entries(counter.attributes).map(([name, value], i) => {
    names[`#a${i}`] = name;
    values[`:a${i}`] = value;
    return `#a${i} = :a${i}`;
  });
  return {
    update: { pk: statsPk(ctx), sk: counter.sk },
    expression: sets.length > 0 ? `${expression} SET ${sets.join(', ')}` : expression,
    names,
    values,
  };
}
