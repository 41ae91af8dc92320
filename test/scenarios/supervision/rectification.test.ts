/**
 * Rectification orders on Jining's rules (seed 004 §三(一)、(二)2): fifteen calendar
 * days to 24:00 Beijing time, a report strictly before, the city's decision, and a
 * disqualification proposal when an order falls overdue, is rejected, or is the third.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Json } from '../../support/api-client.js';
import { register } from '../../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { uscc } from '../../support/qingdao.js';
import { moveClock } from '../../support/review-walk.js';

const T = '/api/tenants/jining';
const START = '2025-03-01T10:00:00+08:00';

let harness: Awaited<ReturnType<typeof testApp>>;
let city: ApiClient;

beforeAll(async () => {
  harness = await testApp({ start: START });
  city = await supervisorOf(harness, 'jining');
});

type Order = { id: string; status: string; dueAt: string };
type Task = {
  kind: string;
  applicationId: string;
  proposal?: { reason: string; ground: string; caseId: string };
};

const order = (uscc: string, ground = 'service-complaints') =>
  city.post<Order>(`${T}/rectifications`, { uscc, ground, detail: '试点企业投诉对接不及时' });

async function proposalsOf(uscc: string) {
  const tasks = await city.get<{ items: Task[] }>(`${T}/tasks`);
  expect(tasks.status).toBe(200);
  return tasks.body.items.filter(
    (t) => t.kind === 'disqualification_proposal' && t.applicationId === uscc,
  );
}

const memberStatus = async (uscc: string) =>
  (await city.get<{ status: string }>(`${T}/members/${uscc}`)).body.status;

describe('a Jining rectification order', () => {
  it('is due 15 days later at 24:00 Beijing time; the member rectifies, reports and is active again', async () => {
    const uscc = await listMember(harness, 'jining', 'dx-providers', 301);
    const ordered = await order(uscc);
    expect(ordered.status).toBe(201);
    expect(ordered.body).toMatchObject({ status: 'open', dueAt: '2025-03-17T00:00:00+08:00' });

    const anyone = await harness.app.request(`${T}/members/${uscc}`);
    expect(await anyone.json()).toMatchObject({ status: 'rectifying', full: false });
    const pool = (await (await harness.app.request(`${T}/pool`)).json()) as { items: Json[] };
    expect(pool.items.find((i) => i.uscc === uscc)).toMatchObject({ status: 'rectifying' });

    const provider = await memberClient(harness, 'jining', uscc);
    await moveClock(harness, '2025-03-16T23:59:59+08:00');
    const reported = await provider.post(`${T}/rectifications/${ordered.body.id}/report`, {
      text: '已调整服务团队并完成对接',
    });
    expect(reported.status).toBe(200);
    const accepted = await city.post(`${T}/rectifications/${ordered.body.id}/decision`, {
      outcome: 'accepted',
      comment: '整改到位',
    });
    expect(accepted.status).toBe(200);
    expect(await memberStatus(uscc)).toBe('active');

    const full = await provider.get<{ full: boolean; history: Json[]; rectifications: Json[] }>(
      `${T}/members/${uscc}`,
    );
    expect(full.body.full).toBe(true);
    expect(full.body.rectifications).toEqual([
      expect.objectContaining({ id: ordered.body.id, status: 'accepted' }),
    ]);
    expect(full.body.history.map((e) => e.to)).toEqual(['active', 'rectifying', 'active']);
  });

  it('refuses a report one second late, falls overdue and proposes disqualification', async () => {
    await moveClock(harness, '2025-04-01T09:00:00+08:00');
    const uscc = await listMember(harness, 'jining', 'dx-providers', 302);
    const ordered = await order(uscc, 'refused-assessment');
    expect(ordered.body.dueAt).toBe('2025-04-17T00:00:00+08:00');
    expect(await moveClock(harness, '2025-04-17T00:00:01+08:00')).toBeGreaterThan(0);
    const provider = await memberClient(harness, 'jining', uscc);
    const late = await provider.post(`${T}/rectifications/${ordered.body.id}/report`, {
      text: '迟交的整改报告',
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'past_due' });
    expect(String(late.body.detail)).toContain('2025-04-16 24:00');

    const proposals = await proposalsOf(uscc);
    expect(proposals).toEqual([
      expect.objectContaining({
        proposal: expect.objectContaining({ reason: 'overdue', ground: 'rectification-exceeded' }),
      }),
    ]);
    expect(await memberStatus(uscc)).toBe('rectifying');
  });

  it('proposes disqualification on the third order in the window, and on a rejected report', async () => {
    const uscc = await listMember(harness, 'jining', 'dx-providers', 303);
    const provider = await memberClient(harness, 'jining', uscc);
    for (const ground of ['unreported-change', 'inaccurate-quotation']) {
      const ordered = await order(uscc, ground);
      await provider.post(`${T}/rectifications/${ordered.body.id}/report`, { text: '已整改' });
      await city.post(`${T}/rectifications/${ordered.body.id}/decision`, {
        outcome: 'accepted',
        comment: '通过',
      });
    }
    expect(await proposalsOf(uscc)).toEqual([]);
    const third = await order(uscc, 'results-deviation');
    expect(third.status).toBe(201);
    expect((await proposalsOf(uscc)).map((t) => t.proposal?.reason)).toEqual(['limit']);

    await provider.post(`${T}/rectifications/${third.body.id}/report`, { text: '已整改' });
    const rejected = await city.post(`${T}/rectifications/${third.body.id}/decision`, {
      outcome: 'rejected',
      comment: '整改不到位',
    });
    expect(rejected.status).toBe(200);
    expect((await proposalsOf(uscc)).map((t) => t.proposal?.reason).sort()).toEqual([
      'limit',
      'rejected',
    ]);
  });

  it('refuses an unlisted ground, a caller who is not the bureau, and a second decision', async () => {
    const member = await listMember(harness, 'jining', 'dx-providers', 304);
    const unknown = await order(member, 'fraud');
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown_ground' });

    const provider = await memberClient(harness, 'jining', member);
    const self = await provider.post(`${T}/rectifications`, {
      uscc: member,
      ground: 'service-complaints',
      detail: '自己下令',
    });
    expect(self.status).toBe(403);
    const qingdao = await supervisorOf(harness, 'qingdao');
    expect(
      (
        await qingdao.post(`${T}/rectifications`, {
          uscc: member,
          ground: 'service-complaints',
          detail: '他市下令',
        })
      ).status,
    ).toBe(403);
    const stranger = await memberClient(harness, 'jining', uscc(305));
    const ordered = await order(member);
    const forged = await stranger.post(`${T}/rectifications/${ordered.body.id}/report`, {
      text: '替别人报告',
    });
    expect(forged.status).toBe(403);

    await provider.post(`${T}/rectifications/${ordered.body.id}/report`, { text: '已整改' });
    const decisions = await Promise.all(
      ['accepted', 'rejected'].map((outcome) =>
        city.post(`${T}/rectifications/${ordered.body.id}/decision`, { outcome, comment: '决定' }),
      ),
    );
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
    expect((await city.get(`${T}/members/${uscc(305)}`)).status).toBe(404);
  });
});

describe('an order posted again', () => {
  it('is ordered once for one Idempotency-Key, so a double-click counts one order toward the limit', async () => {
    const member = await listMember(harness, 'jining', 'dx-providers', 306);
    const key = { 'idempotency-key': 'order-form-306' };
    const body = { uscc: member, ground: 'service-complaints', detail: '试点企业投诉对接不及时' };
    const first = await city.post<Order>(`${T}/rectifications`, body, key);
    expect(first.status).toBe(201);
    const replays = await Promise.all(
      [1, 2].map(() => city.post<Order>(`${T}/rectifications`, body, key)),
    );
    for (const replay of replays) {
      expect(replay.status).toBe(201);
      expect(replay.body).toMatchObject({ id: first.body.id, dueAt: first.body.dueAt });
    }
    const page = await city.get<{ rectifications: Order[] }>(`${T}/members/${member}`);
    expect(page.body.rectifications).toHaveLength(1);
    const stored = await harness.platform.repositories.supervision.members.get(
      { tenant: 'jining', province: 'shandong' },
      member,
    );
    expect(stored).toMatchObject({ orderCount: 1, openOrders: [first.body.id] });
    // The form edited after the back button, sent under its old key: refused, nothing ordered.
    const edited = await city.post(`${T}/rectifications`, { ...body, detail: '另有问题' }, key);
    expect(edited.status).toBe(422);
    expect(edited.body).toMatchObject({ code: 'idempotency_key_reused' });
    expect(
      (await city.get<{ rectifications: Order[] }>(`${T}/members/${member}`)).body.rectifications,
    ).toHaveLength(1);
  });
});

describe("the province's early-warning board", () => {
  it('shows an overdue Jining order and a member removed in Jining while active in Qingdao, to the province only', async () => {
    const province = await supervisorOf(harness, 'shandong');
    const uscc = await listMember(harness, 'jining', 'dx-providers', 306);
    await listMember(harness, 'qingdao', 'dx-providers-2024', 306);
    const ordered = await order(uscc, 'unfair-conditions');
    const before = await province.get<{ overdueOrders: Json[] }>(
      '/api/tenants/shandong/supervision/board',
    );
    expect(before.status).toBe(200);
    expect(before.body.overdueOrders.map((o) => o.id)).not.toContain(ordered.body.id);

    await moveClock(harness, '2025-06-01T09:00:00+08:00');
    await city.post(`${T}/disqualifications`, {
      uscc,
      ground: 'unfair-competition',
      detail: '恶意诋毁其他服务商',
    });
    const after = await province.get<{ overdueOrders: Json[]; removedElsewhere: Json[] }>(
      '/api/tenants/shandong/supervision/board',
    );
    expect(after.body.overdueOrders).toContainEqual(
      expect.objectContaining({
        id: ordered.body.id,
        tenant: 'jining',
        status: 'overdue',
        name: '监管测试公司306',
      }),
    );
    expect(after.body.removedElsewhere).toContainEqual({
      uscc,
      removedIn: ['jining'],
      activeIn: ['qingdao'],
    });
    expect((await city.get('/api/tenants/shandong/supervision/board')).status).toBe(403);
  });
});

describe("the board's other warnings", () => {
  it('shows a stalled Jining engagement and a province member that missed its yearly update', async () => {
    const province = await supervisorOf(harness, 'shandong');
    const provider = await listMember(harness, 'jining', 'dx-providers', 307);
    const client = await memberClient(harness, 'jining', provider);
    const registered = await register(client, 'jining', uscc(308));
    expect(registered.status).toBe(201);
    const missed = await listMember(harness, 'shandong', 'provider-pool', 309);

    type Board = { stalledEngagements: Json[]; missedUpdates: Json[] };
    const now = await province.get<Board>('/api/tenants/shandong/supervision/board');
    expect(now.body.stalledEngagements.map((e) => e.id)).not.toContain(registered.body.id);

    // Jining's engagements stall after the default 60 days; the province's update was due by 31 March.
    await moveClock(harness, '2026-04-01T00:00:00+08:00');
    const later = await province.get<Board>('/api/tenants/shandong/supervision/board');
    expect(later.body.stalledEngagements).toContainEqual(
      expect.objectContaining({ id: registered.body.id, tenant: 'jining', uscc: provider }),
    );
    expect(later.body.missedUpdates).toContainEqual(
      expect.objectContaining({
        tenant: 'shandong',
        uscc: missed,
        year: 2026,
        rule: 'yearly-update',
      }),
    );
  });
});
