/**
 * Issue 9, defect 1: a withdrawn application is never moved on. Withdrawal closes every
 * open task, ends the review run and marks its notice entry; every automatic transition
 * (the end of publicity, screening, a panel's pass mark) checks the state it expects.
 */
import { testApp } from '@sme/api/testing';
import type { HistoryEvent } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../support/api-client.js';
import { OPEN_AT } from '../../support/qingdao.js';
import {
  atDistrictReview,
  atPanel,
  atPublicity,
  expertClient,
  type Harness,
  moveClock,
  publishNotice,
  reviewCatchesUp,
  reviewerOf,
  tasksFor,
} from '../../support/review-walk.js';
import { submittedApplication } from '../../support/submitted.js';

let harness: Harness;
let cityAdmin: ApiClient;
const anyone = () => new ApiClient(harness.app);

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  cityAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'qingdao' });
});

async function withdraw(provider: ApiClient, id: string) {
  const answer = await provider.post(`/api/tenants/qingdao/applications/${id}/withdraw`, {
    reason: '公司战略调整，主动撤回。',
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ status: 'withdrawn' });
}

const historyOf = async (provider: ApiClient, id: string) =>
  (await provider.get<{ items: HistoryEvent[] }>(`/api/tenants/qingdao/applications/${id}/history`))
    .body.items;

describe('withdrawing an application', () => {
  it('in district review: the reviewer’s task closes and a late decision is stale', async () => {
    const { id, provider } = await atDistrictReview(harness, 91_003, 'laoshan');
    const reviewer = await reviewerOf(harness, 'laoshan');
    expect(await tasksFor(reviewer, id)).toHaveLength(1);
    await withdraw(provider, id);
    await harness.review.settled();
    expect(await tasksFor(reviewer, id)).toEqual([]);
    const late = await reviewer.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '同意推荐。',
    });
    expect(late.body).toMatchObject({ status: 409, code: 'stale_stage' });
    expect((await historyOf(provider, id)).at(-1)).toMatchObject({ to: 'withdrawn' });
  });

  it('at the panel: the experts’ scoring tasks close and a score is refused', async () => {
    const { id, provider } = await atPanel(harness, 91_004, 'laoshan');
    const expert = await expertClient(harness, 'e-1');
    expect(await tasksFor(expert, id)).toHaveLength(1);
    await withdraw(provider, id);
    expect(await tasksFor(expert, id)).toEqual([]);
    expect(await tasksFor(cityAdmin, id)).toEqual([]);
    const score = await expert.post(`/api/tenants/qingdao/applications/${id}/scores`, {
      stage: 'expert-review',
      conflict: true,
    });
    expect(score.status).toBe(409);
  });

  it('before review took it up: the run that starts later ends without touching it', async () => {
    const { id, provider } = await submittedApplication(harness.app, 91_005, 'laoshan');
    await withdraw(provider, id);
    await reviewCatchesUp(harness);
    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      status: 'withdrawn',
    });
    expect((await historyOf(provider, id)).map((e) => e.to)).toEqual(
      expect.not.arrayContaining(['in_review']),
    );
  });

  it('while returned for correction: the provider’s task closes', async () => {
    const { id, provider } = await atDistrictReview(harness, 91_006, 'laoshan');
    const reviewer = await reviewerOf(harness, 'laoshan');
    await reviewer.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'return',
      comment: '请补充材料。',
    });
    await harness.review.settled();
    expect(await tasksFor(provider, id)).toHaveLength(1);
    await withdraw(provider, id);
    await harness.review.settled();
    expect(await tasksFor(provider, id)).toEqual([]);
    const resubmit = await provider.post(`/api/tenants/qingdao/applications/${id}/submit`);
    expect(resubmit.body).toMatchObject({ status: 409, code: 'invalid_transition' });
  });
  // Last: it moves the clock past the call's window.
  it('in a notice: its entry is marked withdrawn, and the end of the notice does not list it', async () => {
    const { id, provider } = await atPublicity(harness, 91_001, 'laoshan');
    const staying = await atPublicity(harness, 91_002, 'shinan');
    await moveClock(harness, '2024-02-08T10:00:00+08:00');
    const notice = await publishNotice(cityAdmin, [id, staying.id]);
    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      status: 'publicity',
    });

    await withdraw(provider, id);
    const published = await anyone().get<{
      items: { id: string; entries: { applicationId: string; withdrawnAt?: string }[] }[];
    }>('/api/tenants/qingdao/notices');
    const entries = published.body.items.find((n) => n.id === notice.id)?.entries ?? [];
    expect(entries.find((e) => e.applicationId === id)?.withdrawnAt).toMatch(/\+08:00$/);
    expect(entries.find((e) => e.applicationId === staying.id)?.withdrawnAt).toBeUndefined();
    const objection = await anyone().post(`/api/tenants/qingdao/notices/${notice.id}/objections`, {
      applicationId: id,
      reason: '对已撤回的公示对象提出异议。',
      contact: 'x@example.cn',
    });
    expect(objection.status).toBe(422);
    expect(await tasksFor(cityAdmin, id)).toEqual([]);

    await moveClock(harness, '2024-02-22T00:00:00+08:00');
    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      status: 'withdrawn',
    });
    expect(
      (await staying.provider.get(`/api/tenants/qingdao/applications/${staying.id}`)).body,
    ).toMatchObject({ status: 'listed' });
    const history = await historyOf(provider, id);
    expect(history.at(-1)).toMatchObject({ from: 'publicity', to: 'withdrawn' });
    const pool = await anyone().get<{ items: { uscc: string }[] }>('/api/tenants/qingdao/pool');
    expect(pool.body.items.map((e) => e.uscc)).not.toContain(
      (await provider.get<{ org: { uscc: string } }>(`/api/tenants/qingdao/applications/${id}`))
        .body.org.uscc,
    );
  });
});
