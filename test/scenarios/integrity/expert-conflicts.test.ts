/**
 * Issue 9, defect 5: a conflict excludes an expert from every assignment of the
 * application, whether the pool records it or the expert declared it; the panel is fixed
 * once the first score is in (a change needs a reason, which history records); a panel
 * grown after it was ready is not ready until the new expert answers, and a decided
 * panel leaves no scoring task open.
 */
import { testApp } from '@sme/api/testing';
import type { HistoryEvent } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../support/api-client.js';
import { OPEN_AT, RUBRIC_SCORES } from '../../support/qingdao.js';
import {
  atDistrictReview,
  atPanel,
  EXPERTS,
  expertClient,
  type Harness,
  reviewerOf,
  scoreAll,
  tasksFor,
} from '../../support/review-walk.js';

let harness: Harness;
let cityAdmin: ApiClient;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  cityAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'qingdao' });
  for (const expertId of ['e-1', 'e-2', 'e-3', 'e-4', 'e-5']) {
    const saved = await cityAdmin.put(`/api/tenants/qingdao/experts/${expertId}`, {
      industries: ['auto-parts'],
      conflicts: [],
    });
    expect(saved.status).toBe(200);
  }
});

const assign = (id: string, expertIds: string[], reason?: string) =>
  cityAdmin.post(`/api/tenants/qingdao/applications/${id}/experts`, {
    stage: 'expert-review',
    expertIds,
    ...(reason && { reason }),
  });

const score = async (id: string, expertId: string, body: Record<string, unknown>) =>
  (await expertClient(harness, expertId)).post(`/api/tenants/qingdao/applications/${id}/scores`, {
    stage: 'expert-review',
    ...body,
  });

describe('expert conflicts and a fixed panel', () => {
  it('keeps an expert the pool records a conflict for off the panel, drawn or assigned by hand', async () => {
    const { id, org } = await atDistrictReview(harness, 95_001, 'laoshan');
    const reviewer = await reviewerOf(harness, 'laoshan');
    await reviewer.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '同意。',
    });
    await harness.review.settled();
    await cityAdmin.put('/api/tenants/qingdao/experts/e-5', {
      industries: ['auto-parts'],
      conflicts: [org],
    });
    const drawn = await cityAdmin.post<{ eligible: string[]; expertIds: string[] }>(
      `/api/tenants/qingdao/applications/${id}/experts/draw`,
      { stage: 'expert-review' },
    );
    expect(drawn.status).toBe(200);
    expect(drawn.body.eligible).not.toContain('e-5');
    const manual = await assign(id, ['e-5']);
    expect(manual.body).toMatchObject({ status: 422, code: 'expert_conflict' });
    expect(await tasksFor(await expertClient(harness, 'e-5'), id)).toEqual([]);
  });

  it('keeps an expert who declared a conflict off every assignment, and out of the documents', async () => {
    const { id } = await atPanel(harness, 95_002, 'laoshan');
    expect((await score(id, 'e-2', { conflict: true })).body).toMatchObject({ conflict: true });
    const again = await assign(id, ['e-2', 'e-4'], '补充专家。');
    expect(again.body).toMatchObject({ status: 422, code: 'expert_conflict' });
    const record = await cityAdmin.get<{ documents: { documentId: string }[] }>(
      `/api/tenants/qingdao/applications/${id}`,
    );
    const documentId = record.body.documents[0]?.documentId;
    const asConflicted = await (await expertClient(harness, 'e-2')).get(
      `/api/tenants/qingdao/applications/${id}/documents/${documentId}`,
    );
    expect(asConflicted.status).toBe(403);
    const asPanelist = await (await expertClient(harness, 'e-1')).get(
      `/api/tenants/qingdao/applications/${id}/documents/${documentId}`,
    );
    expect(asPanelist.status).toBe(200);
  });

  it('fixes the panel once the first score is in: a change needs a reason and is recorded', async () => {
    const { id, provider } = await atPanel(harness, 95_003, 'laoshan');
    expect((await score(id, 'e-1', { scores: RUBRIC_SCORES })).status).toBe(200);
    expect((await assign(id, ['e-4'])).body).toMatchObject({ status: 409, code: 'panel_fixed' });
    const reason = '专家 e-3 因病无法参加，增补 e-4。';
    expect((await assign(id, ['e-4'], reason)).status).toBe(200);
    const history = (
      await provider.get<{ items: HistoryEvent[] }>(
        `/api/tenants/qingdao/applications/${id}/history`,
      )
    ).body.items;
    expect(history.at(-1)).toMatchObject({ role: 'city_admin', stage: 'expert-review' });
    expect(history.at(-1)?.reason).toContain(reason);
  });

  it('is not ready again until an expert added after it was ready answers; decided, it leaves no scoring task open', async () => {
    const { id } = await atPanel(harness, 95_004, 'laoshan');
    await scoreAll(harness, id, EXPERTS);
    const decide = () =>
      cityAdmin.post(`/api/tenants/qingdao/applications/${id}/decision`, {
        stage: 'expert-review',
        outcome: 'pass',
        comment: '择优推荐。',
      });
    expect((await tasksFor(cityAdmin, id)).find((t) => t.kind === 'panel')).toMatchObject({
      ready: true,
    });
    expect((await assign(id, ['e-4'], '增补行业专家。')).status).toBe(200);
    expect((await tasksFor(cityAdmin, id)).find((t) => t.kind === 'panel')).not.toHaveProperty(
      'ready',
    );
    expect((await decide()).body).toMatchObject({ status: 409, code: 'stale_stage' });
    expect((await score(id, 'e-4', { scores: RUBRIC_SCORES })).status).toBe(200);
    expect((await decide()).status).toBe(200);
    for (const expertId of [...EXPERTS, 'e-4'])
      expect(await tasksFor(await expertClient(harness, expertId), id)).toEqual([]);
  });
});
