import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConditionFailedError, InvalidCursorError, TenantScopeError } from '../errors.js';
import { createTestStore, type TestStore } from '../local-store.test-support.js';
import { ensureTable } from './ensure-table.js';
import { tenantKey } from './keys.js';
import { INDEXES } from './table-definition.js';

const qingdao = { tenant: 'qingdao' };
const jinan = { tenant: 'jinan' };
let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});

describe('the table on DynamoDB Local', () => {
  it('is created with the keys, indexes and stream of the single definition', async () => {
    const { Table } = await store.clients.dynamodb.send(
      new DescribeTableCommand({ TableName: store.table.tableName }),
    );
    expect(Table?.KeySchema?.map((k) => k.AttributeName)).toEqual(['pk', 'sk']);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      Object.values(INDEXES)
        .map((i) => i.name)
        .sort(),
    );
    expect(Table?.StreamSpecification?.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
  });

  it('is left alone when it exists already', async () => {
    expect(await ensureTable(store.clients.dynamodb, store.table.tableName)).toBe(false);
  });
});

describe('TenantTable', () => {
  it('writes and reads back an item of the tenant', async () => {
    const item = { pk: tenantKey(qingdao, 'APP', 'a1'), sk: 'META', status: 'draft' };
    await store.table.put(qingdao, item);
    expect(await store.table.get(qingdao, item.pk, 'META')).toEqual(item);
  });

  it('refuses to read or write a key of another tenant', async () => {
    const foreign = tenantKey(qingdao, 'APP', 'a1');
    await expect(store.table.get(jinan, foreign, 'META')).rejects.toBeInstanceOf(TenantScopeError);
    await expect(store.table.put(jinan, { pk: foreign, sk: 'X' })).rejects.toBeInstanceOf(
      TenantScopeError,
    );
    await expect(store.table.query(jinan, foreign)).rejects.toBeInstanceOf(TenantScopeError);
  });

  it('does not overwrite with ifAbsent, and keeps the first write', async () => {
    const item = { pk: tenantKey(qingdao, 'APP', 'once'), sk: 'META', n: 1 };
    await store.table.put(qingdao, item, { ifAbsent: true });
    await expect(
      store.table.put(qingdao, { ...item, n: 2 }, { ifAbsent: true }),
    ).rejects.toBeInstanceOf(ConditionFailedError);
    expect((await store.table.get(qingdao, item.pk, 'META'))?.n).toBe(1);
  });

  it('pages through a partition with opaque cursors, in order', async () => {
    const pk = tenantKey(qingdao, 'LIST', 'p');
    for (const n of [1, 2, 3, 4, 5]) await store.table.put(qingdao, { pk, sk: `E#${n}`, n });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.table.query<{ pk: string; sk: string; n: number }>(qingdao, pk, {
        beginsWith: 'E#',
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((i) => i.n));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('queries an index partition of the tenant', async () => {
    const gsi1pk = tenantKey(qingdao, 'APPS', 'dx', 'submitted');
    await store.table.put(qingdao, {
      pk: tenantKey(qingdao, 'APP', 'i1'),
      sk: 'META',
      gsi1pk,
      gsi1sk: '2024-01-30',
    });
    await store.table.put(qingdao, {
      pk: tenantKey(qingdao, 'APP', 'i2'),
      sk: 'META',
      gsi1pk,
      gsi1sk: '2024-01-29',
    });
    const page = await store.table.queryIndex(qingdao, 'byListing', gsi1pk);
    expect(page.items.map((i) => i.pk)).toEqual([
      tenantKey(qingdao, 'APP', 'i2'),
      tenantKey(qingdao, 'APP', 'i1'),
    ]);
  });

  it("refuses a cursor that points into another tenant's partition", async () => {
    const pk = tenantKey(qingdao, 'LIST', 'p');
    const page = await store.table.query(qingdao, pk, { limit: 1 });
    expect(page.next).toBeDefined();
    await expect(
      store.table.query(jinan, tenantKey(jinan, 'LIST', 'p'), { cursor: page.next }),
    ).rejects.toBeInstanceOf(TenantScopeError);
    await expect(store.table.query(qingdao, pk, { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });
});
