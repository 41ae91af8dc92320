/**
 * The complaint and spot-check pages on Jining (issue 12 items 3 and 9), in process on
 * DynamoDB Local with the moved clock: a pilot firm complains about its provider from
 * its engagements page, the provider replies from `/me/complaints` before its deadline
 * (24:00 Beijing time, five working days) and a late reply is refused with the deadline
 * said; the bureau resolves one complaint upheld with a rectification order (the member
 * becomes 整改中) and records a spot check; every list downloads with its rows. Refusals
 * come back on the page in Chinese and English with what was typed kept.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { register } from '../support/engagements.js';
import { listMember, memberClient } from '../support/members.js';
import { formFields, PageClient, textOf } from '../support/page-client.js';
import { uscc } from '../support/qingdao.js';
import { moveClock } from '../support/review-walk.js';

// A Monday: five working days later is the next Monday, due at its 24:00.
const START = '2025-03-03T10:00:00+08:00';
const ENTERPRISE = '/jining/enterprise/engagements';
const MINE = '/jining/me/complaints';
const DESK = '/jining/admin/complaints';

let harness: Awaited<ReturnType<typeof testApp>>;
let api: ApiClient;
let firm: PageClient;
let provider: PageClient;
let bureau: PageClient;
let org = '';
let engagement = '';
const firmUscc = uscc(771);

/** The ids of the complaints as the provider's page links their reply forms, newest first. */
const replyIds = (html: string) =>
  [...html.matchAll(/action="\/jining\/me\/complaints\/([^/"]+)\/reply"/g)].map((m) => m[1] ?? '');
const resolveIds = (html: string) =>
  [...html.matchAll(/action="\/jining\/admin\/complaints\/([^/"]+)\/resolution"/g)].map(
    (m) => m[1] ?? '',
  );

beforeAll(async () => {
  harness = await testApp({ start: START });
  org = await listMember(harness, 'jining', 'dx-providers', 701);
  api = await memberClient(harness, 'jining', org);
  const registered = await register(api, 'jining', firmUscc);
  expect(registered.status).toBe(201);
  engagement = registered.body.id;
  firm = new PageClient(harness.app);
  await firm.signInWith({ role: 'enterprise', tenant: 'jining', org: firmUscc, name: '试点企业' });
  provider = new PageClient(harness.app);
  await provider.signInWith({ role: 'provider', tenant: 'jining', org, name: '监管测试公司701' });
  bureau = new PageClient(harness.app);
  await bureau.signIn('jining', 'city-admin');
}, 120_000);

describe('complaints and spot checks in the portal', () => {
  const action = () => `${ENTERPRISE}/${engagement}/complaints`;

  it('lets the enterprise lodge a complaint on a ground the tenant lists', async () => {
    const page = await firm.get(ENTERPRISE);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`action="${action()}"`);
    expect(textOf(page.html)).toContain('对接和进驻试点企业不及时（004 §三(一)2）');

    const missing = await firm.post(action(), {
      ground: '',
      description: '合同签订后一个月仍未进场',
    });
    expect(missing.status).toBe(422);
    expect(missing.html).toMatch(/id="c-[^"]+-ground-error"[^>]*>请选择「投诉事由」/);
    expect(formFields(missing.html, `c-${engagement}-form`).description).toEqual([
      '合同签订后一个月仍未进场',
    ]);
    const forged = await firm.post(
      action(),
      { ground: 'late-engagement', description: '伪造' },
      { csrf: false },
    );
    expect(forged.status).toBe(403);

    for (const [at, description] of [
      ['2025-03-03T11:00:00+08:00', '合同签订后一个月仍未进场'],
      ['2025-03-03T12:00:00+08:00', '驻场人员频繁更换'],
    ] as const) {
      // An hour apart, so "newest first" orders them.
      await moveClock(harness, at);
      const filed = await firm.post(action(), { ground: 'late-engagement', description });
      expect(filed.status).toBe(303);
      expect(filed.location).toContain('done=complained');
    }
    const listed = textOf((await firm.get(`${ENTERPRISE}?done=complained`)).html);
    expect(listed).toContain('投诉已提交');
    expect(listed).toContain('我的投诉');
    expect(listed).toContain('监管测试公司701 对接和进驻试点企业不及时');
    expect(listed).toContain('待服务商答复');
  });

  it('shows the provider its complaints with the deadline at 24:00 Beijing time, and takes a reply', async () => {
    const page = await provider.get(MINE);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="${MINE}"`);
    const text = textOf(page.html);
    expect(text).toContain('2025-03-10 24:00（北京时间）');
    expect(text).toContain('驻场人员频繁更换');
    const [, older] = replyIds(page.html);
    expect(older).toBeTruthy();

    const empty = await provider.post(`${MINE}/${older}/reply`, { text: ' ' });
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain('请填写「答复内容」');

    const replied = await provider.post(`${MINE}/${older}/reply`, {
      text: '因企业厂房改造推迟进场，已协商新的进场时间',
    });
    expect(replied.status).toBe(303);
    expect(textOf((await provider.get(MINE)).html)).toContain('已答复，待处理');
    const firmSees = textOf((await firm.get(ENTERPRISE)).html);
    expect(firmSees).toContain('因企业厂房改造推迟进场，已协商新的进场时间');
    expect(firmSees).toContain('已答复，待处理');
  });

  it('refuses a reply after the deadline, saying the deadline, with the text kept', async () => {
    const [newer] = replyIds((await provider.get(MINE)).html);
    expect(newer).toBeTruthy();
    await moveClock(harness, '2025-03-11T00:00:01+08:00');
    const late = await provider.post(`${MINE}/${newer}/reply`, { text: '人员已稳定，不再更换' });
    expect(late.status).toBe(409);
    const text = textOf(late.html);
    expect(text).toContain('投诉答复须在 2025-03-10 24:00（北京时间）前提交，已逾期');
    expect(text).toContain('The reply was due by 2025-03-10 24:00 Beijing time');
    expect(text).toContain('人员已稳定，不再更换');
    expect(textOf((await provider.get(MINE)).html)).toContain('逾期未答复，待处理');
  });

  it('refuses other roles, and answers what names nothing with a 404 page', async () => {
    expect((await provider.get(DESK)).status).toBe(403);
    expect((await firm.get(MINE)).status).toBe(403);
    const other = new PageClient(harness.app);
    await other.signInWith({ role: 'provider', tenant: 'jining', org: uscc(702) });
    const [id] = resolveIds((await bureau.get(DESK)).html);
    expect((await other.post(`${MINE}/${id}/reply`, { text: '冒名答复' })).status).toBe(403);
    // Another city's bureau: not this desk; on its own, no spot-check form where its rules name none.
    const qingdao = new PageClient(harness.app);
    await qingdao.signIn('qingdao', 'city-admin');
    expect((await qingdao.get(DESK)).status).toBe(403);
    const own = await qingdao.get('/qingdao/admin/complaints');
    expect(own.status).toBe(200);
    expect(textOf(own.html)).toContain('本地监管规则未规定由您开展抽查');
    expect(own.html).not.toContain('action="/qingdao/admin/spot-checks"');
    // What names nothing is a page saying so, never a server error.
    const resolution = { outcome: 'dismissed', comment: '不存在的投诉' };
    expect((await bureau.post(`${DESK}/no-such-id/resolution`, resolution)).status).toBe(404);
    const check = { uscc: uscc(799), method: 'site', findings: '不在名录中的单位' };
    expect((await bureau.post('/jining/admin/spot-checks', check)).status).toBe(404);
    const complaint = { ground: 'late-engagement', description: '不存在的服务登记' };
    expect((await firm.post(`${ENTERPRISE}/no-such-id/complaints`, complaint)).status).toBe(404);
  });

  it('lets the bureau resolve upheld with a rectification order: the member is 整改中', async () => {
    const desk = await bureau.get(DESK);
    expect(desk.status).toBe(200);
    expect(desk.html).toContain(`href="${DESK}"`);
    const ids = resolveIds(desk.html);
    expect(ids).toHaveLength(2);
    const [overdue = '', replied = ''] = ids;
    expect(textOf(desk.html)).toContain('逾期未答复（期限 2025-03-10 24:00');
    // The reply's time says it is Beijing time, as the filing time beside it does.
    expect(textOf(desk.html)).toMatch(
      /已协商新的进场时间（北京时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）/,
    );

    const noOutcome = await bureau.post(`${DESK}/${replied}/resolution`, {
      comment: '经核实投诉属实',
      rectifyGround: '',
      rectifyDetail: '十五日内完成进场',
    });
    expect(noOutcome.status).toBe(422);
    const refused = textOf(noOutcome.html);
    expect(refused).toContain('请选择「处理结论」');
    expect(refused).toContain('请选择「责令整改事由」');
    expect(formFields(noOutcome.html, `c-${replied}-form`).comment).toEqual(['经核实投诉属实']);

    const dismissedWithOrder = await bureau.post(`${DESK}/${overdue}/resolution`, {
      outcome: 'dismissed',
      comment: '人员更换属正常调整',
      rectifyGround: 'service-complaints',
      rectifyDetail: '稳定驻场团队',
    });
    expect(dismissedWithOrder.status).toBe(422);
    expect(textOf(dismissedWithOrder.html)).toContain(
      '仅在投诉成立时可责令整改 Rectification follows only an upheld complaint',
    );
    expect(dismissedWithOrder.html).toContain('人员更换属正常调整</textarea>');

    const upheld = await bureau.post(`${DESK}/${replied}/resolution`, {
      outcome: 'upheld',
      comment: '经核实投诉属实',
      rectifyGround: 'service-complaints',
      rectifyDetail: '十五日内完成进场',
    });
    expect(upheld.status).toBe(303);
    expect(upheld.location).toBe(`${DESK}?done=resolved#main`);
    const member = await api.get<{ status: string }>(`/api/tenants/jining/members/${org}`);
    expect(member.body.status).toBe('rectifying');
    expect(textOf((await bureau.get(`/jining/members/${org}`)).html)).toContain('整改中');
    const after = textOf((await bureau.get(`${DESK}?done=resolved`)).html);
    expect(after).toContain('投诉已处理');
    expect(after).toContain('投诉成立：经核实投诉属实；已责令限期整改');
    expect(textOf((await firm.get(ENTERPRISE)).html)).toContain('投诉成立');
  });

  it('records a spot check, refusing a missing method with the findings kept', async () => {
    const findings = '电话回访试点企业，服务商已进场';
    const missing = await bureau.post('/jining/admin/spot-checks', { uscc: org, findings });
    expect(missing.status).toBe(422);
    expect(textOf(missing.html)).toContain('请选择「抽查方式」');
    expect(missing.html).toContain(`${findings}</textarea>`);
    const recorded = await bureau.post('/jining/admin/spot-checks', {
      uscc: org,
      method: 'phone',
      findings,
    });
    expect(recorded.status).toBe(303);
    const page = textOf((await bureau.get(recorded.location ?? '')).html);
    expect(page).toContain('抽查记录已保存');
    expect(page).toContain(`监管测试公司701 ${org} 电话回访 ${findings}`);
  });

  it('downloads every list with the rows the pages show', async () => {
    const csv = async (client: PageClient, path: string) => {
      const file = await client.get(`${path}?format=csv`);
      expect(file.status, path).toBe(200);
      expect(file.headers.get('content-type')).toContain('text/csv');
      return file.html.replace(/^\uFEFF/, '').split('\r\n');
    };
    const all = await csv(bureau, `${DESK}/download`);
    expect(all[0]).toContain('被投诉服务商,统一社会信用代码,投诉企业（信用代码）,投诉事由');
    expect(
      all.some((l) => l.includes(`监管测试公司701,${org},${firmUscc},对接和进驻试点企业不及时`)),
    ).toBe(true);
    expect(all.some((l) => l.includes('已责令限期整改'))).toBe(true);
    expect(all.some((l) => l.includes('2025-03-10 24:00'))).toBe(true);
    const checks = await csv(bureau, '/jining/admin/spot-checks/download');
    expect(checks[1]).toContain(`监管测试公司701,${org},电话回访,电话回访试点企业，服务商已进场`);
    const mine = await csv(provider, `${MINE}/download`);
    expect(mine.filter((l) => l.includes('对接和进驻试点企业不及时'))).toHaveLength(2);
    const firms = await csv(firm, '/jining/enterprise/complaints/download');
    expect(firms.some((l) => l.includes('投诉成立'))).toBe(true);
    const xlsx = await bureau.get(`${DESK}/download?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await provider.get(`${DESK}/download?format=csv`)).status).toBe(403);
  });

  it('files a complaint once when its form is posted twice (a double click)', async () => {
    const page = await firm.get(ENTERPRISE);
    const [key] = formFields(page.html, `c-${engagement}-form`).idempotencyKey ?? [];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    // A fresh form, a fresh key: the page is not a replay of the one before.
    const again = formFields((await firm.get(ENTERPRISE)).html, `c-${engagement}-form`);
    expect(again.idempotencyKey?.[0]).not.toBe(key);
    const description = '同一投诉连按两次提交';
    const posted = { ground: 'late-engagement', description, idempotencyKey: key ?? '' };
    for (const _ of [1, 2]) expect((await firm.post(action(), posted)).status).toBe(303);
    const mine = (await provider.get(`${MINE}/download?format=csv`)).html.split('\r\n');
    expect(mine.filter((l) => l.includes(description))).toHaveLength(1);
  });

  it('records a spot check once when its form is posted twice; edited and re-posted, it is refused', async () => {
    const desk = await bureau.get(DESK);
    const [key] = formFields(desk.html, 'spot-form').idempotencyKey ?? [];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const findings = '查阅服务台账，同一记录连按两次';
    const posted = { uscc: org, method: 'ledger', findings, idempotencyKey: key ?? '' };
    for (const _ of [1, 2])
      expect((await bureau.post('/jining/admin/spot-checks', posted)).status).toBe(303);
    const rows = async (text: string) =>
      (await bureau.get('/jining/admin/spot-checks/download?format=csv')).html
        .split('\r\n')
        .filter((l) => l.includes(text));
    expect(await rows(findings)).toHaveLength(1);
    const edited = await bureau.post('/jining/admin/spot-checks', {
      ...posted,
      findings: '查阅服务台账后补充的记录',
    });
    expect(edited.status).toBe(422);
    expect(textOf(edited.html)).toContain('此表单此前已提交并已生效');
    expect(await rows('补充的记录')).toHaveLength(0);
  });
});
