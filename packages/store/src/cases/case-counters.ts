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

/**
 * Moves a case between two counters (a group it left, a group it joined) and statuses
 * in one go: within one counter, the single update of `counterUpdate`; across two, one
 * down and one up. Nothing when neither the group nor the status changed.
 */
export function counterMove(
  ctx: TenantContext,
  from: { sk: string; attributes: Record<string, string>; status: string } | null,
  to: { sk: string; attributes: Record<string, string>; status: string },
): TransactOp[] {
  if (!from) return [counterUpdate(ctx, to, null, to.status)];
  if (from.sk === to.sk) {
    return from.status === to.status ? [] : [counterUpdate(ctx, to, from.status, to.status)];
  }
  return [
    {
      update: { pk: statsPk(ctx), sk: from.sk },
      expression: 'ADD #from :minusOne',
      names: { '#from': from.status },
      values: { ':minusOne': -1 },
    },
    counterUpdate(ctx, to, null, to.status),
  ];
}
