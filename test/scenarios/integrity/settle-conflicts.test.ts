/**
 * A decision that meets another transaction in flight (real DynamoDB's
 * `TransactionConflict`: a twin request, a run resumed at that instant) wrote nothing;
 * it is tried again after a jittered wait, never taken for "decided by someone else".
 * A person's decision is recorded, not refused as stale; a panel's own conclusion, which
 * nobody would make again, is not lost. The conflicts are injected on the real client.
 */
import { testApp } from '@sme/api/testing';
import { ATTEMPTS } from '@sme/platform';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { OPEN_AT, PROGRAM } from '../../support/qingdao.js';
import {
  atDistrictReview,
  atPanel,
  cityAdminOf,
  type Harness,
  reviewerOf,
  scoreAll,
  withPassMark,
} from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';

async function harnessWithConflicts(
  options: Parameters<typeof testApp>[0],
): Promise<{ harness: Harness; refusals: RefusedTransactions; waits: number[] }> {
  const waits: number[] = [];
  const harness = await testApp({
    ...options,
    backoff: { random: () => 0.5, sleep: async (ms) => void waits.push(ms) },
  });
  return { harness, refusals: refuseTransactions(harness.store.clients.dynamodb), waits };
}

describe('settling a stage that meets another transaction', () => {
  it('records the district reviewer’s decision after the retry, not refused as stale', async () => {
    const { harness, refusals, waits } = await harnessWithConflicts({ start: OPEN_AT });
    const { id, provider } = await atDistrictReview(harness, 961);
    const reviewer = await reviewerOf(harness, 'laoshan');
    refusals.refuseNext(1, 'district-review-manual-v');
    const decided = await reviewer.post<Json>(`${QD}/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '初审通过。',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(refusals.refused).toBe(1);
    expect(waits).toHaveLength(1);
    await harness.review.settled();
    const app = await provider.get<{ stage?: string }>(`${QD}/applications/${id}`);
    expect(app.body.stage).toBe('expert-review');
  });

  it('concludes a pass-mark panel whose conclusion met one', async () => {
    const { harness, refusals } = await harnessWithConflicts({
      start: OPEN_AT,
      tenants: withPassMark(80),
    });
    const { id, provider } = await atPanel(harness, 962);
    refusals.refuseNext(1, 'expert-review-panel-v');
    await scoreAll(harness, id);
    expect(refusals.refused).toBe(1);
    await harness.review.settled();
    const app = await provider.get<{ status: string; stage?: string }>(`${QD}/applications/${id}`);
    expect(app.body).toMatchObject({ status: 'in_review', stage: 'publicity' });
  });
});

describe('a batch decision from the ranking where one application keeps meeting other writes', () => {
  it('decides the others and names that one as skipped, to be sent again', async () => {
    const { harness, refusals } = await harnessWithConflicts({ start: OPEN_AT });
    const [a, b] = [await atPanel(harness, 963), await atPanel(harness, 964)];
    for (const { id } of [a, b]) await scoreAll(harness, id);
    const cityAdmin = await cityAdminOf(harness);
    const decide = (pass: string[]) =>
      cityAdmin.post<Json>(`${QD}/programs/${PROGRAM}/ranking/decision`, {
        stage: 'expert-review',
        pass,
        comment: '按综合得分排名，配额内择优推荐。',
      });
    // Every write touching the first one meets another, whether it is written together
    // with the second or, once that gave up, alone.
    refusals.refuseNext(2 * ATTEMPTS, `APP#${a.id}`);
    const first = await decide([a.id, b.id]);
    refusals.refuseNext(0);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ decided: 1, skipped: [a.id] });
    const again = await decide([a.id]);
    expect(again.body).toEqual({ decided: 1 });
  });
});
