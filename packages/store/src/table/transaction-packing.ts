/**
 * Packs changes that each must land whole (one case's change: its item, its event, its
 * counters, its tasks) into as few transactions as DynamoDB takes, for a write that
 * changes many cases at once (a publicity notice of many applications). A transaction
 * holds at most 100 operations and may not touch one item twice, which two cases'
 * changes can: their counters may share a shard.
 */
import { itemKey } from './tenant-table.js';
import { keyOf, type TransactOp } from './transaction.js';

/** Most operations DynamoDB takes in one TransactWriteItems. */
export const MAX_TRANSACTION_OPS = 100;

/** One case's change: all of its operations go into one transaction. */
export interface ChangeGroup {
  ops: readonly TransactOp[];
}

interface Bin<G> {
  groups: G[];
  size: number;
  keys: Set<string>;
}

/**
 * The groups, in transactions: each group whole in one, first fit, in order. The first
 * transaction keeps room for `reserved` operations of the caller's (on items no group
 * touches). A group too big for any transaction is refused: it never fit in one before.
 */
export function packTransactions<G extends ChangeGroup>(groups: readonly G[], reserved = 0): G[][] {
  const bins: Bin<G>[] = [{ groups: [], size: reserved, keys: new Set() }];
  for (const group of groups) {
    const keys = group.ops.map((op) => itemKey(keyOf(op)));
    if (keys.length + reserved > MAX_TRANSACTION_OPS)
      throw new RangeError(`a change of ${keys.length} operations fits no transaction`);
    let bin = bins.find(
      (b) => b.size + keys.length <= MAX_TRANSACTION_OPS && !keys.some((k) => b.keys.has(k)),
    );
    if (!bin) {
      bin = { groups: [], size: 0, keys: new Set() };
      bins.push(bin);
    }
    bin.groups.push(group);
    bin.size += keys.length;
    for (const key of keys) bin.keys.add(key);
  }
  return bins.map((b) => b.groups);
}
