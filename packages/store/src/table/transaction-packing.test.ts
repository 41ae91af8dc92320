import { describe, expect, it } from 'vitest';
import type { TransactOp } from './transaction.js';
import {
  MAX_TRANSACTION_BYTES,
  MAX_TRANSACTION_OPS,
  packTransactions,
} from './transaction-packing.js';

/** A case's change: its own items, and the counter shard it moves. */
function change(id: string, ownItems: number, shard: number) {
  const ops: TransactOp[] = [
    ...Array.from({ length: ownItems }, (_, i) => ({ put: { pk: `APP#${id}`, sk: `I#${i}` } })),
    { update: { pk: 'STATS', sk: `P~${shard}` }, expression: 'ADD n :one' },
  ];
  return { id, ops };
}

const ids = (transactions: { id: string }[][]) => transactions.map((t) => t.map((g) => g.id));

describe('packing changes into transactions', () => {
  it('puts changes touching different items into one transaction', () => {
    const packed = packTransactions([change('a', 5, 1), change('b', 5, 2), change('c', 5, 3)], 1);
    expect(ids(packed)).toEqual([['a', 'b', 'c']]);
  });

  it('never lets one transaction touch an item twice: changes sharing a shard go apart', () => {
    const packed = packTransactions([change('a', 5, 1), change('b', 5, 1), change('c', 5, 2)]);
    expect(ids(packed)).toEqual([['a', 'c'], ['b']]);
  });

  it('keeps each transaction within DynamoDB’s limit, counting the room kept for the caller', () => {
    // 17 changes of 6 operations: 16 fit beside one reserved operation, not 17.
    const changes = Array.from({ length: 17 }, (_, i) => change(`c${i}`, 5, i));
    const packed = packTransactions(changes, 1);
    expect(packed.map((t) => t.length)).toEqual([16, 1]);
    const sizes = packed.map((t, i) => t.flatMap((g) => g.ops).length + (i === 0 ? 1 : 0));
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAX_TRANSACTION_OPS);
  });

  it('keeps each transaction within DynamoDB’s 4 MB, however few its operations', () => {
    const blob = 'x'.repeat(300 * 1024);
    const big = (id: string) => ({ id, ops: [{ put: { pk: `APP#${id}`, sk: 'META', blob } }] });
    const packed = packTransactions(Array.from({ length: 20 }, (_, i) => big(`b${i}`)));
    expect(packed.length).toBeGreaterThan(1);
    for (const t of packed) {
      expect(t.length).toBeGreaterThan(0);
      expect(t.length * blob.length).toBeLessThanOrEqual(MAX_TRANSACTION_BYTES);
    }
    expect(packed.flat()).toHaveLength(20);
  });

  it('refuses a change no transaction could hold', () => {
    expect(() => packTransactions([change('big', MAX_TRANSACTION_OPS, 0)])).toThrow(RangeError);
  });

  it('answers one empty transaction for no changes', () => {
    expect(packTransactions([], 1)).toEqual([[]]);
  });
});
