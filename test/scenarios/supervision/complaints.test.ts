/**
 * Complaints and spot checks on Jining's rules, on DynamoDB Local with the moved clock:
 * a pilot firm complains about the provider that serves it (004 §二(二), grounds of
 * §三(一)2), the provider has five working days to reply (the platform's reading), the
 * bureau resolves and may order rectification in the same step; the city records
 * spot checks (004 §二(二): 电话访谈、实地走访).
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json } from '../../support/api-client.js';
import { enterpriseClient } from '../../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { served as servedBy } from '../../support/probes.js';
import { uscc } from '../../support/qingdao.js';
import { moveClock } from '../../support/review-walk.js';

const JN = '/api/tenants/jining';
// A Monday: five working days later is the next Monday, due at its 24:00.
const START = '2025-03-03T10:00:00+08:00';
const REPLY_DUE = '2025-03-11T00:00:00+08:00';

let harness: Awaited<ReturnType<typeof testApp>>;
let city: ApiClient;

beforeAll(async () => {
  harness = await testApp({ start: START });
  city = await supervisorOf(harness, 'jining');
});

type Complaint = {
  id: string;
  status: string;
  replyDueAt: string;
  resolution?: { upheld: boolean; rectificationId?: string };
  history?: { to: string }[];
};
type Task = { kind: string; applicationId: string; dueAt?: string };

const served = (n: number) => servedBy(harness, n);

const complain = (enterprise: ApiClient, providerUscc: string, extra: Json = {}) =>
  enterprise.post<Complaint>(`${JN}/complaints`, {
    providerUscc,
    ground: 'late-engagement',
    description: '合同签订后一个月仍未进场实施',
    ...extra,
  });

const tasksOf = async (client: ApiClient) =>
  (await client.get<{ items: Task[] }>(`${JN}/tasks`)).body.items;

describe('a complaint', () => {
  it('waits for the reply, then, upheld, orders rectification in the same step', async () => {
    const { org, provider, enterprise } = await served(501);
    const filed = await complain(enterprise, org);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'open', replyDueAt: REPLY_DUE });
    const id = filed.body.id;
    expect(await tasksOf(provider)).toEqual([
      expect.objectContaining({ kind: 'complaint_reply', applicationId: id, dueAt: REPLY_DUE }),
    ]);

    const early = await city.post(`${JN}/complaints/${id}/resolution`, {
      upheld: true,
      comment: '投诉属实',
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'reply_pending' });

    const replied = await provider.post<Complaint>(`${JN}/complaints/${id}/reply`, {
      text: '因企业厂房改造推迟进场，已协商新的进场时间',
    });
    expect(replied.body.status).toBe('replied');
    expect(await tasksOf(provider)).toEqual([]);
    expect((await tasksOf(city)).filter((t) => t.applicationId === id)).toEqual([
      expect.objectContaining({ kind: 'complaint' }),
    ]);

    const rectify = { ground: 'service-complaints', detail: '对接和进驻试点企业不及时' };
    const dismissedWithOrder = await city.post(`${JN}/complaints/${id}/resolution`, {
      upheld: false,
      comment: '不成立',
      rectify,
    });
    expect(dismissedWithOrder.status).toBe(422);
    expect(dismissedWithOrder.body).toMatchObject({ code: 'rectify_requires_upheld' });
    const unknown = await city.post(`${JN}/complaints/${id}/resolution`, {
      upheld: true,
      comment: '投诉属实',
      rectify: { ground: 'fraud', detail: '弄虚作假' },
    });
    expect(unknown.body).toMatchObject({ code: 'unknown_ground' });
    expect((await enterprise.get<Complaint>(`${JN}/complaints/${id}`)).body.status).toBe('replied');

    const resolved = await city.post<Complaint>(`${JN}/complaints/${id}/resolution`, {
      upheld: true,
      comment: '投诉属实，责令限期整改',
      rectify,
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('upheld');
    const orderId = resolved.body.resolution?.rectificationId;
    expect(orderId).toBeDefined();

    const page = await city.get<{ status: string; rectifications: Json[]; complaints: Json[] }>(
      `${JN}/members/${org}`,
    );
    expect(page.body.status).toBe('rectifying');
    expect(page.body.rectifications).toEqual([
      expect.objectContaining({
        id: orderId,
        ground: 'service-complaints',
        dueAt: '2025-03-19T00:00:00+08:00',
      }),
    ]);
    expect(page.body.complaints).toEqual([expect.objectContaining({ id, status: 'upheld' })]);
    expect((await tasksOf(city)).filter((t) => t.applicationId === id)).toEqual([]);

    const read = await enterprise.get<Complaint>(`${JN}/complaints/${id}`);
    expect(read.body.history?.map((e) => e.to)).toEqual(['open', 'replied', 'upheld']);
    const again = await city.post(`${JN}/complaints/${id}/resolution`, {
      upheld: false,
      comment: '再议',
    });
    expect(again.status).toBe(409);
  });

  it('is taken only from a firm the provider serves, on a ground the rule lists', async () => {
    const { org, engagement, enterprise } = await served(502);
    const stranger = await enterpriseClient(harness, 'jining', uscc(592));
    const unserved = await complain(stranger, org);
    expect(unserved.status).toBe(403);
    expect(unserved.body).toMatchObject({ code: 'no_engagement' });
    const borrowed = await complain(stranger, org, { engagementId: engagement.id });
    expect(borrowed.status).toBe(422);
    expect(borrowed.body).toMatchObject({ code: 'engagement_mismatch' });
    const other = await served(503);
    const wrongProvider = await complain(enterprise, other.org, { engagementId: engagement.id });
    expect(wrongProvider.body).toMatchObject({ code: 'engagement_mismatch' });
    const unlisted = await complain(enterprise, org, { ground: 'fraud' });
    expect(unlisted.status).toBe(422);
    expect(unlisted.body).toMatchObject({ code: 'unknown_ground' });
    expect((await complain(enterprise, uscc(599))).status).toBe(404);
    const named = await complain(enterprise, org, { engagementId: engagement.id });
    expect(named.status).toBe(201);
  });

  it('refuses callers in the wrong role or tenant', async () => {
    const { org, provider, enterprise } = await served(504);
    expect((await complain(provider, org)).status).toBe(403);
    expect((await complain(city, org)).status).toBe(403);
    const qingdaoFirm = await enterpriseClient(harness, 'qingdao', uscc(554));
    expect((await complain(qingdaoFirm, org)).status).toBe(403);

    const { body } = await complain(enterprise, org);
    const at = `${JN}/complaints/${body.id}`;
    const otherProvider = await memberClient(harness, 'jining', uscc(505));
    expect((await otherProvider.post(`${at}/reply`, { text: '代为答复' })).status).toBe(403);
    expect((await enterprise.post(`${at}/reply`, { text: '企业自答' })).status).toBe(403);
    expect((await otherProvider.get(at)).status).toBe(403);
    await provider.post(`${at}/reply`, { text: '已与企业沟通' });
    const qingdaoCity = await supervisorOf(harness, 'qingdao');
    expect(
      (await qingdaoCity.post(`${at}/resolution`, { upheld: true, comment: '他市处理' })).status,
    ).toBe(403);
    expect(
      (await provider.post(`${at}/resolution`, { upheld: false, comment: '自行处理' })).status,
    ).toBe(403);
  });
});

describe('a complaint posted again', () => {
  it('is filed once for one Idempotency-Key, the replay answering the first', async () => {
    const { org, provider, enterprise } = await served(506);
    const key = { 'idempotency-key': 'complaint-form-506' };
    const body = { providerUscc: org, ground: 'late-engagement', description: '合同签订后未进场' };
    const first = await enterprise.post<Complaint>(`${JN}/complaints`, body, key);
    expect(first.status).toBe(201);
    const replays = await Promise.all(
      [1, 2].map(() => enterprise.post<Complaint>(`${JN}/complaints`, body, key)),
    );
    for (const replay of replays) {
      expect(replay.status).toBe(201);
      expect(replay.body).toMatchObject({ id: first.body.id, replyDueAt: REPLY_DUE });
    }
    const page = await provider.get<{ complaints: Json[] }>(`${JN}/members/${org}`);
    expect(page.body.complaints).toHaveLength(1);
    expect(await tasksOf(provider)).toHaveLength(1);
    const changed = { ...body, description: '合同签订后一直未进场' };
    const reused = await enterprise.post(`${JN}/complaints`, changed, key);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'idempotency_key_reused' });
    expect(
      (await provider.get<{ complaints: Json[] }>(`${JN}/members/${org}`)).body.complaints,
    ).toHaveLength(1);
    // The key is the firm's own: another firm's same key files its own complaint.
    const other = await served(507);
    const theirs = await other.enterprise.post<Complaint>(
      `${JN}/complaints`,
      { ...body, providerUscc: other.org },
      key,
    );
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });
});

describe('a spot check', () => {
  it("is recorded by the role Jining's rule names, under the member", async () => {
    const { org, engagement } = await served(511);
    const checked = await city.post(`${JN}/spot-checks`, {
      uscc: org,
      method: 'site',
      findings: '实地查验：服务团队已进场，台账齐全',
      engagementId: engagement.id,
    });
    expect(checked.status).toBe(201);
    expect(checked.body).toMatchObject({
      status: 'recorded',
      method: 'site',
      rule: 'tracking-checks',
    });
    const phone = await city.post(`${JN}/spot-checks`, {
      uscc: org,
      method: 'phone',
      findings: '电话回访企业，反馈满意',
    });
    expect(phone.status).toBe(201);

    const other = await served(512);
    const mismatch = await city.post(`${JN}/spot-checks`, {
      uscc: org,
      method: 'ledger',
      findings: '查阅台账',
      engagementId: other.engagement.id,
    });
    expect(mismatch.body).toMatchObject({ code: 'engagement_mismatch' });
    const page = await city.get<{ spotChecks: Json[] }>(`${JN}/members/${org}`);
    // Both recorded at one instant of the test clock: their order is the ids'.
    expect(page.body.spotChecks.map((s) => s.method).sort()).toEqual(['phone', 'site']);
  });

  it('is recorded once for one Idempotency-Key; the key sent with other findings is refused', async () => {
    const { org } = await served(515);
    const key = { 'idempotency-key': 'spot-check-form-515' };
    const body = { uscc: org, method: 'phone', findings: '电话回访企业，反馈满意' };
    const posts = await Promise.all(
      [1, 2, 3].map(() => city.post<Json>(`${JN}/spot-checks`, body, key)),
    );
    expect(posts.map((p) => p.status)).toEqual([201, 201, 201]);
    expect(new Set(posts.map((p) => p.body.id)).size).toBe(1);
    const reused = await city.post(`${JN}/spot-checks`, { ...body, findings: '电话未接通' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'idempotency_key_reused' });
    const page = await city.get<{ spotChecks: Json[] }>(`${JN}/members/${org}`);
    expect(page.body.spotChecks).toEqual([expect.objectContaining({ findings: body.findings })]);
    expect(page.body.spotChecks[0]).not.toHaveProperty('requestDigest');
  });

  it('is refused to the member, another role, and a tenant whose rules name none', async () => {
    const { org, provider } = await served(513);
    const body = { uscc: org, method: 'phone', findings: '电话回访' };
    expect((await provider.post(`${JN}/spot-checks`, body)).status).toBe(403);
    const province = await supervisorOf(harness, 'shandong');
    expect((await province.post(`${JN}/spot-checks`, body)).status).toBe(403);
    const reviewer = await ApiClient.signIn(harness.app, {
      role: 'district_reviewer',
      tenant: 'jining',
      region: 'rencheng',
    });
    expect((await reviewer.post(`${JN}/spot-checks`, body)).status).toBe(403);
    const qingdaoMember = await listMember(harness, 'qingdao', 'dx-providers-2024', 514);
    const qingdaoCity = await supervisorOf(harness, 'qingdao');
    const none = await qingdaoCity.post('/api/tenants/qingdao/spot-checks', {
      ...body,
      uscc: qingdaoMember,
    });
    expect(none.status).toBe(403);
  });
});

describe('the right of reply', () => {
  it('ends at 24:00 of the fifth working day: unanswered, the complaint falls reply_overdue', async () => {
    const { org, provider, enterprise } = await served(521);
    const { body } = await complain(enterprise, org, { ground: 'unmet-needs' });
    expect(body.replyDueAt).toBe(REPLY_DUE);
    const at = `${JN}/complaints/${body.id}`;
    await moveClock(harness, '2025-03-10T23:59:59+08:00');
    expect((await enterprise.get<Complaint>(at)).body.status).toBe('open');
    expect(await moveClock(harness, '2025-03-11T00:00:01+08:00')).toBeGreaterThan(0);
    expect((await enterprise.get<Complaint>(at)).body.status).toBe('reply_overdue');
    const late = await provider.post(`${at}/reply`, { text: '迟到的答复' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'past_due' });
    expect(String(late.body.detail)).toContain('2025-03-10 24:00');
    expect(await tasksOf(provider)).toEqual([]);
    expect((await tasksOf(city)).filter((t) => t.applicationId === body.id)).toHaveLength(1);

    const dismissed = await city.post<Complaint>(`${at}/resolution`, {
      upheld: false,
      comment: '证据不足',
    });
    expect(dismissed.body.status).toBe('dismissed');
    expect((await city.get<{ status: string }>(`${JN}/members/${org}`)).body.status).toBe('active');
    const history = (await city.get<Complaint>(at)).body.history?.map((e) => e.to);
    expect(history).toEqual(['open', 'reply_overdue', 'dismissed']);
  });
});
