/**
 * Carrying Qingdao applications through review as the scenarios need them: the district
 * review, the expert panel, a notice. The clock is moved, never waited on.
 */
import type { testApp } from '@sme/api/testing';
import type { HistoryEvent, ResolvedTenant } from '@sme/core';
import { expect } from 'vitest';
import { ApiClient } from './api-client.js';
import { PROGRAM, RUBRIC_SCORES } from './qingdao.js';
import { type Drafted, submittedApplication } from './submitted.js';

export type Harness = Awaited<ReturnType<typeof testApp>>;
export const EXPERTS = ['e-1', 'e-2', 'e-3'];

/**
 * Qingdao's expert panel deciding by `passMark` instead of a quota ranking, as Jinan,
 * Jining and the province configure theirs (the helpers here walk Qingdao).
 */
export const withPassMark = (passMark: number) => (tenants: ResolvedTenant[]) =>
  tenants.map((t) =>
    t.id !== 'qingdao'
      ? t
      : {
          ...t,
          programs: t.programs.map((p) => ({
            ...p,
            stages: p.stages.map((s) =>
              s.kind === 'panel' ? { ...s, decision: { kind: 'pass-mark' as const, passMark } } : s,
            ),
          })),
        },
  );

/** Hands submissions to review (what every timer tick does) and lets the runs settle. */
export async function reviewCatchesUp(harness: Harness): Promise<void> {
  await harness.review.pickUp();
  await harness.review.settled();
}

/** Moves the clock as /api/dev/clock does: every timer due by then fires, then review settles. */
export async function moveClock(harness: Harness, to: string): Promise<number> {
  const res = await harness.app.request('/api/dev/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceTo: to }),
  });
  expect(res.status).toBe(200);
  await harness.review.settled();
  return ((await res.json()) as { fired: number }).fired;
}

export const reviewerOf = (harness: Harness, region: string) =>
  ApiClient.signIn(harness.app, { role: 'district_reviewer', tenant: 'qingdao', region });
export const expertClient = (harness: Harness, expertId: string) =>
  ApiClient.signIn(harness.app, { role: 'expert', tenant: 'qingdao', expertId });
export const cityAdminOf = (harness: Harness) =>
  ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'qingdao' });

/**
 * Where a walk starts: provider `n`'s new draft (in the walk's `region`), or a draft made
 * already, in its own district (see `draftsSharingAShard`).
 */
export type WalkFrom = number | Drafted;

/** Submitted and waiting at the district review of its own district. */
export async function atDistrictReview(harness: Harness, from: WalkFrom, region = 'laoshan') {
  const submitted = await submittedApplication(harness.app, from, region);
  await reviewCatchesUp(harness);
  return submitted;
}

/** Puts experts in Qingdao's pool (assignments name only experts of the pool). */
export async function registerExperts(cityAdmin: ApiClient, expertIds: readonly string[]) {
  for (const expertId of expertIds) {
    const saved = await cityAdmin.put(`/api/tenants/qingdao/experts/${expertId}`, {
      industries: ['auto-parts'],
      conflicts: [],
    });
    expect(saved.status).toBe(200);
  }
}

/** Through the district review: waiting for its panel, with `experts` assigned. */
export async function atPanel(
  harness: Harness,
  from: WalkFrom,
  region = 'laoshan',
  experts = EXPERTS,
) {
  const submitted = await atDistrictReview(harness, from, region);
  const reviewer = await reviewerOf(harness, submitted.region);
  const passed = await reviewer.post(`/api/tenants/qingdao/applications/${submitted.id}/decision`, {
    stage: 'district-review',
    outcome: 'pass',
    comment: '初审通过，无重复申报。',
  });
  expect(passed.status).toBe(200);
  await harness.review.settled();
  const cityAdmin = await cityAdminOf(harness);
  await registerExperts(cityAdmin, experts);
  const assigned = await cityAdmin.post(
    `/api/tenants/qingdao/applications/${submitted.id}/experts`,
    { stage: 'expert-review', expertIds: experts },
  );
  expect(assigned.status).toBe(200);
  return { ...submitted, cityAdmin };
}

/** One expert's answer at the panel: the full rubric; the answer is the caller's to check. */
export const scoreAs = async (harness: Harness, id: string, expertId: string) =>
  (await expertClient(harness, expertId)).post<Record<string, unknown>>(
    `/api/tenants/qingdao/applications/${id}/scores`,
    { stage: 'expert-review', scores: RUBRIC_SCORES },
  );

/** At the panel with every expert but the last answered: the last one's answer completes it. */
export async function allButLastAnswered(harness: Harness, n: number) {
  const walk = await atPanel(harness, n);
  for (const expertId of EXPERTS.slice(0, -1))
    expect((await scoreAs(harness, walk.id, expertId)).status).toBe(200);
  return walk;
}

/** Where the application stands once review settles, and how many times its panel decided it. */
export async function panelStanding(harness: Harness, provider: ApiClient, id: string) {
  await harness.review.settled();
  const path = `/api/tenants/qingdao/applications/${id}`;
  const app = await provider.get<{ status: string; stage?: string }>(path);
  const history = await provider.get<{ items: HistoryEvent[] }>(`${path}/history`);
  const decisions = history.body.items.filter((e) => e.actor === 'panel');
  return { status: app.body.status, stage: app.body.stage, decisions: decisions.length };
}

/** A run resumed after a restart begins the panel stage again, with a new token. */
export const resumedAtPanel = (harness: Harness, id: string) =>
  harness.platform.stages.begin({
    tenant: 'qingdao',
    programId: PROGRAM,
    applicationId: id,
    stage: 'expert-review',
    kind: 'panel',
    taskToken: 'resumed-token',
  });

/** Every assigned expert scores the full rubric. */
export async function scoreAll(harness: Harness, id: string, experts = EXPERTS) {
  for (const expertId of experts) expect((await scoreAs(harness, id, expertId)).status).toBe(200);
}

/** Through district review and the panel, waiting at publicity for a notice. */
export async function atPublicity(harness: Harness, from: WalkFrom, region = 'laoshan') {
  const { id, provider, org, cityAdmin } = await atPanel(harness, from, region);
  await scoreAll(harness, id);
  const decided = await cityAdmin.post(`/api/tenants/qingdao/applications/${id}/decision`, {
    stage: 'expert-review',
    outcome: 'pass',
    comment: '在配额内，择优推荐。',
  });
  expect(decided.status).toBe(200);
  await harness.review.settled();
  expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
    status: 'in_review',
    stage: 'publicity',
  });
  return { id, provider, org, cityAdmin };
}

/** Publishes a notice of these applications; answers its id. */
export async function publishNotice(cityAdmin: ApiClient, applicationIds: string[]) {
  const notice = await cityAdmin.post<{ id: string; endsAt: string }>(
    '/api/tenants/qingdao/notices',
    { programId: PROGRAM, applicationIds },
  );
  expect(notice.status).toBe(201);
  return notice.body;
}

/** The open tasks a client sees for one application. */
export async function tasksFor(client: ApiClient, appId: string) {
  const tasks = await client.get<{
    items: { applicationId: string; kind: string; stage: string }[];
  }>('/api/tenants/qingdao/tasks');
  return tasks.body.items.filter((t) => t.applicationId === appId);
}
