/**
 * Jinan's call for pilot enterprises (seed 000 §一(二), §三(二)) walked over HTTP to a
 * listed pilot, as the pilot scenarios and pages need one: the enterprise registers and
 * applies, the city selects it, the province's needs review scores it, the province
 * lists it. The clock starts while the call is open.
 */
import { expect } from 'vitest';
import { ApiClient } from './api-client.js';
import { supervisorOf } from './members.js';
import { uscc } from './qingdao.js';
import { type Harness, reviewCatchesUp } from './review-walk.js';

export const TENANT = 'jinan';
export const PROGRAM = 'pilot-enterprises';
/** While Jinan's call for pilot enterprises is open (it closes on 2023-08-20). */
export const OPEN_AT = '2023-08-01T09:00:00+08:00';
const EXPERTS = ['pilot-e-1', 'pilot-e-2', 'pilot-e-3'];
export const NEEDS = '生产设备联网与数据采集，建设车间级MES系统。';
export const api = `/api/tenants/${TENANT}`;

/** The enterprise's application, through every stage of the call, until it is listed. */
export async function listedPilot(harness: Harness, n: number) {
  const org = uscc(n);
  const enterprise = await ApiClient.signIn(harness.app, {
    role: 'enterprise',
    tenant: TENANT,
    org,
  });
  expect(
    (await enterprise.put(`${api}/orgs/${org}`, { name: `试点企业${n}`, region: 'lixia' })).status,
  ).toBe(200);
  const created = await enterprise.post<{ id: string }>(`${api}/applications`, {
    programId: PROGRAM,
    fields: { enterpriseType: ['specialised'], needs: NEEDS },
  });
  expect(created.status).toBe(201);
  const { id } = created.body;
  expect((await enterprise.post(`${api}/applications/${id}/submit`)).status).toBe(200);
  await reviewCatchesUp(harness);

  const city = await supervisorOf(harness, TENANT);
  const selected = await city.post(`${api}/applications/${id}/decision`, {
    stage: 'city-selection',
    outcome: 'pass',
    comment: '转型需求迫切，推荐参加省级审核。',
  });
  expect(selected.status).toBe(200);
  await harness.review.settled();

  for (const expertId of EXPERTS)
    expect((await city.put(`${api}/experts/${expertId}`, { industries: [] })).status).toBe(200);
  const province = await supervisorOf(harness, 'shandong');
  const assigned = await province.post(`${api}/applications/${id}/experts`, {
    stage: 'needs-review',
    expertIds: EXPERTS,
  });
  expect(assigned.status).toBe(200);
  for (const expertId of EXPERTS) {
    const expert = await ApiClient.signIn(harness.app, {
      role: 'expert',
      tenant: TENANT,
      expertId,
    });
    const scored = await expert.post(`${api}/applications/${id}/scores`, {
      stage: 'needs-review',
      scores: { urgency: 30, potential: 30, benefits: 25 },
    });
    expect(scored.status).toBe(200);
  }
  await harness.review.settled();
  const app = await enterprise.get<{ status: string }>(`${api}/applications/${id}`);
  expect(app.body.status).toBe('listed');
  return { id, org, enterprise, city, province };
}
