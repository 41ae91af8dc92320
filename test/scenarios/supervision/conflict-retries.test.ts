/**
 * A supervision write that meets another transaction at that instant (real DynamoDB's
 * `TransactionConflict`: two clerks at once, a double click's twin) is tried again after
 * a jittered wait and recorded once; one that keeps meeting them gives up with
 * `409 busy`, having written nothing, never a misleading "already handled". The
 * conflicts are injected on the real client; DynamoDB Local writes what is let through.
 */
import { testApp } from '@sme/api/testing';
import { ATTEMPTS } from '@sme/platform';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { supervisorOf } from '../../support/members.js';
import { refused, served } from '../../support/probes.js';

const JN = '/api/tenants/jining';
/** Waits drawn at the middle of each range, recorded instead of slept. */
const waits: number[] = [];
let harness: Awaited<ReturnType<typeof testApp>>;
let refusals: RefusedTransactions;

beforeAll(async () => {
  harness = await testApp({
    start: '2025-03-03T10:00:00+08:00',
    backoff: { random: () => 0.5, sleep: async (ms) => void waits.push(ms) },
  });
  refusals = refuseTransactions(harness.store.clients.dynamodb);
});

describe('a complaint meeting other transactions', () => {
  it('is filed once after two conflicts, and refused as busy, filing nothing, after too many', async () => {
    const { org, provider, enterprise } = await served(harness, 731);
    const file = (description: string) =>
      enterprise.post<Json>(`${JN}/complaints`, {
        providerUscc: org,
        ground: 'late-engagement',
        description,
      });
    const before = { refused: refusals.refused, waits: waits.length };
    refusals.refuseNext(2, '进场迟缓，两次冲突');
    const filed = await file('进场迟缓，两次冲突');
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(refusals.refused - before.refused).toBe(2);
    expect(waits.length - before.waits).toBe(2);

    refusals.refuseNext(ATTEMPTS, '进场迟缓，一直冲突');
    refused(await file('进场迟缓，一直冲突'), 409, 'busy');
    const page = await provider.get<{ complaints: { detail: string }[] }>(`${JN}/members/${org}`);
    expect(page.body.complaints.map((c) => c.detail)).toEqual(['进场迟缓，两次冲突']);
  });
});

describe('an appeal meeting another transaction', () => {
  it('is lodged after the conflict, not refused as if one were pending', async () => {
    const { org, provider } = await served(harness, 732);
    const city = await supervisorOf(harness, 'jining');
    const order = await city.post<{ id: string }>(`${JN}/rectifications`, {
      uscc: org,
      ground: 'service-complaints',
      detail: '试点企业投诉对接不及时',
    });
    expect(order.status).toBe(201);
    const detail = '整改通知所依据的投诉并非本单位服务';
    refusals.refuseNext(1, detail);
    const lodged = await provider.post<Json>(`${JN}/appeals`, {
      subject: { kind: 'rectification', id: order.body.id },
      ground: 'other',
      detail,
    });
    expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
    expect(lodged.body).toMatchObject({ status: 'open' });
  });
});
