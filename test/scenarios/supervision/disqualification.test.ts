/**
 * Disqualification, bans and appeals. On the province's rules, fraud (seed 001 §五(一))
 * removes a member and bars the organization in every city for the year of the finding
 * and the three after, then lets it in again; on Jining's, a disqualification and an
 * order are appealed (004 §三(三)), and an upheld appeal restores exactly what they changed.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json } from '../../support/api-client.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { OPEN_AT, PROGRAM, productFields } from '../../support/qingdao.js';
import { moveClock } from '../../support/review-walk.js';

let harness: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

const poolUsccs = async (tenant: string) =>
  (
    (await (await harness.app.request(`/api/tenants/${tenant}/pool`)).json()) as { items: Json[] }
  ).items.map((i) => i.uscc);

/** The member appeals a Jining order and the city upholds it: the order is annulled. */
async function orderAnnulledOnAppeal(city: ApiClient, uscc: string, orderId: string) {
  const provider = await memberClient(harness, 'jining', uscc);
  const appeal = await provider.post<{ id: string }>('/api/tenants/jining/appeals', {
    subject: { kind: 'rectification', id: orderId },
    ground: 'other',
    detail: '变更已于当月报告，附回执',
  });
  expect(appeal.status).toBe(201);
  const decided = await city.post(`/api/tenants/jining/appeals/${appeal.body.id}/decision`, {
    upheld: true,
    comment: '回执属实，整改通知撤销',
  });
  expect(decided.status).toBe(200);
}

async function qingdaoDraft(org: string) {
  const provider = await ApiClient.signIn(harness.app, {
    role: 'provider',
    tenant: 'qingdao',
    org,
  });
  await provider.put(`/api/tenants/qingdao/orgs/${org}`, {
    name: '监管测试公司',
    region: 'laoshan',
  });
  return provider.post('/api/tenants/qingdao/applications', {
    programId: PROGRAM,
    track: 'product',
    industries: ['auto-parts'],
    fields: productFields,
  });
}

describe('disqualification for fraud in the province pool', () => {
  it('removes the member, publishes nothing the rule does not order, and bans it in Qingdao until the end of the third following year', async () => {
    const uscc = await listMember(harness, 'shandong', 'provider-pool', 401);
    const province = await supervisorOf(harness, 'shandong');
    const done = await province.post<Json>('/api/tenants/shandong/disqualifications', {
      uscc,
      ground: 'fraud',
      detail: '申报材料中的案例合同系伪造',
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({
      status: 'in_force',
      ban: expect.objectContaining({ rule: 'fraud-ban' }),
    });
    expect(await poolUsccs('shandong')).not.toContain(uscc);
    const listed = await province.get<{ items: Json[] }>('/api/tenants/shandong/bans');
    expect(listed.body.items.find((b) => b.uscc === uscc)).toMatchObject({
      until: '2028-01-01T00:00:00+08:00',
    });

    const refused = await qingdaoDraft(uscc);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'banned' });

    // The ban lapses by itself: held to the second by the check every city makes.
    const { bans } = harness.platform.repositories;
    const inQingdao = (at: string) =>
      bans.inForce({ tenant: 'qingdao', province: 'shandong' }, [uscc], new Date(at));
    expect(await inQingdao('2027-12-31T23:59:59+08:00')).toBeDefined();
    expect(await inQingdao('2028-01-01T00:00:00+08:00')).toBeUndefined();
  });

  it('refuses a second disqualification of a removed member, and a ground no rule lists', async () => {
    const uscc = await listMember(harness, 'shandong', 'provider-pool', 402);
    const province = await supervisorOf(harness, 'shandong');
    const body = { uscc, ground: 'fraud', detail: '伪造材料' };
    const unknown = await province.post('/api/tenants/shandong/disqualifications', {
      ...body,
      ground: 'leaked-secrets',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown_ground' });
    const twice = await Promise.all(
      [1, 2].map(() => province.post('/api/tenants/shandong/disqualifications', body)),
    );
    expect(twice.map((t) => t.status).sort()).toEqual([201, 409]);
  });
});

describe('appeals in Jining', () => {
  const T = '/api/tenants/jining';

  it('restores a removed member to the pool when its appeal is upheld, in both histories', async () => {
    const uscc = await listMember(harness, 'jining', 'dx-providers', 403);
    const city = await supervisorOf(harness, 'jining');
    const removed = await city.post<{ id: string; published: boolean }>(`${T}/disqualifications`, {
      uscc,
      ground: 'behind-schedule',
      detail: '绩效目标完成情况与序时进度差距较大',
    });
    expect(removed.status).toBe(201);
    expect(removed.body.published).toBe(true);
    expect(await poolUsccs('jining')).not.toContain(uscc);
    const notices = (await (await harness.app.request(`${T}/disqualifications`)).json()) as {
      items: Json[];
    };
    expect(notices.items.find((n) => n.id === removed.body.id)).toMatchObject({
      status: 'in_force',
    });

    const provider = await memberClient(harness, 'jining', uscc);
    const subject = { kind: 'disqualification', id: removed.body.id };
    const appeal = await provider.post<{ id: string }>(`${T}/appeals`, {
      subject,
      ground: 'pilot-firm-caused',
      detail: '试点企业停产导致进度滞后，附停产证明',
    });
    expect(appeal.status).toBe(201);
    const again = await provider.post(`${T}/appeals`, {
      subject,
      ground: 'other',
      detail: '再次申诉',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'appeal_pending' });

    const tasks = await city.get<{ items: Json[] }>(`${T}/tasks`);
    expect(tasks.body.items).toContainEqual(
      expect.objectContaining({ kind: 'appeal', applicationId: appeal.body.id }),
    );
    const upheld = await city.post(`${T}/appeals/${appeal.body.id}/decision`, {
      upheld: true,
      comment: '经核实，延误系试点企业原因',
    });
    expect(upheld.status).toBe(200);
    expect(await poolUsccs('jining')).toContain(uscc);
    const member = await provider.get<{
      status: string;
      history: Json[];
      disqualifications: Json[];
    }>(`${T}/members/${uscc}`);
    expect(member.body.status).toBe('active');
    expect(member.body.history.map((e) => e.to)).toEqual(['active', 'removed', 'active']);
    expect(member.body.history.at(-1)?.reason).toContain(appeal.body.id);
    expect(member.body.disqualifications).toEqual([
      expect.objectContaining({ status: 'annulled' }),
    ]);
    const after = (await (await harness.app.request(`${T}/disqualifications`)).json()) as {
      items: Json[];
    };
    expect(after.items.find((n) => n.id === removed.body.id)).toMatchObject({ status: 'annulled' });
  });

  it('annuls an order on an upheld appeal, so it no longer counts, and refuses anyone but the member', async () => {
    await moveClock(harness, '2024-02-01T09:00:00+08:00');
    const uscc = await listMember(harness, 'jining', 'dx-providers', 404);
    const city = await supervisorOf(harness, 'jining');
    const ordered = await city.post<{ id: string }>(`${T}/rectifications`, {
      uscc,
      ground: 'unreported-change',
      detail: '住所变更未报告',
    });
    const subject = { kind: 'rectification', id: ordered.body.id };
    const other = await memberClient(
      harness,
      'jining',
      await listMember(harness, 'jining', 'dx-providers', 405),
    );
    expect(
      (await other.post(`${T}/appeals`, { subject, ground: 'other', detail: '代为申诉' })).status,
    ).toBe(403);
    const provider = await memberClient(harness, 'jining', uscc);
    const unknown = await provider.post(`${T}/appeals`, {
      subject,
      ground: 'fraud',
      detail: '未列出的事由',
    });
    expect(unknown.body).toMatchObject({ code: 'unknown_ground' });
    const appeal = await provider.post<{ id: string }>(`${T}/appeals`, {
      subject,
      ground: 'other',
      detail: '变更已于当月报告，附回执',
    });
    expect(appeal.status).toBe(201);
    const decided = await city.post(`${T}/appeals/${appeal.body.id}/decision`, {
      upheld: true,
      comment: '回执属实',
    });
    expect(decided.status).toBe(200);
    const member = await provider.get<{ status: string; rectifications: Json[] }>(
      `${T}/members/${uscc}`,
    );
    expect(member.body.status).toBe('active');
    expect(member.body.rectifications).toEqual([expect.objectContaining({ status: 'annulled' })]);
    const stored = await harness.platform.repositories.supervision.members.get(
      { tenant: 'jining', province: 'shandong' },
      uscc,
    );
    expect(stored).toMatchObject({ orderCount: 0, openOrders: [] });
    const decidedAgain = await city.post(`${T}/appeals/${appeal.body.id}/decision`, {
      upheld: false,
      comment: '重复处理',
    });
    expect(decidedAgain.status).toBe(409);
  });
  it('withdraws the disqualification proposal an overdue order opened when its appeal is upheld', async () => {
    const uscc = await listMember(harness, 'jining', 'dx-providers', 406);
    const city = await supervisorOf(harness, 'jining');
    const ordered = await city.post<{ id: string; dueAt: string }>(`${T}/rectifications`, {
      uscc,
      ground: 'unreported-change',
      detail: '住所变更未报告',
    });
    expect(ordered.status).toBe(201);
    const proposals = async () =>
      (
        await city.get<{ items: { kind: string; proposal?: { caseId: string } }[] }>(`${T}/tasks`)
      ).body.items.filter(
        (t) => t.kind === 'disqualification_proposal' && t.proposal?.caseId === ordered.body.id,
      );
    await moveClock(harness, ordered.body.dueAt);
    expect(await proposals()).toHaveLength(1);

    await orderAnnulledOnAppeal(city, uscc, ordered.body.id);
    // The order no longer stands, so nothing it caused may still propose removal.
    expect(await proposals()).toEqual([]);
  });
  it('withdraws the proposal of an order beyond the limit once an earlier order is annulled on appeal', async () => {
    const uscc = await listMember(harness, 'jining', 'dx-providers', 407);
    const city = await supervisorOf(harness, 'jining');
    const orders: string[] = [];
    for (const detail of ['住所变更未报告', '法人变更未报告', '股权变更未报告']) {
      const ordered = await city.post<{ id: string }>(`${T}/rectifications`, {
        uscc,
        ground: 'unreported-change',
        detail,
      });
      expect(ordered.status).toBe(201);
      orders.push(ordered.body.id);
    }
    const limitProposals = async () =>
      (
        await city.get<{
          items: { kind: string; applicationId: string; proposal?: { reason: string } }[];
        }>(`${T}/tasks`)
      ).body.items.filter(
        (t) =>
          t.kind === 'disqualification_proposal' &&
          t.applicationId === uscc &&
          t.proposal?.reason === 'limit',
      );
    // The third order is more than Jining's two (004 §三(二)2).
    expect(await limitProposals()).toHaveLength(1);

    await orderAnnulledOnAppeal(city, uscc, orders[0] ?? '');
    // Two orders stand: no longer more than the rule allows.
    expect(await limitProposals()).toEqual([]);
  });
});
