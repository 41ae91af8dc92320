/**
 * The yearly evaluation on each rule set, on DynamoDB Local with the moved clock: Jinan's
 * two unqualified years in a row proposing removal (000 §四(三)); the province's yearly
 * update by 31 March, reminded 30, 15 and 7 days before, deciding who is evaluated
 * (001 §三(三)), and its unqualified grade ordering rectification first (001 §五(三));
 * Jining's 12 indicators scored by an expert with the year's evidence beside them.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, ApiClient as Client, type Json } from '../../support/api-client.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { moveClock } from '../../support/review-walk.js';

type Harness = Awaited<ReturnType<typeof testApp>>;
type MemberRow = {
  uscc: string;
  status: string;
  score?: number;
  proposedGrade?: string;
  grade?: string;
  excluded?: { rule: string; reason: { zh: string } };
  consequence?: { kind: string };
  indicators: { id: string; score?: number; evidence: Json }[];
};
type Year = { status: string; commentUntil: string; members: MemberRow[] };
type Task = { kind: string; applicationId: string; proposal?: Json };

const province = (harness: Harness) => supervisorOf(harness, 'shandong');
const publicMember = async (harness: Harness, path: string) =>
  (await (await harness.app.request(path)).json()) as { latestGrade: Json | null };

describe('Jinan: two unqualified years in a row (000 §四(三))', () => {
  const T = '/api/tenants/jinan';
  let harness: Harness;
  let bureau: ApiClient;
  let uscc: string;
  let other: string;

  beforeAll(async () => {
    harness = await testApp({ start: '2025-01-10T10:00:00+08:00' });
    bureau = await province(harness);
    uscc = await listMember(harness, 'jinan', 'dx-providers', 401);
    other = await listMember(harness, 'jinan', 'dx-providers', 402);
  });

  const failYear = async (year: number, score: number) => {
    const opened = await bureau.post<Year>(`${T}/evaluations`, { year });
    expect(opened.status).toBe(201);
    const scored = await bureau.put<MemberRow>(`${T}/evaluations/${year}/members/${uscc}/scores`, {
      scores: { 'service-evaluation': score },
    });
    expect(scored.status).toBe(200);
    expect(scored.body).toMatchObject({ score, proposedGrade: 'unqualified' });
    return opened.body;
  };

  it('is opened by the province, as the rule says, and by no one else', async () => {
    const city = await supervisorOf(harness, 'jinan');
    const byCity = await city.post(`${T}/evaluations`, { year: 2024 });
    expect(byCity.status).toBe(403);
    const qingdao = await supervisorOf(harness, 'qingdao');
    expect((await qingdao.post(`${T}/evaluations`, { year: 2024 })).status).toBe(403);
    const provider = await memberClient(harness, 'jinan', uscc);
    expect((await provider.post(`${T}/evaluations`, { year: 2024 })).status).toBe(403);
    const future = await bureau.post(`${T}/evaluations`, { year: 2026 });
    expect(future.body).toMatchObject({ code: 'invalid_year' });
    const unconfigured = await (await supervisorOf(harness, 'qingdao')).post(
      '/api/tenants/qingdao/evaluations',
      { year: 2024 },
    );
    expect(unconfigured.body).toMatchObject({ code: 'evaluation_not_configured' });
  });

  it('refuses publication before the comment window ends, and shows the grade only after', async () => {
    const opened = await failYear(2024, 50);
    // Five working days from Friday 10 January 2025: to Friday 17th, 24:00.
    expect(opened.commentUntil).toBe('2025-01-18T00:00:00+08:00');
    const again = await bureau.post(`${T}/evaluations`, { year: 2024 });
    expect(again.body).toMatchObject({ code: 'evaluation_exists' });

    const provider = await memberClient(harness, 'jinan', uscc);
    const stranger = await memberClient(harness, 'jinan', other);
    expect(
      (await stranger.post(`${T}/evaluations/2024/members/${uscc}/comment`, { text: '代为反馈' }))
        .status,
    ).toBe(403);
    expect(
      (
        await provider.put(`${T}/evaluations/2024/members/${uscc}/scores`, {
          scores: { 'service-evaluation': 100 },
        })
      ).status,
    ).toBe(403);
    expect((await provider.get(`${T}/evaluations/2024`)).status).toBe(403);
    const own = await provider.get<MemberRow>(`${T}/evaluations/2024/members/${uscc}`);
    expect(own.body).toMatchObject({ score: 50, proposedGrade: 'unqualified', status: 'open' });
    expect((await stranger.get(`${T}/evaluations/2024/members/${uscc}`)).status).toBe(403);
    const commented = await provider.post(`${T}/evaluations/2024/members/${uscc}/comment`, {
      text: '服务记录未完整登记，申请复核',
    });
    expect(commented.status).toBe(200);

    await moveClock(harness, '2025-01-17T23:59:59+08:00');
    const early = await bureau.post(`${T}/evaluations/2024/publish`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'comment_window_open' });
    expect(String(early.body.detail)).toContain('2025-01-17 24:00');
    expect((await publicMember(harness, `${T}/members/${uscc}`)).latestGrade).toBeNull();

    await moveClock(harness, '2025-01-18T00:00:00+08:00');
    const late = await provider.post(`${T}/evaluations/2024/members/${uscc}/comment`, {
      text: '迟到的意见',
    });
    expect(late.body).toMatchObject({ code: 'comment_window_closed' });
    const city = await supervisorOf(harness, 'jinan');
    expect((await city.post(`${T}/evaluations/2024/publish`)).status).toBe(403);
    // The unscored second member holds the publication until it is scored.
    const unscored = await bureau.post(`${T}/evaluations/2024/publish`);
    expect(unscored.body).toMatchObject({ code: 'scores_missing' });
    await bureau.put(`${T}/evaluations/2024/members/${other}/scores`, {
      scores: { 'service-evaluation': 75 },
    });
    const published = await bureau.post(`${T}/evaluations/2024/publish`);
    expect(published.status).toBe(200);
    expect((await publicMember(harness, `${T}/members/${uscc}`)).latestGrade).toMatchObject({
      year: 2024,
      grade: 'unqualified',
      name: { zh: '不合格' },
    });
    const tasks = await city.get<{ items: Task[] }>(`${T}/tasks`);
    expect(tasks.body.items.filter((t) => t.applicationId === uscc)).toEqual([]);
  });

  it('proposes removal to the city on the second unqualified year', async () => {
    await moveClock(harness, '2026-01-12T09:00:00+08:00');
    await failYear(2025, 40);
    await bureau.put(`${T}/evaluations/2025/members/${other}/scores`, {
      scores: { 'service-evaluation': 75 },
    });
    await moveClock(harness, '2026-01-20T00:00:00+08:00');
    const twice = await Promise.all([
      bureau.post(`${T}/evaluations/2025/publish`),
      bureau.post(`${T}/evaluations/2025/publish`),
    ]);
    expect(twice.map((p) => p.status).sort()).toEqual([200, 409]);
    const afterwards = await bureau.put(`${T}/evaluations/2025/members/${uscc}/scores`, {
      scores: { 'service-evaluation': 99 },
    });
    expect(afterwards.status).toBe(409);

    const year = await bureau.get<Year>(`${T}/evaluations/2025`);
    const row = year.body.members.find((m) => m.uscc === uscc);
    expect(row).toMatchObject({
      status: 'published',
      grade: 'unqualified',
      consequence: { kind: 'removal_proposal', consecutiveFailures: 2 },
    });
    const city = await supervisorOf(harness, 'jinan');
    const tasks = await city.get<{ items: Task[] }>(`${T}/tasks`);
    expect(tasks.body.items.filter((t) => t.applicationId === uscc)).toEqual([
      expect.objectContaining({
        kind: 'disqualification_proposal',
        proposal: expect.objectContaining({ reason: 'failed_evaluations', ground: 'failed-twice' }),
      }),
    ]);
    expect(tasks.body.items.filter((t) => t.applicationId === other)).toEqual([]);
    // The city removes on the proposed ground.
    const removed = await city.post(`${T}/disqualifications`, {
      uscc,
      ground: 'failed-twice',
      detail: '2024、2025 年度评价均为不合格',
    });
    expect(removed.status).toBe(201);
  });
});

describe('the province: the yearly update by 31 March (001 §三(三))', () => {
  const T = '/api/tenants/shandong';
  let harness: Harness;
  let updated: string;
  let silent: string;

  beforeAll(async () => {
    harness = await testApp({ start: '2026-02-02T10:00:00+08:00' });
    updated = await listMember(harness, 'shandong', 'provider-pool', 411);
    silent = await listMember(harness, 'shandong', 'provider-pool', 412);
  });

  const inbox = async (uscc: string) => {
    const client = await memberClient(harness, 'shandong', uscc);
    const answer = await client.get<{ items: { kind: string; title: Json; at: string }[] }>(
      `${T}/inbox`,
    );
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  it('reminds each member that has not updated 30, 15 and 7 days before, each reminder once', async () => {
    await moveClock(harness, '2026-02-02T10:00:01+08:00');
    expect(await inbox(silent)).toEqual([]);
    await moveClock(harness, '2026-03-01T00:00:01+08:00');
    await moveClock(harness, '2026-03-01T00:00:02+08:00');
    expect(await inbox(silent)).toEqual([
      expect.objectContaining({
        kind: 'yearly-update-reminder',
        at: '2026-03-01T00:00:00+08:00',
        title: expect.objectContaining({ zh: expect.stringContaining('2026-03-31 24:00') }),
      }),
    ]);
    await moveClock(harness, '2026-03-16T08:00:00+08:00');
    expect((await inbox(updated)).map((m) => m.at)).toEqual([
      '2026-03-16T00:00:00+08:00',
      '2026-03-01T00:00:00+08:00',
    ]);

    const client = await memberClient(harness, 'shandong', updated);
    const saved = await client.put(`${T}/members/${updated}/profile`, {
      contact: { name: '王经理', phone: '0531-8888 0000' },
      teamSize: 42,
      offerings: '工业互联网平台部署与数据采集服务',
      changes: '注册地址变更为济南市高新区',
    });
    expect(saved.status).toBe(200);
    const other = await memberClient(harness, 'shandong', silent);
    expect((await other.put(`${T}/members/${updated}/profile`, saved.body)).status).toBe(403);

    await moveClock(harness, '2026-03-24T00:00:01+08:00');
    await moveClock(harness, '2026-04-10T00:00:00+08:00');
    expect(await inbox(updated)).toHaveLength(2);
    expect((await inbox(silent)).map((m) => m.at)).toEqual([
      '2026-03-24T00:00:00+08:00',
      '2026-03-16T00:00:00+08:00',
      '2026-03-01T00:00:00+08:00',
    ]);
  });

  it('excludes from 2026 the member without an update by 31 March; an unqualified grade orders rectification first', async () => {
    // Opened in December: 2027's working days are not known yet to count the window.
    await moveClock(harness, '2026-12-14T09:00:00+08:00');
    const bureau = await province(harness);
    const opened = await bureau.post(`${T}/evaluations`, { year: 2026 });
    expect(opened.status).toBe(201);
    // Five working days counted from Tuesday 15th: to Monday 21st, 24:00.
    expect(opened.body).toMatchObject({ commentUntil: '2026-12-22T00:00:00+08:00' });
    const year = await bureau.get<Year>(`${T}/evaluations/2026`);
    const rows = Object.fromEntries(year.body.members.map((m) => [m.uscc, m]));
    expect(rows[updated]?.excluded).toBeUndefined();
    expect(rows[silent]?.excluded).toMatchObject({ rule: 'yearly-update' });
    expect(rows[silent]?.excluded?.reason.zh).toContain('2026-03-31 24:00');
    expect(rows[updated]?.indicators.map((i) => i.id)).toEqual(['quantitative']);

    await bureau.put(`${T}/evaluations/2026/members/${updated}/scores`, {
      scores: { quantitative: 55 },
    });
    await moveClock(harness, '2026-12-22T00:00:00+08:00');
    expect((await bureau.post(`${T}/evaluations/2026/publish`)).status).toBe(200);
    const published = await bureau.get<Year>(`${T}/evaluations/2026`);
    const after = Object.fromEntries(published.body.members.map((m) => [m.uscc, m]));
    expect(after[silent]).toMatchObject({ status: 'excluded' });
    expect(after[updated]).toMatchObject({
      status: 'published',
      grade: 'unqualified',
      consequence: { kind: 'rectification' },
    });
    const member = await bureau.get<{ status: string; rectifications: Json[] }>(
      `${T}/members/${updated}`,
    );
    expect(member.body.status).toBe('rectifying');
    expect(member.body.rectifications).toEqual([
      expect.objectContaining({ ground: 'evaluation-unqualified', status: 'open' }),
    ]);
    const tasks = await bureau.get<{ items: Task[] }>(`${T}/tasks`);
    expect(tasks.body.items.filter((t) => t.kind === 'disqualification_proposal')).toEqual([]);
    expect((await publicMember(harness, `${T}/members/${silent}`)).latestGrade).toBeNull();
  });
});

describe('Jining: the 12 indicators with their evidence, scored by an expert of the pool', () => {
  const T = '/api/tenants/jining';
  let harness: Harness;

  beforeAll(async () => {
    harness = await testApp({ start: '2024-06-03T10:00:00+08:00' });
  });

  it('shows the year’s rectifications beside the indicators that count them', async () => {
    const city = await supervisorOf(harness, 'jining');
    const uscc = await listMember(harness, 'jining', 'dx-providers', 421);
    const ordered = await city.post(`${T}/rectifications`, {
      uscc,
      ground: 'service-complaints',
      detail: '试点企业投诉对接不及时',
    });
    expect(ordered.status).toBe(201);
    await moveClock(harness, '2025-01-06T09:00:00+08:00');
    expect((await city.post(`${T}/evaluations`, { year: 2024 })).status).toBe(201);
    await city.put(`${T}/experts/e-9`, { industries: [], conflicts: [] });
    const expert = await Client.signIn(harness.app, {
      role: 'expert',
      tenant: 'jining',
      expertId: 'e-9',
    });
    const year = await city.get<Year>(`${T}/evaluations/2024`);
    const row = year.body.members.find((m) => m.uscc === uscc)!;
    expect(row.indicators).toHaveLength(12);
    const scores = Object.fromEntries(row.indicators.map((i) => [i.id, 85]));
    const scored = await expert.put<MemberRow>(`${T}/evaluations/2024/members/${uscc}/scores`, {
      scores,
    });
    expect(scored.status).toBe(200);
    expect(scored.body).toMatchObject({ score: 85, proposedGrade: 'good' });
    const cooperation = scored.body.indicators.find((i) => i.id === 'cooperation');
    expect(cooperation?.evidence).toEqual({
      // Not reported by its due time: overdue, a failed order.
      rectifications: { ordered: 1, accepted: 0, failed: 1 },
    });
    const quality = scored.body.indicators.find((i) => i.id === 'service-quality');
    expect(Object.keys(quality?.evidence ?? {})).toEqual(['ratings', 'complaints']);

    const outsider = await Client.signIn(harness.app, {
      role: 'expert',
      tenant: 'jining',
      expertId: 'e-404',
    });
    const refused = await outsider.put(`${T}/evaluations/2024/members/${uscc}/scores`, {
      scores: { cooperation: 10 },
    });
    expect(refused.status).toBe(403);
    const unknown = await city.put(`${T}/evaluations/2024/members/${uscc}/scores`, {
      scores: { quantitative: 10 },
    });
    expect(unknown.body).toMatchObject({ code: 'unknown_indicator' });
  });
});
