/**
 * Suspension: a province-wide ban in force (the blacklist of seed 001 §五(一)) suspends
 * the organization where another city still lists it. Fraud found in the province's pool
 * on 2024-01-20 bans it until 2028-01-01 00:00 Beijing time; meanwhile Qingdao shows its
 * member `suspended`, keeps it out of the pool and refuses its new engagements; at the
 * ban's end it is back, active, without anyone acting.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { register } from '../../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { OPEN_AT, PROGRAM, uscc as usccOf } from '../../support/qingdao.js';
import { moveClock } from '../../support/review-walk.js';

let harness: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

async function poolOf(tenant: string) {
  const answer = await harness.app.request(`/api/tenants/${tenant}/pool`);
  return ((await answer.json()) as { items: Json[] }).items;
}

const publicView = async (tenant: string, uscc: string) =>
  (await (await harness.app.request(`/api/tenants/${tenant}/members/${uscc}`)).json()) as Json;

describe('a member banned province-wide while another city lists it', () => {
  it('is suspended in Qingdao while the ban holds, and back by itself when it lapses', async () => {
    const uscc = await listMember(harness, 'shandong', 'provider-pool', 501);
    await listMember(harness, 'qingdao', PROGRAM, 501);
    const bystander = await listMember(harness, 'qingdao', PROGRAM, 502);
    expect((await poolOf('qingdao')).map((e) => e.uscc)).toContain(uscc);

    const province = await supervisorOf(harness, 'shandong');
    const done = await province.post('/api/tenants/shandong/disqualifications', {
      uscc,
      ground: 'fraud',
      detail: '申报材料中的案例合同系伪造',
    });
    expect(done.status).toBe(201);

    // Qingdao did not remove it: suspended, out of its pool and the province's.
    expect(await publicView('qingdao', uscc)).toMatchObject({
      status: 'suspended',
      statusName: { zh: '暂停' },
      suspendedUntil: '2028-01-01T00:00:00+08:00',
    });
    const qingdao = (await poolOf('qingdao')).map((e) => e.uscc);
    expect(qingdao).not.toContain(uscc);
    expect(qingdao).toContain(bystander);
    // Its public page says so, and until when, as the notice would write it.
    const page = await (await harness.app.request(`/qingdao/members/${uscc}`)).text();
    expect(page).toContain('暂停');
    expect(page).toContain('2027-12-31 24:00');
    expect((await poolOf('shandong')).map((e) => e.uscc)).not.toContain(uscc);
    // Where it was disqualified it stays removed, whatever the ban says.
    expect(await publicView('shandong', uscc)).toMatchObject({ status: 'removed' });

    const provider = await memberClient(harness, 'qingdao', uscc);
    const refused = await register(provider, 'qingdao', usccOf(551), 'transformation', {
      contractSignedAt: '2024-01-20',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'member_suspended' });
    expect(JSON.stringify(refused.body)).toContain('2027-12-31 24:00');

    // One second before the ban ends it still holds; at its end the member is back.
    await moveClock(harness, '2027-12-31T23:59:59+08:00');
    expect((await poolOf('qingdao')).map((e) => e.uscc)).not.toContain(uscc);
    await moveClock(harness, '2028-01-01T00:00:00+08:00');
    const back = (await poolOf('qingdao')).find((e) => e.uscc === uscc);
    expect(back).toMatchObject({ status: 'active', tenant: 'qingdao' });
    expect(await publicView('qingdao', uscc)).toMatchObject({
      status: 'active',
      suspendedUntil: null,
    });
    const accepted = await register(provider, 'qingdao', usccOf(551), 'transformation', {
      contractSignedAt: '2028-01-01',
    });
    expect(accepted.status).toBe(201);
  });
});
