/**
 * Issue 13 item 5: creates and submits that meet other transactions (a deadline burst on
 * the counters, which DynamoDB refuses with `TransactionConflict`) are retried with
 * backoff and full jitter, and give up with `409 busy`, never `duplicate_entity`. The
 * conflicts are injected on the real client (DynamoDB Local writes everything let
 * through): nothing is lost, nothing doubled, the counters stay equal to a recount.
 */
import { testApp } from '@sme/api/testing';
import type { HistoryEvent } from '@sme/core';
import { ATTEMPTS } from '@sme/platform';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, attachPdf } from '../../support/api-client.js';
import { OPEN_AT, PRODUCT_DOCUMENTS, PROGRAM, productFields, uscc } from '../../support/qingdao.js';
import { recountQingdao } from '../../support/recount.js';

const ctx = { tenant: 'qingdao', province: 'shandong' };
/** Waits drawn at the middle of each range, recorded instead of slept. */
const waits: number[] = [];
let harness: Awaited<ReturnType<typeof testApp>>;
let refusals: RefusedTransactions;
let n = 6100;

beforeAll(async () => {
  harness = await testApp({
    start: OPEN_AT,
    backoff: {
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  });
  refusals = refuseTransactions(harness.store.clients.dynamodb);
});

async function provider() {
  n += 1;
  const org = uscc(n);
  const client = await ApiClient.signIn(harness.app, { role: 'provider', tenant: 'qingdao', org });
  const registered = await client.put(`/api/tenants/qingdao/orgs/${org}`, {
    name: `冲突测试${n}`,
    region: 'laoshan',
  });
  expect(registered.status).toBe(200);
  return { client, org };
}

const create = (client: ApiClient) =>
  client.post<{ id: string; version: number; code?: string; detail?: string }>(
    '/api/tenants/qingdao/applications',
    { programId: PROGRAM, track: 'product', industries: ['auto-parts'], fields: productFields },
  );

/** The program's counters against its applications counted one by one, by status. */
async function expectCountersEqualRecount() {
  const recount = Object.fromEntries(
    Object.entries(await recountQingdao(harness)).filter(([, n]) => n > 0),
  );
  const counters = (await harness.platform.repositories.apps.counters(ctx))[PROGRAM] ?? {};
  const nonZero = Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== 0));
  expect(nonZero).toEqual(recount);
}

/** The organization's live applications in the program, read from the table. */
const liveApplications = async (org: string) =>
  harness.platform.repositories.apps.orgApplications(ctx, org, PROGRAM);

describe('transactions that meet others', () => {
  it('create once after fewer refusals than its tries, waiting with backoff and full jitter', async () => {
    const { client, org } = await provider();
    waits.length = 0;
    const before = refusals.refused;
    refusals.refuseNext(ATTEMPTS - 1, org);
    const created = await create(client);
    expect(created.status).toBe(201);
    expect(refusals.refused - before).toBe(ATTEMPTS - 1);
    // Half of 10·2^attempt ms, capped: the waits grow, none on the wall clock.
    expect(waits).toEqual([5, 10, 20, 40, 80]);
    expect((await liveApplications(org)).map((a) => a.id)).toEqual([created.body.id]);
    const history = await client.get<{ items: HistoryEvent[] }>(
      `/api/tenants/qingdao/applications/${created.body.id}/history`,
    );
    expect(history.body.items).toHaveLength(1);
    await expectCountersEqualRecount();
  });

  it('answer 409 busy, in Chinese first, when every try is refused, and write nothing', async () => {
    const { client, org } = await provider();
    await expectCountersEqualRecount();
    refusals.refuseNext(ATTEMPTS, org);
    const refused = await create(client);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('busy');
    expect(refused.body.detail).toMatch(/^系统繁忙.*The platform is busy/);
    expect(await liveApplications(org)).toEqual([]);
    await expectCountersEqualRecount();
    // Nothing was held back: the same request now succeeds.
    expect((await create(client)).status).toBe(201);
    await expectCountersEqualRecount();
  });

  it('submit once after fewer refusals than its tries: one event, the counters moved once', async () => {
    const { client, org } = await provider();
    const { id } = (await create(client)).body;
    for (const kind of PRODUCT_DOCUMENTS) await attachPdf(client, 'qingdao', id, kind);
    await expectCountersEqualRecount();
    const before = refusals.refused;
    refusals.refuseNext(ATTEMPTS - 1, org);
    const submitted = await client.post(`/api/tenants/qingdao/applications/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(refusals.refused - before).toBe(ATTEMPTS - 1);
    const history = await client.get<{ items: HistoryEvent[] }>(
      `/api/tenants/qingdao/applications/${id}/history`,
    );
    expect(history.body.items.filter((e) => e.to === 'submitted')).toHaveLength(1);
    expect(await liveApplications(org)).toEqual([
      expect.objectContaining({ id, status: 'submitted' }),
    ]);
    await expectCountersEqualRecount();
  });

  it('answer a submit refused on every try with 409 busy, never duplicate_entity, and leave the draft as it was', async () => {
    const { client, org } = await provider();
    const { id } = (await create(client)).body;
    for (const kind of PRODUCT_DOCUMENTS) await attachPdf(client, 'qingdao', id, kind);
    const before = await client.get<{ version: number; status: string }>(
      `/api/tenants/qingdao/applications/${id}`,
    );
    refusals.refuseNext(ATTEMPTS, org);
    const refused = await client.post<{ code: string }>(
      `/api/tenants/qingdao/applications/${id}/submit`,
      undefined,
      { 'idempotency-key': 'busy-then-retried' },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('busy');
    const after = await client.get<{ version: number; status: string }>(
      `/api/tenants/qingdao/applications/${id}`,
    );
    expect(after.body).toMatchObject({ status: 'draft', version: before.body.version });
    await expectCountersEqualRecount();
    // No claim, no idempotency record was left: the same key submits now, once.
    const retried = await client.post(`/api/tenants/qingdao/applications/${id}/submit`, undefined, {
      'idempotency-key': 'busy-then-retried',
    });
    expect(retried.status).toBe(200);
    expect(await liveApplications(org)).toEqual([
      expect.objectContaining({ id, status: 'submitted' }),
    ]);
    await expectCountersEqualRecount();
  });
});
