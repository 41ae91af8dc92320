/**
 * The province's counts (API.md "The province"): per tenant and program, by status,
 * equal to a recount of the applications at every step of their lives, and read only
 * by the province's administrator.
 */
import { testApp } from '@sme/api/testing';
import { APPLICATION_STATUSES } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { OPEN_AT, PROGRAM, uscc } from '../support/qingdao.js';
import { recountQingdao } from '../support/recount.js';
import { draftApplication, submittedApplication } from '../support/submitted.js';

type Stats = {
  tenants: {
    tenant: string;
    programs: { programId: string; byStatus: Record<string, number> }[];
  }[];
  totals: { byStatus: Record<string, number> };
};

let harness: Awaited<ReturnType<typeof testApp>>;
let province: ApiClient;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  province = await ApiClient.signIn(harness.app, { role: 'province_admin', tenant: 'shandong' });
});

/** Qingdao's applications counted one by one, by listing each status. */
async function stats(): Promise<Stats> {
  const answer = await province.get<Stats>('/api/tenants/shandong/stats');
  expect(answer.status).toBe(200);
  return answer.body;
}

const qingdaoCounts = (s: Stats) =>
  s.tenants.find((t) => t.tenant === 'qingdao')?.programs.find((p) => p.programId === PROGRAM)
    ?.byStatus;

describe('GET /api/tenants/{province}/stats', () => {
  it('lists the province and each of its cities, every program, every status at 0', async () => {
    const body = await stats();
    expect(body.tenants.map((t) => t.tenant)).toEqual(['shandong', 'jinan', 'jining', 'qingdao']);
    expect(Object.keys(body.totals.byStatus).sort()).toEqual([...APPLICATION_STATUSES].sort());
    expect(Object.values(body.totals.byStatus).every((n) => n === 0)).toBe(true);
  });

  it('equals a recount after drafts, submissions, a withdrawal and review', async () => {
    const draft = await draftApplication(harness.app, uscc(701), {
      name: '统计测试一',
      region: 'laoshan',
    });
    await draftApplication(harness.app, uscc(702), { name: '统计测试二', region: 'shinan' });
    await submittedApplication(harness.app, 703);
    await submittedApplication(harness.app, 704, 'shinan');
    expect(qingdaoCounts(await stats())).toEqual(await recountQingdao(harness));

    const withdrawn = await draft.provider.post(
      `/api/tenants/qingdao/applications/${draft.id}/withdraw`,
      { reason: '改报其他类型' },
    );
    expect(withdrawn.status).toBe(200);
    await harness.review.pickUp();
    await harness.review.settled();

    const body = await stats();
    const counted = await recountQingdao(harness);
    expect(qingdaoCounts(body)).toEqual(counted);
    expect(counted).toMatchObject({ draft: 1, withdrawn: 1 });
    expect((counted.submitted ?? 0) + (counted.in_review ?? 0)).toBe(2);
    // Totals add up every program of every tenant.
    for (const status of APPLICATION_STATUSES) {
      const sum = body.tenants
        .flatMap((t) => t.programs)
        .reduce((n, p) => n + (p.byStatus[status] ?? 0), 0);
      expect(body.totals.byStatus[status], status).toBe(sum);
    }
  });

  it('answers only the province administrator, and only for the province', async () => {
    const cityAdmin = await ApiClient.signIn(harness.app, {
      role: 'city_admin',
      tenant: 'qingdao',
    });
    expect((await cityAdmin.get('/api/tenants/shandong/stats')).status).toBe(403);
    expect((await cityAdmin.get('/api/tenants/qingdao/stats')).status).toBe(403);
    expect((await province.get('/api/tenants/qingdao/stats')).status).toBe(403);
    expect((await new ApiClient(harness.app).get('/api/tenants/shandong/stats')).status).toBe(401);
    expect((await province.get('/api/tenants/hebei/stats')).status).toBe(404);
  });
});
