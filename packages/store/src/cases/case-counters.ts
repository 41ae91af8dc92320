/**
 * Counters of cases by status, per group in the tenant's `STATS` partition: a
 * dashboard reads tenants × groups × shards items, however many cases there are, and
 * each change moves its case between statuses in the change's own transaction.
 *
 * Each group's counter is split into `COUNTER_SHARDS` items (`<group>~<n>`): every
 * transaction that touches one item conflicts with every other touching it at the
 * same time, so one item per program would refuse most writes of a deadline burst on
 * DynamoDB. A case always counts in the shard its id hashes to, so its own moves
 * between statuses (and groups) stay within one item, no shard goes negative, and the
 * sum over the shards, read in the same one query, is exactly the count.
 */
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';

export const statsPk = (ctx: TenantContext) => tenantKey(ctx, 'STATS');

/** Items each counter is split into. */
export const COUNTER_SHARDS = 16;
const SHARD_SUFFIX = /~\d+$/;

/** The shard a case counts in: FNV-1a of its id, so it never changes. */
export function shardOf(caseId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i += 1) {
    hash ^= caseId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % COUNTER_SHARDS;
}

/** The sort key of the case's shard of a counter. */
export const shardSk = (sk: string, caseId: string) => `${sk}~${shardOf(caseId)}`;

/**
 * One item per counter from its shards (and from an item written before counters were
 * sharded, which counts like a shard): the counts by status summed, the attributes
 * naming the group kept, the sort key without its shard.
 */
export function sumShards(items: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const counters = new Map<string, Record<string, unknown>>();
  for (const item of items) {
    const sk = String(item.sk).replace(SHARD_SUFFIX, '');
    const sum = counters.get(sk) ?? { pk: item.pk, sk };
    for (const [name, value] of Object.entries(item)) {
      if (name === 'pk' || name === 'sk') continue;
      sum[name] =
        typeof value === 'number' ? ((sum[name] as number | undefined) ?? 0) + value : value;
    }
    counters.set(sk, sum);
  }
  return [...counters.values()];
}

/** The counter update moving one case from one status to another, in the case's shard. */
export function counterUpdate(
  ctx: TenantContext,
  caseId: string,
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
    update: { pk: statsPk(ctx), sk: shardSk(counter.sk, caseId) },
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
  caseId: string,
  from: { sk: string; attributes: Record<string, string>; status: string } | null,
  to: { sk: string; attributes: Record<string, string>; status: string },
): TransactOp[] {
  if (!from) return [counterUpdate(ctx, caseId, to, null, to.status)];
  if (from.sk === to.sk) {
    return from.status === to.status
      ? []
      : [counterUpdate(ctx, caseId, to, from.status, to.status)];
  }
  return [
    {
      update: { pk: statsPk(ctx), sk: shardSk(from.sk, caseId) },
      expression: 'ADD #from :minusOne',
      names: { '#from': from.status },
      values: { ':minusOne': -1 },
    },
    counterUpdate(ctx, caseId, to, null, to.status),
  ];
}
