/**
 * Packs changes that each must land whole (one case's change: its item, its event, its
 * counters, its tasks) into as few transactions as DynamoDB takes, for a write that
 * changes many cases at once (a publicity notice of many applications). A transaction
 * holds at most 100 operations of at most 4 MB in all, and may not touch one item
 * twice, which two cases' changes can: their counters may share a shard.
 */
import { itemKey } from './tenant-table.js';
import { keyOf, type TransactOp } from './transaction.js';

/** Most operations DynamoDB takes in one TransactWriteItems. */
export const MAX_TRANSACTION_OPS = 100;

/**
 * Most bytes of operations packed into one transaction: DynamoDB refuses one over 4 MB
 * (`ValidationException`, never tried), and twenty applications of 200 KB reach it in
 * twenty operations. An operation is measured as its JSON, near an item's size in
 * DynamoDB (names and values); a tenth is kept for what that misses and the caller's.
 */
export const MAX_TRANSACTION_BYTES = Math.floor(4 * 1024 * 1024 * 0.9);

/** An operation's size, as `MAX_TRANSACTION_BYTES` measures it. */
const bytesOf = (op: TransactOp) => Buffer.byteLength(JSON.stringify(op), 'utf8');

/** One case's change: all of its operations go into one transaction. */
export interface ChangeGroup {
  ops: readonly TransactOp[];
}

interface Bin<G> {
  groups: G[];
  size: number;
  bytes: number;
  keys: Set<string>;
}

/**
 * The groups, in transactions: each group whole in one, first fit, in order, within
 * both the operations and the bytes one holds. The first transaction keeps room for
 * `reserved` operations of the caller's (on items no group touches). A group of too many
 * operations for any transaction is refused: it never fit in one before.
 */
export function packTransactions<G extends ChangeGroup>(groups: readonly G[], reserved = 0): G[][] {
  const bins: Bin<G>[] = [{ groups: [], size: reserved, bytes: 0, keys: new Set() }];
  for (const group of groups) {
    const keys = group.ops.map((op) => itemKey(keyOf(op)));
    const bytes = group.ops.reduce((sum, op) => sum + bytesOf(op), 0);
    if (keys.length + reserved > MAX_TRANSACTION_OPS)
      throw new RangeError(`a change of ${keys.length} operations fits no transaction`);
    let bin = bins.find(
      (b) =>
        b.size + keys.length <= MAX_TRANSACTION_OPS &&
        (b.groups.length === 0 || b.bytes + bytes <= MAX_TRANSACTION_BYTES) &&
        !keys.some((k) => b.keys.has(k)),
    );
    if (!bin) {
      bin = { groups: [], size: 0, bytes: 0, keys: new Set() };
      bins.push(bin);
    }
    bin.groups.push(group);
    bin.size += keys.length;
    bin.bytes += bytes;
    for (const key of keys) bin.keys.add(key);
  }
  return bins.map((b) => b.groups);
}
