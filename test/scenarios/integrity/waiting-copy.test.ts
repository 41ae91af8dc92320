/**
 * The task an application's run waits on is copied to one key (`waitingKey`), so a
 * decision, a resubmission, an assignment or a score reads it with the application in
 * one batch instead of querying the application's tasks. The copy is written in the
 * transactions that write the task: at every point of a walk from the district review to
 * the end of a notice it is the task the query of the tasks finds. An application whose
 * run began waiting before the copy was kept has none, or one that code from before it
 * left behind, and is still decided.
 */
import { testApp } from '@sme/api/testing';
import { type ReviewTask, waitingAt } from '@sme/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_AT, QINGDAO_CTX as QINGDAO } from '../../support/qingdao.js';
import {
  atDistrictReview,
  cityAdminOf,
  EXPERTS,
  type Harness,
  moveClock,
  publishNotice,
  registerExperts,
  reviewerOf,
  scoreAll,
} from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

/** The stored copy, as written (absent when none was). */
async function storedCopy(id: string): Promise<ReviewTask | undefined> {
  const key = harness.platform.repositories.tasks.waitingKey(QINGDAO, id);
  const item = await harness.store.table.get(QINGDAO, key.pk, key.sk);
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...task } = item;
  return task as unknown as ReviewTask;
}

/** Checks the copy against the query of the tasks, and answers the task waited on. */
async function waitingAgrees(id: string, stage: string): Promise<ReviewTask | undefined> {
  const { tasks } = harness.platform.repositories;
  const queried = waitingAt(await tasks.openOf(QINGDAO, id), stage);
  const copy = await storedCopy(id);
  expect(copy, 'a copy is kept once a run has waited').toBeDefined();
  if (queried) expect(copy).toEqual(queried);
  else expect(copy?.state).not.toBe('open');
  expect(await tasks.openAt(QINGDAO, id, stage)).toEqual(queried);
  return queried;
}

/** The district reviewer passes it: it waits at the panel, copy and query agreeing. */
async function passesDistrictReview(id: string) {
  const reviewer = await reviewerOf(harness, 'laoshan');
  const passed = await reviewer.post(`${QD}/applications/${id}/decision`, {
    stage: 'district-review',
    outcome: 'pass',
    comment: '材料真实完整。',
  });
  expect(passed.status).toBe(200);
  await harness.review.settled();
  expect((await waitingAgrees(id, 'expert-review'))?.kind).toBe('panel');
}

describe('the copy of the task a run waits on', () => {
  it('is the task the query finds at every point from the district review to the pool', async () => {
    const { id, provider } = await atDistrictReview(harness, 7_301);
    const first = await waitingAgrees(id, 'district-review');
    expect(first?.kind).toBe('manual');

    const reviewer = await reviewerOf(harness, 'laoshan');
    const decide = (stage: string, outcome: string, comment: string) =>
      reviewer.post(`${QD}/applications/${id}/decision`, { stage, outcome, comment });
    expect(
      (await decide('district-review', 'return', '请补充本地服务案例的合同扫描件。')).status,
    ).toBe(200);
    await harness.review.settled();
    expect((await waitingAgrees(id, 'district-review'))?.kind).toBe('resubmission');

    expect((await provider.post(`${QD}/applications/${id}/submit`)).status).toBe(200);
    await harness.review.settled();
    const again = await waitingAgrees(id, 'district-review');
    expect(again?.kind).toBe('manual');
    expect(again?.taskId).not.toBe(first?.taskId);

    expect((await decide('district-review', 'pass', '材料真实完整。')).status).toBe(200);
    await harness.review.settled();
    expect((await waitingAgrees(id, 'expert-review'))?.kind).toBe('panel');

    const cityAdmin = await cityAdminOf(harness);
    await registerExperts(cityAdmin, EXPERTS);
    const assigned = await cityAdmin.post(`${QD}/applications/${id}/experts`, {
      stage: 'expert-review',
      expertIds: EXPERTS,
    });
    expect(assigned.status).toBe(200);
    await scoreAll(harness, id);
    expect((await waitingAgrees(id, 'expert-review'))?.ready).toBe(true);

    const decided = await cityAdmin.post(`${QD}/applications/${id}/decision`, {
      stage: 'expert-review',
      outcome: 'pass',
      comment: '在配额内，择优推荐。',
    });
    expect(decided.status).toBe(200);
    await harness.review.settled();
    expect((await waitingAgrees(id, 'publicity'))?.kind).toBe('publicity');

    const notice = await publishNotice(cityAdmin, [id]);
    expect((await waitingAgrees(id, 'publicity'))?.noticeId).toBe(notice.id);

    await moveClock(harness, notice.endsAt);
    expect((await provider.get(`${QD}/applications/${id}`)).body).toMatchObject({
      status: 'listed',
    });
    expect(await waitingAgrees(id, 'publicity')).toBeUndefined();
  });

  it('is not needed by a run that began waiting before it was kept', async () => {
    const { id, provider } = await atDistrictReview(harness, 7_302);
    const key = harness.platform.repositories.tasks.waitingKey(QINGDAO, id);
    await harness.store.table.transact(QINGDAO, [{ delete: key }]);
    expect(await storedCopy(id)).toBeUndefined();

    await passesDistrictReview(id);
    expect((await provider.get(`${QD}/applications/${id}`)).body).toMatchObject({
      status: 'in_review',
      stage: 'expert-review',
    });
    expect((await waitingAgrees(id, 'expert-review'))?.kind).toBe('panel');
  });

  it('is not trusted where it does not wait: a copy left behind hides no task', async () => {
    const { id } = await atDistrictReview(harness, 7_303);
    const task = await storedCopy(id);
    if (!task) throw new Error('no copy');
    // What code from before the copy leaves: the copy of an earlier task, closed.
    const key = harness.platform.repositories.tasks.waitingKey(QINGDAO, id);
    await harness.store.table.transact(QINGDAO, [
      { put: { ...key, ...task, taskId: 'screening-v0', state: 'done' } },
    ]);

    await passesDistrictReview(id);
  });
});
