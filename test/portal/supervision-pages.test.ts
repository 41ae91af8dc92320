/**
 * The supervision pages on Jining: the member page (the public subset for anyone, the
 * orders and the report form for the member itself), the bureau's desk (order, accept,
 * the refusal beside its field with what was typed kept), the pool linking each member
 * with its status, and the refusals: another tenant's bureau and a provider get a 403
 * page, a form without its token is refused.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { register } from '../support/engagements.js';
import { listMember, memberClient } from '../support/members.js';
import { formFields, PageClient, textOf } from '../support/page-client.js';
import { uscc as usccOf } from '../support/qingdao.js';
import { moveClock } from '../support/review-walk.js';

type Harness = Awaited<ReturnType<typeof testApp>>;

let harness: Harness;
let bureau: PageClient;
let member: PageClient;
let uscc = '';

const DESK = '/jining/admin/supervision';
const memberPath = () => `/jining/members/${uscc}`;
const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A list's CSV download as `client` gets it: 200, CSV, UTF-8 opening with the BOM
 * Excel needs; answers its text after the BOM.
 */
async function csvOf(client: PageClient, path: string): Promise<string> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await harness.app.request(path, { headers: { cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(CSV);
  expect(res.headers.get('content-disposition')).toContain('attachment');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.slice(3));
}

beforeAll(async () => {
  harness = await testApp();
  uscc = await listMember(harness, 'jining', 'dx-providers', 401);
  bureau = new PageClient(harness.app);
  await bureau.signIn('jining', 'city-admin');
  member = new PageClient(harness.app);
  await member.signInWith({ role: 'provider', tenant: 'jining', org: uscc });
}, 60_000);

describe('the supervision pages', () => {
  it('shows anyone the public subset of a member, linked from the pool with its status', async () => {
    const page = await new PageClient(harness.app).get(memberPath());
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('监管测试公司401');
    expect(text).toContain('正常');
    expect(text).not.toContain('整改通知');
    const pool = await new PageClient(harness.app).get('/jining/pool');
    expect(pool.html).toContain(`href="/jining/members/${uscc}"`);
    expect(textOf(pool.html)).toContain('正常');
  });

  it('gives the bureau its desk, with the grounds of the rules and their clauses', async () => {
    const page = await bureau.get(DESK);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('监管测试公司401');
    expect(text).toContain('004 §三(一)2');
    expect(page.html).toContain('href="/jining/admin/supervision"');
  });

  it('refuses another tenant’s bureau and a provider with a page, and a form without its token', async () => {
    const qingdao = new PageClient(harness.app);
    await qingdao.signIn('qingdao', 'city-admin');
    const other = await qingdao.get(DESK);
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toContain('text/html');
    expect((await member.get(DESK)).status).toBe(403);
    const forged = await bureau.post(
      `${DESK}/orders`,
      { uscc, ground: 'service-complaints', detail: '伪造的请求' },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    expect(textOf((await bureau.get(memberPath())).html)).toContain('正常');
  });

  it('keeps what was typed and shows the refusal beside its field', async () => {
    const page = await bureau.post(`${DESK}/orders`, {
      uscc,
      ground: '',
      detail: '对接试点企业不及时',
    });
    expect(page.status).toBe(422);
    expect(page.html).toMatch(/id="order-ground-error"[^>]*>请选择「整改事由」/);
    expect(page.html).toContain('对接试点企业不及时</textarea>');
    expect(page.html).toContain(`<option value="${uscc}" selected="">`);
    const unknown = await bureau.post(`${DESK}/orders`, {
      uscc,
      ground: 'no-such',
      detail: '说明',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.html).toMatch(/id="order-ground-error"/);
  });

  it('walks an order: ordered, reported by the member, accepted by the bureau', async () => {
    const ordered = await bureau.post(`${DESK}/orders`, {
      uscc,
      ground: 'service-complaints',
      detail: '对接试点企业不及时',
    });
    expect(ordered.status).toBe(303);
    const own = await member.get(memberPath());
    const text = textOf(own.html);
    expect(text).toContain('整改中');
    expect(text).toContain('24:00');
    expect(text).toContain('待处理');
    // The history's times say they are Beijing time, as every other time on the page does.
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间） 责令限期整改：/);
    const form = own.html.match(/action="(\/jining\/members\/[^"]+\/report)"/);
    expect(form).not.toBeNull();
    const action = form?.[1] ?? '';
    const empty = await member.post(action, { text: ' ' });
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain('请填写「整改报告」');
    expect((await member.post(action, { text: '已调整服务团队并进驻企业。' })).status).toBe(303);
    const publicView = textOf((await new PageClient(harness.app).get(memberPath())).html);
    expect(publicView).not.toContain('已调整服务团队');

    const desk = await bureau.get(DESK);
    expect(textOf(desk.html)).toContain('已调整服务团队并进驻企业。');
    expect(textOf(desk.html)).toMatch(/提交时间 Sent \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    expect(desk.html).toContain(`href="${DESK}/reports?format=csv"`);
    const reports = await csvOf(bureau, `${DESK}/reports?format=csv`);
    expect(reports).toContain('监管测试公司401');
    expect(reports).toContain('已调整服务团队并进驻企业。');
    expect(reports).toContain('24:00');
    const members = await csvOf(bureau, `${DESK}/members?format=csv`);
    expect(members).toContain(`监管测试公司401,${uscc},整改中,1`);
    const decide = desk.html.match(
      /action="(\/jining\/admin\/supervision\/orders\/[^"]+\/decision)"/,
    );
    const decision = decide?.[1] ?? '';
    const noComment = await bureau.post(decision, { outcome: 'accepted', comment: '' });
    expect(noComment.status).toBe(422);
    expect(noComment.html).toMatch(/value="accepted" checked=""/);
    expect(textOf(noComment.html)).toContain('请填写「审核意见」');
    expect(
      (await bureau.post(decision, { outcome: 'accepted', comment: '整改到位。' })).status,
    ).toBe(303);
    const again = await bureau.post(decision, { outcome: 'accepted', comment: '整改到位。' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('role="alert"');
    const after = textOf((await member.get(memberPath())).html);
    expect(after).toContain('正常');
    expect(after).toContain('整改通过');
    // The history names the ground in Chinese, never the platform's ids.
    expect(after).toContain('责令限期整改：人员能力不足');
    expect(after).not.toMatch(/rectification \S+ (ordered|accepted)/);
  });
});

describe('the lists’ downloads', () => {
  it('answers the desk’s lists to its bureau only, as CSV or Excel', async () => {
    const desk = await bureau.get(DESK);
    for (const list of ['members', 'reports', 'proposals', 'appeals'])
      expect(desk.html).toContain(`href="${DESK}/${list}?format=xlsx"`);
    const members = await csvOf(bureau, `${DESK}/members?format=csv`);
    expect(members.split('\r\n')[0]).toBe('单位名称,统一社会信用代码,状态,未结整改');
    expect(members).toContain(uscc);
    const workbook = await bureau.get(`${DESK}/members?format=xlsx`);
    expect(workbook.status).toBe(200);
    expect(workbook.headers.get('content-type')).toBe(XLSX);
    expect(workbook.headers.get('content-disposition')).toContain('attachment');
    expect((await member.get(`${DESK}/members?format=csv`)).status).toBe(403);
    const qingdao = new PageClient(harness.app);
    await qingdao.signIn('qingdao', 'city-admin');
    expect((await qingdao.get(`${DESK}/appeals?format=csv`)).status).toBe(403);
    expect((await bureau.get(`${DESK}/nothing?format=csv`)).status).toBe(404);
  });

  it('gives anyone the public subset of a member only, and the member its full lists', async () => {
    const anyone = new PageClient(harness.app);
    const page = await anyone.get(memberPath());
    expect(page.html).toContain(`href="${memberPath()}/listings?format=csv"`);
    expect(page.html).not.toContain(`${memberPath()}/orders?`);
    const listings = await csvOf(anyone, `${memberPath()}/listings?format=csv`);
    expect(listings).toContain('入库类别,所在区市,入库时间');
    expect(listings).toContain('2024-01-10');
    const grades = await csvOf(anyone, `${memberPath()}/grades?format=csv`);
    expect(grades).toBe('年度,评价等次\r\n');
    for (const list of ['orders', 'disqualifications', 'complaints', 'engagements', 'appeals'])
      expect((await anyone.get(`${memberPath()}/${list}?format=csv`)).status).toBe(403);
    const own = await member.get(memberPath());
    expect(own.html).toContain(`href="${memberPath()}/orders?format=xlsx"`);
    const orders = await csvOf(member, `${memberPath()}/orders?format=csv`);
    expect(orders).toContain('整改事由,具体情况,整改期限（北京时间）,状态');
    expect(orders).toContain('对接试点企业不及时');
    expect(orders).toContain('整改通过');
    const mine = await csvOf(member, `${memberPath()}/grades?format=csv`);
    expect(mine.split('\r\n')[0]).toBe('年度,状态,得分,评价等次');
    expect((await anyone.get(`${memberPath()}/history?format=csv`)).status).toBe(404);
  });

  it('lists a member’s engagements on its page and the enterprise’s, each downloadable', async () => {
    const firm = usccOf(711);
    const provider = await memberClient(harness, 'jining', uscc);
    const registered = await register(provider, 'jining', firm, 'transformation', {
      contractSignedAt: '2024-01-20',
    });
    expect(registered.status).toBe(201);
    const own = await csvOf(member, `${memberPath()}/engagements?format=csv`);
    expect(own).toContain(`生产管理系统数字化改造,${firm},数字化改造,2024-01-20`);
    expect(textOf((await bureau.get(memberPath())).html)).toContain('生产管理系统数字化改造');
    const enterprise = new PageClient(harness.app);
    await enterprise.signInWith({ role: 'enterprise', tenant: 'jining', org: firm });
    const list = await enterprise.get('/jining/enterprise/engagements');
    expect(list.html).toContain('href="/jining/enterprise/engagements?format=csv"');
    const file = await csvOf(enterprise, '/jining/enterprise/engagements?format=csv');
    expect(file).toContain('项目,服务商,服务类型,合同签订日期,最近节点,状态,评价');
    expect(file).toContain('生产管理系统数字化改造,监管测试公司401,数字化改造,2024-01-20');
    expect(file).toContain('合同签订（待确认）');
    const workbook = await enterprise.get('/jining/enterprise/engagements?format=xlsx');
    expect(workbook.headers.get('content-type')).toBe(XLSX);
    // Another enterprise's file holds none of it; a provider has no enterprise list.
    const other = new PageClient(harness.app);
    await other.signInWith({ role: 'enterprise', tenant: 'jining', org: usccOf(712) });
    expect(await csvOf(other, '/jining/enterprise/engagements?format=csv')).not.toContain(
      '生产管理系统数字化改造',
    );
    expect((await member.get('/jining/enterprise/engagements?format=csv')).status).toBe(403);
  });
});

describe('a rejected report: the appeal and the disqualification proposal', () => {
  let other = '';
  let client: PageClient;

  beforeAll(async () => {
    other = await listMember(harness, 'jining', 'dx-providers', 402);
    client = new PageClient(harness.app);
    await client.signInWith({ role: 'provider', tenant: 'jining', org: other });
    const ordered = await bureau.post(`${DESK}/orders`, {
      uscc: other,
      ground: 'service-complaints',
      detail: '服务不能满足需求',
    });
    expect(ordered.status).toBe(303);
    const own = await client.get(`/jining/members/${other}`);
    const action = own.html.match(/action="(\/jining\/members\/[^"]+\/report)"/)?.[1] ?? '';
    expect((await client.post(action, { text: '已整改。' })).status).toBe(303);
    const desk = await bureau.get(DESK);
    const decision = [
      ...desk.html.matchAll(/action="(\/jining\/admin\/supervision\/orders\/[^"]+\/decision)"/g),
    ];
    expect(decision).toHaveLength(1);
    const rejected = await bureau.post(decision[0]?.[1] ?? '', {
      outcome: 'rejected',
      comment: '整改不到位。',
    });
    expect(rejected.status).toBe(303);
  }, 60_000);

  it('lets the member appeal on a ground of the rules, keeping the text of a refused appeal', async () => {
    const own = await client.get(`/jining/members/${other}`);
    expect(textOf(own.html)).toContain('整改不通过');
    expect(textOf(own.html)).toContain('因试点企业原因');
    const subject = own.html.match(/<option value="(rectification:[^"]+)"/)?.[1] ?? '';
    expect(subject).not.toBe('');
    const path = `/jining/members/${other}/appeals`;
    const refused = await client.post(path, {
      subject: '',
      ground: 'other',
      detail: '企业未配合进驻。',
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toMatch(/id="appeal-subject-error"[^>]*>请选择「申诉事项」/);
    expect(refused.html).toContain('企业未配合进驻。</textarea>');
    expect(refused.html).toContain('<option value="other" selected="">');
    expect(
      (await client.post(path, { subject, ground: 'other', detail: '企业未配合进驻。' })).status,
    ).toBe(303);
    const pending = await client.post(path, { subject, ground: 'other', detail: '再次申诉。' });
    expect(pending.status).toBe(409);
    expect(textOf(pending.html)).toContain('再次申诉。');
  });

  it('gives the bureau the appeal to dismiss and the proposal to disqualify on', async () => {
    const desk = await bureau.get(DESK);
    const text = textOf(desk.html);
    expect(text).toContain('企业未配合进驻。');
    expect(desk.html).toContain('<option value="rectification-exceeded" selected="">');
    const appeals = await csvOf(bureau, `${DESK}/appeals?format=csv`);
    expect(appeals).toContain(`监管测试公司402,${other}`);
    expect(appeals).toContain('企业未配合进驻。');
    const proposals = await csvOf(bureau, `${DESK}/proposals?format=csv`);
    expect(proposals).toContain(`监管测试公司402,${other}`);
    expect(proposals).toContain('限期整改超过2次或限期拒不进行整改');
    // Why the platform proposes it, in words: the report was rejected, not `rejected`.
    expect(proposals.split('\r\n')[1]?.split(',').at(-1)).toBe('整改报告未通过审核');
    const appeal =
      desk.html.match(/action="(\/jining\/admin\/supervision\/appeals\/[^"]+\/decision)"/)?.[1] ??
      '';
    expect((await bureau.post(appeal, { outcome: 'no', comment: '理由不成立。' })).status).toBe(
      303,
    );
    const task = desk.html.match(/name="task" value="([^"]+)"/)?.[1] ?? '';
    const noDetail = await bureau.post(`${DESK}/disqualifications`, {
      uscc: other,
      task,
      ground: 'rectification-exceeded',
      detail: '',
    });
    expect(noDetail.status).toBe(422);
    expect(textOf(noDetail.html)).toContain('请填写「事实与理由」');
    const removed = await bureau.post(`${DESK}/disqualifications`, {
      uscc: other,
      task,
      ground: 'rectification-exceeded',
      detail: '限期拒不整改。',
    });
    expect(removed.status).toBe(303);
    const after = textOf((await client.get(`/jining/members/${other}`)).html);
    expect(after).toContain('已取消资格');
    expect(after).toContain('申诉不成立');
    expect(textOf((await bureau.get(DESK)).html)).not.toContain('限期拒不整改');
  });

  it('is the province bureau’s page on the province', async () => {
    const province = new PageClient(harness.app);
    await province.signIn('shandong', 'province-admin');
    expect((await province.get('/shandong/admin/supervision')).status).toBe(200);
    expect((await province.get(DESK)).status).toBe(403);
  });
});

// Moves the clock past every due date, so it comes last.
describe('a report after the order fell due', () => {
  it('is refused at the top of the member page, the form gone', async () => {
    const late = await listMember(harness, 'jining', 'dx-providers', 403);
    const client = new PageClient(harness.app);
    await client.signInWith({ role: 'provider', tenant: 'jining', org: late });
    const ordered = await bureau.post(`${DESK}/orders`, {
      uscc: late,
      ground: 'service-complaints',
      detail: '未按合同要求服务',
    });
    expect(ordered.status).toBe(303);
    const own = await client.get(`/jining/members/${late}`);
    const action = own.html.match(/action="(\/jining\/members\/[^"]+\/report)"/)?.[1] ?? '';
    expect(action).not.toBe('');
    await moveClock(harness, '2024-03-01T09:00:00+08:00');
    const refused = await client.post(action, { text: '迟到的整改报告。' });
    expect(refused.status).toBe(409);
    expect(refused.html).toMatch(/class="notice-box bad" role="alert"/);
    expect(refused.html).not.toContain('/report"');
    expect(textOf(refused.html)).toContain('逾期未整改');
  });
});

describe('the public notice of disqualifications', () => {
  it('lists a disqualified member for anyone, with the ground in the notice’s words, and keeps it listed as annulled', async () => {
    const removed = await listMember(harness, 'jining', 'dx-providers', 409);
    const claims = { sub: 'bureau', tenant: 'jining', roles: ['city_admin' as const] };
    const jining = harness.platform.tenants.tenant('jining');
    const done = await harness.platform.supervision.disqualifications.disqualify(jining, claims, {
      uscc: removed,
      ground: 'leaked-secrets',
      detail: '泄露试点企业商业秘密',
    });
    const page = await new PageClient(harness.app).get('/jining/disqualifications');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('监管测试公司409');
    expect(text).toContain('泄露试点企业商业秘密、核心技术或敏感信息');
    expect(text).toContain('生效');
    expect(page.html).toContain(`href="/jining/members/${removed}"`);
    expect(page.html).toContain('href="/jining/disqualifications?format=csv"');
    const file = await csvOf(new PageClient(harness.app), '/jining/disqualifications?format=csv');
    expect(file.split('\r\n')[0]).toBe(
      '单位名称,统一社会信用代码,取消资格事由,决定时间（北京时间）,状态',
    );
    expect(file).toContain(`监管测试公司409,${removed},泄露试点企业商业秘密、核心技术或敏感信息`);
    expect(file).toContain('生效');
    // The columns the page shows, no more: the facts and reasons stay the member's and the bureau's.
    expect(file.split('\r\n')[1]?.split(',')).toHaveLength(5);

    const appeal = await harness.platform.supervision.appeals.lodge(
      jining,
      { sub: 'member', tenant: 'jining', roles: ['provider'], org: removed },
      { subject: { kind: 'disqualification', id: done.id }, ground: 'other', detail: '系误认' },
    );
    await harness.platform.supervision.appeals.decide(jining, claims, appeal.id, {
      upheld: true,
      comment: '经核实不属实',
    });
    const after = textOf((await new PageClient(harness.app).get('/jining/disqualifications')).html);
    expect(after).toContain('监管测试公司409');
    expect(after).toContain('已撤销');
  });

  it('orders once when the order form is posted twice (a double click)', async () => {
    const twice = await listMember(harness, 'jining', 'dx-providers', 404);
    const [key] = formFields((await bureau.get(DESK)).html, 'order-form').idempotencyKey ?? [];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const order = { uscc: twice, ground: 'service-complaints', detail: '连按两次的整改通知' };
    for (const _ of [1, 2])
      expect(
        (await bureau.post(`${DESK}/orders`, { ...order, idempotencyKey: key ?? '' })).status,
      ).toBe(303);
    const orders = await csvOf(bureau, `/jining/members/${twice}/orders?format=csv`);
    expect(orders.split('\r\n').filter((l) => l.includes(order.detail))).toHaveLength(1);
  });
});
