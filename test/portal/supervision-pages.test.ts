/**
 * The supervision pages on Jining: the member page (the public subset for anyone, the
 * orders and the report form for the member itself), the bureau's desk (order, accept,
 * the refusal beside its field with what was typed kept), the pool linking each member
 * with its status, and the refusals: another tenant's bureau and a provider get a 403
 * page, a form without its token is refused.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { listMember } from '../support/members.js';
import { PageClient, textOf } from '../support/page-client.js';
import { moveClock } from '../support/review-walk.js';

type Harness = Awaited<ReturnType<typeof testApp>>;

let harness: Harness;
let bureau: PageClient;
let member: PageClient;
let uscc = '';

const DESK = '/jining/admin/supervision';
const memberPath = () => `/jining/members/${uscc}`;

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
});
