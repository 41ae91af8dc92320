import { BusyError } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TransactionRefusedError } from '../errors.js';
import { createTestStore, type TestStore } from '../local-store.test-support.js';
import { tenantKey } from './keys.js';
import { type ConflictRetry, writePacked } from './packed-writes.js';
import { refuseTransactions } from './refused-transactions.test-support.js';
import type { TransactOp } from './transaction.js';

const ctx = { tenant: 'qingdao' };
let store: TestStore;
let refusals: ReturnType<typeof refuseTransactions>;

/** A transaction touching this key fails as a lost answer would: written or not, unknown. */
let lost: string | undefined;

beforeAll(async () => {
  store = await createTestStore();
  refusals = refuseTransactions(store.clients.dynamodb);
  store.clients.dynamodb.middlewareStack.add(
    (next) => async (args) => {
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems;
      if (lost && items && JSON.stringify(items).includes(lost)) throw new Error('socket hang up');
      return next(args);
    },
    { step: 'initialize', name: 'loseAnswer' },
  );
});

/** Tries once more after a conflict, then gives up, as the platform's backoff does after six. */
const retry: ConflictRetry = async (write) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      const conflicted = error instanceof TransactionRefusedError && error.conflicted;
      if (!conflicted) throw error;
      if (attempt === 2) throw new BusyError({ cause: error });
    }
  }
};

/** A case's change: its item written at version 1 if still at version 0, and a shared tally. */
function change(run: string, id: string, shard = id) {
  const pk = tenantKey(ctx, 'CASE', `${run}-${id}`);
  const ops: TransactOp[] = [
    {
      put: { pk, sk: 'META', version: 1 },
      condition: 'attribute_not_exists(pk) OR version = :v',
      values: { ':v': 0 },
    },
    {
      update: { pk: tenantKey(ctx, 'TALLY', run), sk: `S~${shard}` },
      expression: 'ADD n :one',
      values: { ':one': 1 },
    },
  ];
  return { id, pk, ops };
}

const versionOf = async (pk: string) => (await store.table.get(ctx, pk, 'META'))?.version;
const ids = (groups: readonly { id: string }[]) => groups.map((g) => g.id);

describe('writing many changes packed', () => {
  it('writes changes sharing an item in different transactions, all of them', async () => {
    const changes = [change('r1', 'a', '1'), change('r1', 'b', '1'), change('r1', 'c', '2')];
    const outcome = await writePacked(store.table, ctx, changes, retry);
    expect(ids(outcome.written).sort()).toEqual(['a', 'b', 'c']);
    for (const c of changes) expect(await versionOf(c.pk)).toBe(1);
    expect((await store.table.get(ctx, tenantKey(ctx, 'TALLY', 'r1'), 'S~1'))?.n).toBe(2);
  });

  it('leaves out a change whose case moved on, and writes the rest of its transaction', async () => {
    const changes = [change('r2', 'a'), change('r2', 'b'), change('r2', 'c')];
    await store.table.put(ctx, { pk: changes[1]!.pk, sk: 'META', version: 5 });
    const outcome = await writePacked(store.table, ctx, changes, retry);
    expect(ids(outcome.written)).toEqual(['a', 'c']);
    expect(ids(outcome.refused)).toEqual(['b']);
    expect(await versionOf(changes[1]!.pk)).toBe(5);
    expect(await versionOf(changes[2]!.pk)).toBe(1);
  });

  it('writes a transaction that keeps meeting others change by change: only the busy one is left', async () => {
    const changes = [change('r3', 'a'), change('r3', 'b'), change('r3', 'c')];
    refusals.refuseNext(100, changes[1]!.pk);
    const outcome = await writePacked(store.table, ctx, changes, retry).finally(() =>
      refusals.refuseNext(0),
    );
    expect(ids(outcome.written).sort()).toEqual(['a', 'c']);
    expect(ids(outcome.busy)).toEqual(['b']);
    expect(await versionOf(changes[1]!.pk)).toBeUndefined();
  });

  it('writes changes too big together for one transaction (4 MB) in several, all of them', async () => {
    // Twenty applications of 300 KB each (an item may hold 400 KB): 6 MB, in 20 operations.
    const blob = '申'.repeat(100 * 1024);
    const changes = Array.from({ length: 20 }, (_, i) => {
      const pk = tenantKey(ctx, 'CASE', `r7-${i}`);
      return { id: String(i), pk, ops: [{ put: { pk, sk: 'META', version: 1, blob } }] };
    });
    const outcome = await writePacked(store.table, ctx, changes, retry);
    expect(outcome.failure).toBeUndefined();
    expect(ids(outcome.written)).toHaveLength(20);
    for (const c of changes) expect(await versionOf(c.pk)).toBe(1);
  });

  it('writes nothing when the head cannot land, and says busy', async () => {
    const changes = [change('r4', 'a'), change('r4', 'b')];
    const head = { pk: tenantKey(ctx, 'NOTICE', 'r4'), sk: 'META' };
    refusals.refuseNext(100, head.pk);
    const written = writePacked(store.table, ctx, changes, retry, {
      reserved: 1,
      ops: () => [{ put: head, condition: 'attribute_not_exists(pk)' }],
    });
    await expect(written.finally(() => refusals.refuseNext(0))).rejects.toThrow(BusyError);
    for (const c of changes) expect(await versionOf(c.pk)).toBeUndefined();
  });
});

describe('writing many changes packed, refused otherwise', () => {
  it('writes a throttled transaction change by change: only the throttled change is left', async () => {
    const changes = [change('r5', 'a'), change('r5', 'b'), change('r5', 'c')];
    refusals.refuseNext(0);
    refusals.alsoRefuse(100, changes[2]!.pk, 'ThrottlingError');
    const outcome = await writePacked(store.table, ctx, changes, retry).finally(() =>
      refusals.refuseNext(0),
    );
    expect(ids(outcome.written).sort()).toEqual(['a', 'b']);
    expect(ids(outcome.busy)).toEqual(['c']);
    expect(outcome.failure).toBeUndefined();
  });

  it('stops at a failure that may have landed: its changes uncertain, the rest never tried', async () => {
    // Three changes sharing one tally item: three transactions, one after another.
    const changes = [change('r6', 'a', '1'), change('r6', 'b', '1'), change('r6', 'c', '1')];
    lost = changes[1]!.pk;
    const outcome = await writePacked(store.table, ctx, changes, retry).finally(() => {
      lost = undefined;
    });
    expect(ids(outcome.written)).toEqual(['a']);
    expect(outcome.failure?.error).toBeInstanceOf(Error);
    expect(ids(outcome.failure?.uncertain ?? [])).toEqual(['b']);
    expect(ids(outcome.failure?.untried ?? [])).toEqual(['c']);
    expect(await versionOf(changes[2]!.pk)).toBeUndefined();
  });
});

describe('writing many changes packed, written again change by change', () => {
  it('stops at a failure that may have landed: only that change uncertain, the next untried', async () => {
    const changes = [change('r8', 'a'), change('r8', 'b'), change('r8', 'c')];
    // Together they keep meeting others (two tries here), then alone the second's
    // answer is lost.
    refusals.refuseNext(2, changes[1]!.pk);
    lost = changes[1]!.pk;
    const outcome = await writePacked(store.table, ctx, changes, retry).finally(() => {
      lost = undefined;
      refusals.refuseNext(0);
    });
    expect(ids(outcome.written)).toEqual(['a']);
    expect(ids(outcome.failure?.uncertain ?? [])).toEqual(['b']);
    expect(ids(outcome.failure?.untried ?? [])).toEqual(['c']);
  });
});
