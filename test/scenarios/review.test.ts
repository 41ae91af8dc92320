/**
 * Review on the compiled state machine, run by the local executor: screening, the
 * district's initial review with its scope and due date, return for correction and
 * resubmission. The clock is moved, never waited on.
 */
import { testApp } from '@sme/api/testing';
import { drawPanel, type HistoryEvent, seedHashOf, verifyChain } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { OPEN_AT, RUBRIC_SCORES } from '../support/qingdao.js';
import { registerExperts } from '../support/review-walk.js';
import { submittedApplication } from '../support/submitted.js';

type Harness = Awaited<ReturnType<typeof testApp>>;
let harness: Harness;
let laoshan: ApiClient;
let shinan: ApiClient;
let cityAdmin: ApiClient;

type Task = {
  taskId: string;
  applicationId: string;
  stage: string;
  kind: string;
  dueAt?: string;
  overdue?: boolean;
};

/** Hands submissions to review (what every timer tick does) and lets the runs settle. */
async function reviewCatchesUp() {
  await harness.review.pickUp();
  await harness.review.settled();
}

const tasksOf = async (client: ApiClient, appId: string) =>
  (await client.get<{ items: Task[] }>('/api/tenants/qingdao/tasks')).body.items.filter(
    (t) => t.applicationId === appId,
  );

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  laoshan = await ApiClient.signIn(harness.app, {
    role: 'district_reviewer',
    tenant: 'qingdao',
    region: 'laoshan',
  });
  shinan = await ApiClient.signIn(harness.app, {
    role: 'district_reviewer',
    tenant: 'qingdao',
    region: 'shinan',
  });
  cityAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'qingdao' });
  await registerExperts(cityAdmin, ['e-1', 'e-2', 'e-3', 'e-4']);
});

describe('a submitted Qingdao application', () => {
  it('is screened and waits for its own district’s reviewer, due by 2024-02-08 24:00', async () => {
    const { id, provider } = await submittedApplication(harness.app, 20_001);
    await reviewCatchesUp();

    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      status: 'in_review',
      stage: 'district-review',
    });
    expect(await tasksOf(laoshan, id)).toEqual([
      expect.objectContaining({
        stage: 'district-review',
        kind: 'manual',
        dueAt: '2024-02-09T00:00:00+08:00',
        overdue: false,
      }),
    ]);
    expect(await tasksOf(shinan, id)).toEqual([]);
    expect(await tasksOf(cityAdmin, id)).toEqual([]);
  });

  it('moves on when its reviewer passes it, and refuses anyone else or the wrong stage', async () => {
    const { id, provider } = await submittedApplication(harness.app, 20_002);
    await reviewCatchesUp();
    const decide = (client: ApiClient, stage: string, outcome = 'pass') =>
      client.post(`/api/tenants/qingdao/applications/${id}/decision`, {
        stage,
        outcome,
        comment: '材料真实完整，同意推荐。',
      });

    expect((await decide(shinan, 'district-review')).status).toBe(403);
    // Who may decide is checked first: out of scope is 403 whatever the stage.
    expect((await decide(laoshan, 'expert-review')).body).toMatchObject({ code: 'forbidden' });
    expect((await decide(cityAdmin, 'expert-review')).body).toMatchObject({ code: 'stale_stage' });
    expect((await decide(laoshan, 'district-review')).body).toEqual({
      status: 'in_review',
      stage: 'district-review',
    });
    expect((await decide(laoshan, 'district-review')).status).toBe(409);
    await harness.review.settled();

    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      stage: 'expert-review',
    });
    expect(await tasksOf(laoshan, id)).toEqual([]);
    expect(await tasksOf(cityAdmin, id)).toEqual([
      expect.objectContaining({ stage: 'expert-review', kind: 'panel' }),
    ]);

    const history = (
      await provider.get<{ items: HistoryEvent[] }>(
        `/api/tenants/qingdao/applications/${id}/history`,
      )
    ).body.items;
    expect(history.slice(-4).map((e) => `${e.to}@${e.stage ?? '-'} by ${e.role}`)).toEqual([
      'in_review@screening by system',
      'in_review@district-review by system',
      'in_review@district-review by district_reviewer',
      'in_review@expert-review by system',
    ]);
    expect(history.at(-2)?.reason).toBe('材料真实完整，同意推荐。');
    expect(verifyChain(history.map((e) => ({ ...e, at: new Date(e.at).toISOString() })))).toBe(
      true,
    );
  });

  it('goes back to the provider when returned, and the resubmission resumes at the returning stage', async () => {
    const { id, provider } = await submittedApplication(harness.app, 20_003);
    await reviewCatchesUp();
    const returned = await laoshan.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'return',
      comment: '请补充青岛本地服务案例的合同扫描件。',
    });
    expect(returned.body).toEqual({ status: 'returned', stage: 'district-review' });
    await harness.review.settled();
    expect(await tasksOf(provider, id)).toEqual([
      expect.objectContaining({ stage: 'district-review', kind: 'resubmission' }),
    ]);

    const edited = await provider.patch(`/api/tenants/qingdao/applications/${id}`, {
      fields: { teamSize: 26 },
    });
    expect(edited.status).toBe(200);
    expect(
      (await provider.post(`/api/tenants/qingdao/applications/${id}/submit`)).body,
    ).toMatchObject({ status: 'submitted' });
    await harness.review.settled();

    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      status: 'in_review',
      stage: 'district-review',
    });
    expect(await tasksOf(provider, id)).toEqual([]);
    expect(await tasksOf(laoshan, id)).toHaveLength(1);
    const history = (
      await provider.get<{ items: HistoryEvent[] }>(
        `/api/tenants/qingdao/applications/${id}/history`,
      )
    ).body.items;
    expect(history.slice(-4).map((e) => `${e.from}→${e.to}@${e.stage ?? '-'}`)).toEqual([
      'in_review→returned@district-review',
      'returned→returned@-',
      'returned→submitted@-',
      'submitted→in_review@district-review',
    ]);
  });

  it('reaches review when the clock is moved, as the timer loop does', async () => {
    const { id, provider } = await submittedApplication(harness.app, 20_004);
    const moved = await harness.app.request('/api/dev/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceTo: '2024-01-21T09:00:00+08:00' }),
    });
    expect(((await moved.json()) as { fired: number }).fired).toBeGreaterThanOrEqual(1);
    await harness.review.settled();
    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      stage: 'district-review',
    });
  });
});

describe('the expert panel', () => {
  it('takes assigned experts’ locked scores, excludes a conflict, and is then decided by the city admin', async () => {
    const { id, provider } = await submittedApplication(harness.app, 20_005);
    await reviewCatchesUp();
    await laoshan.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '同意推荐。',
    });
    await harness.review.settled();

    const assign = (expertIds: string[]) =>
      cityAdmin.post(`/api/tenants/qingdao/applications/${id}/experts`, {
        stage: 'expert-review',
        expertIds,
      });
    expect((await assign(['e-1', 'e-2'])).body).toMatchObject({ code: 'too_few_experts' });
    expect((await assign(['e-1', 'e-2', 'e-3'])).status).toBe(200);
    expect(
      (
        await laoshan.post(`/api/tenants/qingdao/applications/${id}/experts`, {
          stage: 'expert-review',
          expertIds: ['x', 'y', 'z'],
        })
      ).status,
    ).toBe(403);

    const expert = (expertId: string) =>
      ApiClient.signIn(harness.app, { role: 'expert', tenant: 'qingdao', expertId });
    const score = async (expertId: string, body: Record<string, unknown>) =>
      (await expert(expertId)).post(`/api/tenants/qingdao/applications/${id}/scores`, {
        stage: 'expert-review',
        ...body,
      });

    expect(await tasksOf(await expert('e-1'), id)).toEqual([
      expect.objectContaining({ kind: 'score', stage: 'expert-review' }),
    ]);
    expect((await score('e-9', { scores: RUBRIC_SCORES })).status).toBe(403);
    expect((await score('e-1', { scores: RUBRIC_SCORES })).body).toMatchObject({
      total: 88,
      conflict: false,
    });
    expect((await score('e-1', { scores: RUBRIC_SCORES })).body).toMatchObject({
      code: 'score_locked',
    });
    expect(
      (await score('e-2', { scores: { ...RUBRIC_SCORES, 'technical-team': 25 } })).body,
    ).toMatchObject({
      code: 'invalid_score',
    });
    expect((await score('e-2', { conflict: true })).body).toMatchObject({ conflict: true });
    expect((await score('e-3', { scores: RUBRIC_SCORES })).status).toBe(200);

    // Two counted scores are fewer than the stage's three: not ready, so not decidable.
    const decide = () =>
      cityAdmin.post(`/api/tenants/qingdao/applications/${id}/decision`, {
        stage: 'expert-review',
        outcome: 'pass',
        comment: '综合排名在配额内，择优推荐。',
      });
    expect((await decide()).body).toMatchObject({ code: 'stale_stage' });
    // Scoring has begun: the panel is fixed, and a change needs a reason, which is recorded.
    expect((await assign(['e-4'])).body).toMatchObject({ code: 'panel_fixed' });
    const reason = '专家 e-2 声明回避，补充一名专家。';
    expect(
      (
        await cityAdmin.post(`/api/tenants/qingdao/applications/${id}/experts`, {
          stage: 'expert-review',
          expertIds: ['e-4'],
          reason,
        })
      ).body,
    ).toEqual({ stage: 'expert-review', expertIds: ['e-1', 'e-2', 'e-3', 'e-4'] });
    const changes = await provider.get<{ items: HistoryEvent[] }>(
      `/api/tenants/qingdao/applications/${id}/history`,
    );
    expect(changes.body.items.at(-1)?.reason).toContain(reason);
    expect((await score('e-4', { scores: RUBRIC_SCORES })).status).toBe(200);
    expect(await tasksOf(cityAdmin, id)).toEqual([
      expect.objectContaining({ kind: 'panel', ready: true }),
    ]);

    const ranking = await cityAdmin.get<{
      groups: {
        track: string;
        industry: string;
        quota: unknown;
        entries: Record<string, unknown>[];
      }[];
    }>('/api/tenants/qingdao/programs/dx-providers-2024/ranking?stage=expert-review');
    const group = ranking.body.groups.find(
      (g) => g.track === 'product' && g.industry === 'auto-parts',
    );
    expect(group?.quota).toEqual({ min: 10, max: 20 });
    expect(group?.entries.find((e) => e.applicationId === id)).toMatchObject({
      average: 88,
      scored: 3,
      spread: 0,
      spreadFlag: false,
      standing: 'within-quota',
    });
    expect(
      (
        await laoshan.get(
          '/api/tenants/qingdao/programs/dx-providers-2024/ranking?stage=expert-review',
        )
      ).status,
    ).toBe(403);

    expect((await decide()).body).toEqual({ status: 'in_review', stage: 'expert-review' });
    await harness.review.settled();
    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      stage: 'publicity',
    });
    expect(await tasksOf(cityAdmin, id)).toEqual([
      expect.objectContaining({ kind: 'publicity', stage: 'publicity' }),
    ]);
  });
});

describe('a panel drawn at random', () => {
  it('draws from the pool without conflicted experts, and anyone can re-run the draw from the seed', async () => {
    const { id, org } = await submittedApplication(harness.app, 20_006);
    await reviewCatchesUp();
    await laoshan.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '同意。',
    });
    await harness.review.settled();

    for (const n of [1, 2, 3, 4, 5, 6]) {
      const conflicts = n === 2 ? [org] : [];
      expect(
        (
          await cityAdmin.call('PUT', `/api/tenants/qingdao/experts/p-${n}`, {
            industries: ['auto-parts'],
            conflicts,
          })
        ).status,
      ).toBe(200);
    }
    expect((await laoshan.get('/api/tenants/qingdao/experts')).status).toBe(403);

    const draw = await cityAdmin.post<{
      drawn: string[];
      seed: string;
      seedHash: string;
      eligible: string[];
      expertIds: string[];
    }>(`/api/tenants/qingdao/applications/${id}/experts/draw`, { stage: 'expert-review' });
    expect(draw.status).toBe(200);
    expect(draw.body.drawn).toHaveLength(3);
    expect(draw.body.eligible).not.toContain('p-2');
    expect(draw.body.drawn).not.toContain('p-2');
    expect(draw.body.expertIds).toEqual(draw.body.drawn);
    expect(seedHashOf(draw.body.seed)).toBe(draw.body.seedHash);
    expect(
      drawPanel({
        seed: draw.body.seed,
        applicationId: id,
        eligible: draw.body.eligible,
        count: 3,
      }),
    ).toEqual(draw.body.drawn);

    const commitments = await harness.platform.repositories.panels.drawCommitments(
      { tenant: 'qingdao', province: 'shandong' },
      id,
      'expert-review',
    );
    expect(commitments.map((c) => c.seedHash)).toEqual([draw.body.seedHash]);

    const drawnExpert = await ApiClient.signIn(harness.app, {
      role: 'expert',
      tenant: 'qingdao',
      expertId: draw.body.drawn[0],
    });
    expect(await tasksOf(drawnExpert, id)).toEqual([expect.objectContaining({ kind: 'score' })]);
  });
});

describe('screening', () => {
  it('rejects an application whose organization was banned after it was submitted', async () => {
    const { id, org, provider } = await submittedApplication(harness.app, 20_007);
    const admin = await ApiClient.signIn(harness.app, {
      role: 'province_admin',
      tenant: 'shandong',
    });
    expect(
      (
        await admin.post('/api/tenants/shandong/bans', {
          uscc: org,
          reason: '伪造服务合同',
          until: '2027-12-31T00:00:00+08:00',
        })
      ).status,
    ).toBe(201);
    await reviewCatchesUp();
    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      status: 'rejected',
      stage: 'screening',
    });
    const history = (
      await provider.get<{ items: HistoryEvent[] }>(
        `/api/tenants/qingdao/applications/${id}/history`,
      )
    ).body.items;
    expect(history.at(-1)).toMatchObject({
      to: 'rejected',
      stage: 'screening',
      reason: expect.stringContaining('伪造服务合同'),
    });
  });
});
