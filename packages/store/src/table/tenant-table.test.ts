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
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.table.query(qingdao, pk, { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('pages through an index partition within a sort-key prefix', async () => {
    const gsi1pk = tenantKey(qingdao, 'APPS', 'paged');
    for (const n of [1, 2, 3, 4, 5]) {
      await store.table.put(qingdao, {
        pk: tenantKey(qingdao, 'APP', `paged-${n}`),
        sk: 'META',
        gsi1pk,
        gsi1sk: `${n % 2 ? 'odd' : 'even'}#${n}`,
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.table.queryIndex(qingdao, 'byListing', gsi1pk, {
        beginsWith: 'odd#',
        limit: 1,
        cursor,
      });
      seen.push(...page.items.map((i) => i.pk));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual([1, 3, 5].map((n) => tenantKey(qingdao, 'APP', `paged-${n}`)));
  });
});

describe('a forged cursor is refused as invalid, never sent to DynamoDB', () => {
  const pk = tenantKey(qingdao, 'LIST', 'p');
  const gsi1pk = tenantKey(qingdao, 'APPS', 'paged');
  const cursorOf = (value: unknown) =>
    Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const tableKey = { pk, sk: 'E#1' };
  const indexKey = {
    pk: tenantKey(qingdao, 'APP', 'paged-1'),
    sk: 'META',
    gsi1pk,
    gsi1sk: 'odd#1',
  };

  const onTable: [string, string][] = [
    ['not base64url', '%%%not*base64%%%'],
    ['base64 of something not JSON', Buffer.from('{pk:', 'utf8').toString('base64url')],
    ['base64 that does not decode to UTF-8', Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')],
    ['padded base64 (not what we issue)', `${cursorOf(tableKey)}==`],
    ['JSON null', cursorOf(null)],
    ['a JSON array', cursorOf([pk, 'E#1'])],
    ['an empty object', cursorOf({})],
    ['a key without its sort key', cursorOf({ pk })],
    ['a numeric sort key', cursorOf({ pk, sk: 5 })],
    ['a sort key in DynamoDB JSON', cursorOf({ pk, sk: { S: 'E#1' } })],
    ['an empty sort key', cursorOf({ pk, sk: '' })],
    ['an extra attribute', cursorOf({ ...tableKey, status: 'x' })],
    ['index attributes on a table query', cursorOf({ ...tableKey, gsi1pk, gsi1sk: 'x' })],
    [
      'another partition of the tenant',
      cursorOf({ pk: tenantKey(qingdao, 'LIST', 'q'), sk: 'E#1' }),
    ],
    ['a partition of another tenant', cursorOf({ pk: tenantKey(jinan, 'LIST', 'p'), sk: 'E#1' })],
    ['a sort key over the size DynamoDB allows', cursorOf({ pk, sk: `E#${'x'.repeat(1100)}` })],
    ['a sort key outside the queried prefix', cursorOf({ pk, sk: 'F#1' })],
    ['an oversized cursor', cursorOf({ pk, sk: `E#${'x'.repeat(3000)}` })],
  ];
  it.each(onTable)('on a table query: %s', async (_label, cursor) => {
    await expect(
      store.table.query(qingdao, pk, { beginsWith: 'E#', cursor }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  const onIndex: [string, unknown][] = [
    ['the table key only', tableKey],
    ['another index partition', { ...indexKey, gsi1pk: tenantKey(qingdao, 'APPS', 'other') }],
    [
      'an index partition of another tenant',
      { ...indexKey, gsi1pk: tenantKey(jinan, 'APPS', 'paged') },
    ],
    ['a table key of another tenant', { ...indexKey, pk: tenantKey(jinan, 'APP', 'paged-1') }],
    ['a numeric index sort key', { ...indexKey, gsi1sk: 7 }],
    [
      'the key attributes of another index',
      { pk: indexKey.pk, sk: 'META', gsi2pk: gsi1pk, gsi2sk: 'odd#1' },
    ],
    ['an extra attribute', { ...indexKey, gsi2pk: 'DUE#1' }],
    ['an index sort key outside the queried prefix', { ...indexKey, gsi1sk: 'even#2' }],
  ];
  it.each(onIndex)('on an index query: %s', async (_label, key) => {
    await expect(
      store.table.queryIndex(qingdao, 'byListing', gsi1pk, {
        beginsWith: 'odd#',
        cursor: cursorOf(key),
      }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('while the cursors it issued still work', async () => {
    const first = await store.table.queryIndex(qingdao, 'byListing', gsi1pk, { limit: 1 });
    expect(first.next).toBeDefined();
    const second = await store.table.queryIndex(qingdao, 'byListing', gsi1pk, {
      limit: 1,
      cursor: first.next,
    });
    expect(second.items).toHaveLength(1);
    expect(
      await store.table.queryIndex(qingdao, 'byListing', gsi1pk, {
        cursor: cursorOf(indexKey),
        beginsWith: 'odd#',
      }),
    ).toMatchObject({ items: [{ gsi1sk: 'odd#3' }, { gsi1sk: 'odd#5' }] });
  });
});
