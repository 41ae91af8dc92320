/**
 * Paging cursors come back from clients (API.md "The province"): one that we did not
 * issue for this tenant and this query is `400 invalid_cursor`, never a 5xx, and never
 * opens a page of another partition or tenant.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { OPEN_AT, PROGRAM, uscc } from '../support/qingdao.js';
import { draftApplication } from '../support/submitted.js';

const cursorOf = (value: unknown) =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

let city: ApiClient;
let jinan: ApiClient;
let province: ApiClient;
/** A start key of Qingdao's listing, as the store issues it. */
let listingKey: Record<string, string>;

beforeAll(async () => {
  const { app } = await testApp({ start: OPEN_AT });
  for (const n of [1, 2, 3])
    await draftApplication(app, uscc(8100 + n), { name: `游标测试公司${n}`, region: 'jimo' });
  city = await ApiClient.signIn(app, { role: 'city_admin', tenant: 'qingdao' });
  jinan = await ApiClient.signIn(app, { role: 'city_admin', tenant: 'jinan' });
  province = await ApiClient.signIn(app, { role: 'province_admin', tenant: 'shandong' });
  const first = await city.get<{ next: string }>(
    `/api/tenants/qingdao/applications?programId=${PROGRAM}&limit=1`,
  );
  expect(first.status).toBe(200);
  const outer = JSON.parse(Buffer.from(first.body.next, 'base64url').toString()) as { c: string };
  listingKey = JSON.parse(Buffer.from(outer.c, 'base64url').toString());
});

/** Each forged cursor, built once the real key is known. */
const applicationCursors: [string, () => string][] = [
  ['not base64url', () => '***'],
  ['base64 of text that is not JSON', () => Buffer.from('p=0').toString('base64url')],
  ['padded base64', () => `${cursorOf({ p: 0 })}==`],
  ['JSON that is not an object', () => cursorOf([0])],
  ['a negative program index', () => cursorOf({ p: -1 })],
  ['a fractional program index', () => cursorOf({ p: 0.5 })],
  ['a program index as text', () => cursorOf({ p: '0' })],
  ['a program the tenant does not have', () => cursorOf({ p: 1 })],
  ['an attribute more', () => cursorOf({ p: 0, admin: true })],
  ['a numeric inner cursor', () => cursorOf({ p: 0, c: 5 })],
  ['an inner key in plain JSON', () => cursorOf({ p: 0, c: listingKey })],
  ['an inner cursor that is not base64url', () => cursorOf({ p: 0, c: '%%%' })],
  ['a numeric sort key', () => cursorOf({ p: 0, c: cursorOf({ ...listingKey, gsi1sk: 1 }) })],
  ['an extra key attribute', () => cursorOf({ p: 0, c: cursorOf({ ...listingKey, x: 'y' }) })],
  [
    'the table key only',
    () => cursorOf({ p: 0, c: cursorOf({ pk: listingKey.pk, sk: listingKey.sk }) }),
  ],
  [
    'another partition of the index',
    () => cursorOf({ p: 0, c: cursorOf({ ...listingKey, gsi1pk: 'T#qingdao#APPS#other' }) }),
  ],
  [
    "another tenant's listing",
    () =>
      cursorOf({
        p: 0,
        c: cursorOf({
          ...listingKey,
          pk: 'T#jinan#APP#x',
          gsi1pk: 'T#jinan#APPS#dx-providers',
        }),
      }),
  ],
  [
    "another tenant's item in this listing",
    () => cursorOf({ p: 0, c: cursorOf({ ...listingKey, pk: 'T#jinan#APP#x' }) }),
  ],
  [
    'a sort key over the 1024 bytes DynamoDB allows',
    () => {
      const key = {
        pk: 'T#qingdao#A',
        sk: 'M',
        gsi1pk: listingKey.gsi1pk,
        gsi1sk: 'd'.repeat(1025),
      };
      return cursorOf({ p: 0, c: cursorOf(key) });
    },
  ],
];

const banKey = {
  pk: 'T#shandong#BAN#91370200000000000X',
  sk: 'BAN#2024-01-20T01:00:00.000Z#b1',
  gsi1pk: 'T#shandong#BAN#ALL',
  gsi1sk: '2024-01-20T01:00:00.000Z#b1',
};
const banCursors: [string, string][] = [
  ['not base64url', '!!'],
  ['JSON null', cursorOf(null)],
  ['a numeric sort key', cursorOf({ ...banKey, gsi1sk: 20240120 })],
  ['a sort key in DynamoDB JSON', cursorOf({ ...banKey, gsi1sk: { S: banKey.gsi1sk } })],
  ['an empty sort key', cursorOf({ ...banKey, sk: '' })],
  ['an extra attribute', cursorOf({ ...banKey, until: '2030' })],
  ['without the table key', cursorOf({ gsi1pk: banKey.gsi1pk, gsi1sk: banKey.gsi1sk })],
  ['another index partition', cursorOf({ ...banKey, gsi1pk: 'T#shandong#BAN#SOME' })],
  ["a city's partition", cursorOf({ ...banKey, gsi1pk: 'T#qingdao#BAN#ALL' })],
  ['a table key of a city', cursorOf({ ...banKey, pk: 'T#qingdao#APP#x' })],
  ['a sort key over 1024 bytes', cursorOf({ ...banKey, sk: `BAN#${'s'.repeat(1100)}` })],
];

function expectInvalidCursor(answer: { status: number; body: unknown; headers: Headers }) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body).toMatchObject({ code: 'invalid_cursor', status: 400 });
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

describe('GET /api/tenants/qingdao/applications as city_admin', () => {
  it.each(applicationCursors)('refuses a cursor with %s', async (_label, forge) => {
    const cursor = forge();
    expect(cursor.length).toBeLessThanOrEqual(2000);
    expectInvalidCursor(
      await city.get(`/api/tenants/qingdao/applications?cursor=${encodeURIComponent(cursor)}`),
    );
  });

  it('still pages with the cursors it issued', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = await city.get<{ items: { id: string }[]; next?: string }>(
        `/api/tenants/qingdao/applications?limit=2${next ? `&cursor=${next}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.id));
      next = page.body.next;
    } while (next);
    expect(new Set(seen).size).toBe(3);
  });
});

describe('GET /api/tenants/jinan/applications, two programs', () => {
  it('moves to the next program, and refuses a key of one program under another', async () => {
    const first = await jinan.get<{ items: unknown[]; next: string }>(
      '/api/tenants/jinan/applications?limit=1',
    );
    expect(first.status).toBe(200);
    expect(JSON.parse(Buffer.from(first.body.next, 'base64url').toString())).toEqual({ p: 1 });
    expect(
      (await jinan.get(`/api/tenants/jinan/applications?cursor=${first.body.next}`)).status,
    ).toBe(200);
    const firstProgramKey = {
      ...listingKey,
      pk: 'T#jinan#APP#x',
      gsi1pk: 'T#jinan#APPS#dx-providers',
    };
    expectInvalidCursor(
      await jinan.get(
        `/api/tenants/jinan/applications?cursor=${cursorOf({ p: 1, c: cursorOf(firstProgramKey) })}`,
      ),
    );
    expectInvalidCursor(
      await jinan.get(`/api/tenants/jinan/applications?cursor=${cursorOf({ p: 2 })}`),
    );
  });
});

describe('GET /api/tenants/shandong/bans as province_admin', () => {
  it('accepts a start key of its own listing', async () => {
    const answer = await province.get(`/api/tenants/shandong/bans?cursor=${cursorOf(banKey)}`);
    expect(answer.status).toBe(200);
  });

  it.each(banCursors)('refuses a cursor with %s', async (_label, cursor) => {
    expect(cursor.length).toBeLessThanOrEqual(2000);
    expectInvalidCursor(
      await province.get(`/api/tenants/shandong/bans?cursor=${encodeURIComponent(cursor)}`),
    );
  });
});
