/**
 * The provider's pages without a browser: registering the organization (a bad USCC
 * refused beside its field with the server's words, what was typed kept), starting a
 * draft, the generated form (errors beside each input from the API's own validation,
 * list entries added and removed on the server, a stale version refused with what was
 * typed kept), an incomplete submission explained field by field, withdrawal, and the
 * form token required on every post. Then a return for correction answered on the page
 * (the reason shown, a field edited, submitted again), and a draft after the call's
 * deadline: the closing told in Chinese, the form gone, and a late post changing nothing.
 */
import { demoOrganizations } from '@sme/api';
import { testApp } from '@sme/api/testing';
import { windowInstants } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { provinceBans } from '../support/bans.js';
import { formFields, PageClient, textOf } from '../support/page-client.js';
import { PROGRAM, uscc } from '../support/qingdao.js';
import {
  atDistrictReview,
  type Harness,
  moveClock,
  reviewCatchesUp,
  reviewerOf,
} from '../support/review-walk.js';
import { draftApplication } from '../support/submitted.js';

describe('the provider pages', () => {
  let harness: Harness;
  let client: PageClient;
  let appPath = '';
  const newcomer = () => demoOrganizations(harness.platform.tenants.tenant('qingdao')).newcomer;

  beforeAll(async () => {
    harness = await testApp();
    client = new PageClient(harness.app);
    await client.signIn('qingdao', 'newcomer');
  });

  it('links the provider to its pages and asks to register first', async () => {
    const page = await client.get('/qingdao/me/applications');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/qingdao/me/organization"');
    expect(textOf(page.html)).toContain('申报前请先 登记单位信息');
    expect(textOf(page.html)).toContain('我的申报');
  });

  it('refuses a USCC with a wrong check character beside the field, keeping what was typed', async () => {
    const form = await client.get('/qingdao/me/organization');
    expect(form.html).toContain('data-invalid-zh="统一社会信用代码无效：{uscc}"');
    const bad = `${newcomer().uscc.slice(0, 17)}${newcomer().uscc.endsWith('0') ? '1' : '0'}`;
    const page = await client.post('/qingdao/me/organization', {
      uscc: bad,
      name: '青岛新锐',
      region: 'laoshan',
      parentUscc: '',
    });
    expect(page.status).toBe(422);
    expect(page.html).toMatch(
      new RegExp(`<span class="error-text" id="uscc-error">统一社会信用代码无效：${bad}`),
    );
    expect(page.html).toContain(`value="${bad}"`);
    expect(page.html).toContain('value="青岛新锐"');
    expect(
      await harness.platform.organizations.own(harness.platform.tenants.tenant('qingdao'), {
        sub: 'x',
        tenant: 'qingdao',
        roles: ['provider'],
        org: newcomer().uscc,
      }),
    ).toBeUndefined();
  });

  it('refuses a post without its form token', async () => {
    const page = await client.post(
      '/qingdao/me/organization',
      { uscc: newcomer().uscc, name: '青岛新锐', region: 'laoshan' },
      { csrf: false },
    );
    expect(page.status).toBe(403);
  });

  it('registers the organization with a good USCC', async () => {
    const page = await client.post('/qingdao/me/organization', {
      uscc: newcomer().uscc.toLowerCase(),
      name: newcomer().name,
      region: 'laoshan',
      parentUscc: '',
    });
    expect(page.status).toBe(303);
    const back = await client.get(page.location ?? '');
    expect(textOf(back.html)).toContain('单位信息已保存');
    expect(back.html).toContain('<option value="laoshan" selected="">');
  });

  it('starts a draft in the open call with a track and an industry', async () => {
    const list = await client.get('/qingdao/me/applications');
    expect(list.html).toContain('/qingdao/me/applications/new?program=dx-providers-2024');
    const none = await client.post('/qingdao/me/applications/new?program=dx-providers-2024', {});
    expect(none.status).toBe(422);
    expect(textOf(none.html)).toContain('请选择「申报类型」');
    const created = await client.post('/qingdao/me/applications/new?program=dx-providers-2024', {
      track: 'product',
      industries: ['auto-parts'],
    });
    expect(created.status).toBe(303);
    appPath = created.location ?? '';
    expect(appPath).toMatch(/^\/qingdao\/me\/applications\/[0-9a-f-]+$/);
    const page = await client.get(appPath);
    const text = textOf(page.html);
    expect(text).toContain('“小快轻准”产品型服务商');
    expect(text).toContain('汽车零部件及配件制造');
    expect(text).toContain('草稿');
    // The product track's own fields and documents; not the chain leader's.
    expect(page.html).toContain('name="fields.teamSize"');
    expect(page.html).toContain('count:fields.products');
    expect(page.html).not.toContain('fields.chainMode');
    expect(page.html).toContain('data-type-zh="「“信用中国”信用信息报告」须为 PDF 文件"');
    expect(page.html).toContain('<noscript>');
    expect(text).toContain('创建申报');
    expect((await client.get('/qingdao/me/applications')).html).toContain(appPath);
  });

  it('adds and removes list entries on the server, keeping what was typed', async () => {
    const form = await client.get(appPath);
    const version = /name="version" value="(\d+)"/.exec(form.html)?.[1] ?? '';
    const added = await client.post(appPath, {
      version,
      'fields.localTeam': '本地团队',
      'count:fields.cases': '0',
      action: 'add:fields.cases',
    });
    expect(added.status).toBe(200);
    expect(added.html).toContain('name="fields.cases[0].client"');
    expect(added.html).toContain('本地团队');
    const two = await client.post(appPath, {
      version,
      'count:fields.cases': '2',
      'fields.cases[0].client': '甲企业',
      'fields.cases[1].client': '乙企业',
      action: 'remove:fields.cases[0]',
    });
    expect(two.html).toContain('name="fields.cases[0].client" value="乙企业"');
    expect(two.html).not.toContain('甲企业');
    expect(two.html).not.toContain('fields.cases[1].client');
  });

  it('shows each error beside its input with what was typed, validated as the API does', async () => {
    const form = await client.get(appPath);
    const version = /name="version" value="(\d+)"/.exec(form.html)?.[1] ?? '';
    const page = await client.post(appPath, {
      version,
      'fields.localTeam': '青岛团队',
      'fields.teamSize': '很多',
      'count:fields.cases': '1',
      'fields.cases[0].client': '甲企业',
      'fields.cases[0].industry': 'no-such-industry',
      action: 'save',
    });
    expect(page.status).toBe(422);
    expect(page.html).toMatch(
      /<span class="error-text" id="f-fields-teamSize-error">「数字化转型专业技术团队人数」填写不符合要求/,
    );
    expect(page.html).toMatch(/id="f-fields-cases-0-industry-error">「细分行业」填写不符合要求/);
    // The English beside each says what is wrong in words, never the options' ids.
    expect(textOf(page.html)).toContain('Industry: choose one of the options');
    expect(textOf(page.html)).toContain('Digital-transformation technical staff: enter a number');
    expect(textOf(page.html)).not.toContain('auto-parts');
    expect(page.html).toContain('value="很多"');
    expect(page.html).toContain('value="甲企业"');
    expect(page.html).toContain('>青岛团队</textarea>');
    const stored = await harness.platform.queries.get(
      harness.platform.tenants.tenant('qingdao'),
      { sub: 'x', tenant: 'qingdao', roles: ['provider'], org: newcomer().uscc },
      appPath.split('/').pop() ?? '',
    );
    expect(stored.application.fields).toEqual({});
  });

  it('saves good values, and refuses a stale version keeping what was typed', async () => {
    const form = await client.get(appPath);
    const version = /name="version" value="(\d+)"/.exec(form.html)?.[1] ?? '';
    const saved = await client.post(appPath, {
      version,
      'fields.localTeam': '青岛本地服务团队 25 人',
      'fields.teamSize': '25',
      'fields.followsAssessmentStandard': 'true',
      'count:fields.cases': '0',
      'count:fields.products': '0',
      action: 'save',
    });
    expect(saved.status).toBe(303);
    const again = await client.get(saved.location ?? '');
    expect(textOf(again.html)).toContain('已保存');
    expect(again.html).toContain('value="25"');
    const stale = await client.post(appPath, {
      version,
      'fields.localTeam': '另一个窗口的内容',
      action: 'save',
    });
    expect(stale.status).toBe(409);
    expect(textOf(stale.html)).toContain('申报已在别处被修改');
    expect(stale.html).toContain('>另一个窗口的内容</textarea>');
  });

  it('explains an incomplete submission beside each field and document', async () => {
    const form = await client.get(appPath);
    const version = /name="version" value="(\d+)"/.exec(form.html)?.[1] ?? '';
    const page = await client.post(appPath, {
      version,
      'fields.localTeam': '青岛本地服务团队 25 人',
      'fields.teamSize': '25',
      'fields.followsAssessmentStandard': 'true',
      'count:fields.cases': '1',
      'count:fields.products': '0',
      action: 'submit',
    });
    expect(page.status).toBe(422);
    const text = textOf(page.html);
    expect(text).toContain('申报材料不完整或不符合条件');
    expect(page.html).toMatch(/id="f-fields-cases-0-client-error">必填项「服务企业」未填写/);
    expect(text).toContain('缺少材料：“信用中国”信用信息报告');
    expect(page.html).toContain('href="#doc-credit-report"');
  });

  it('withdraws after a confirmation, then shows the application read only with its history', async () => {
    const confirm = await client.get(`${appPath}/withdraw`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('<label for="reason">');
    const done = await client.post(`${appPath}/withdraw`, { reason: '本年度暂不申报' });
    expect(done.status).toBe(303);
    const page = await client.get(done.location ?? '');
    const text = textOf(page.html);
    expect(text).toContain('已撤回');
    expect(page.html).not.toContain('id="application-form"');
    expect(text).toContain('草稿 → 已撤回');
    expect(text).toContain('本年度暂不申报');
    expect(text).toMatch(/2024-01-20 \d\d:\d\d （北京时间） 服务商/);
  });

  it('keeps another provider out of the application', async () => {
    const other = new PageClient(harness.app);
    await other.signIn('qingdao', 'provider');
    const page = await other.get(appPath);
    expect(page.status).toBe(403);
  });
});

describe('a provider answering a return, and a draft after the deadline', () => {
  let harness: Harness;
  const qingdao = () => harness.platform.tenants.tenant('qingdao');
  const providerOf = async (org: string) => {
    const client = new PageClient(harness.app);
    await client.signInWith({ role: 'provider', tenant: 'qingdao', org });
    return client;
  };
  const stored = (org: string, id: string) =>
    harness.platform.queries.get(
      qingdao(),
      { sub: 'x', tenant: 'qingdao', roles: ['provider'], org },
      id,
    );

  beforeAll(async () => {
    harness = await testApp();
  });

  it('shows the return reason, takes an edit and a second submission back to review', async () => {
    const { id, org } = await atDistrictReview(harness, 63_001, 'laoshan');
    const reviewer = await reviewerOf(harness, 'laoshan');
    const returned = await reviewer.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'return',
      comment: '请将专业技术团队人数与社保缴纳证明核对一致。',
    });
    expect(returned.status).toBe(200);
    await harness.review.settled();

    const provider = await providerOf(org);
    const path = `/qingdao/me/applications/${id}`;
    const page = await provider.get(path);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain(
      '退回修改原因 Returned for correction： 请将专业技术团队人数与社保缴纳证明核对一致。',
    );
    expect(text).toContain('退回修改');
    expect(text).toContain('重新提交申报');
    expect(text).toMatch(/已校验 verified \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);

    // The form as the browser posts it, with one field corrected, then "submit again".
    const form = formFields(page.html, 'application-form');
    expect(form['fields.teamSize']).toEqual(['25']);
    const saved = await provider.post(path, { ...form, 'fields.teamSize': '26', action: 'save' });
    expect(saved.status).toBe(303);
    const again = await provider.get(saved.location ?? '');
    expect(textOf(again.html)).toContain('已保存');
    expect((await stored(org, id)).application).toMatchObject({
      status: 'returned',
      fields: { teamSize: 26 },
    });

    const resubmitted = await provider.post(path, {
      ...formFields(again.html, 'application-form'),
      action: 'submit',
    });
    expect(resubmitted.status).toBe(303);
    expect(resubmitted.location).toBe(`${path}?submitted=1#main`);
    await reviewCatchesUp(harness);
    expect((await stored(org, id)).application).toMatchObject({
      status: 'in_review',
      stage: 'district-review',
      fields: { teamSize: 26 },
    });
    const after = await provider.get(path);
    expect(textOf(after.html)).toContain('审核中');
    expect(textOf(after.html)).not.toContain('退回修改原因');
    expect(after.html).not.toContain('id="application-form"');
  });

  it('tells a banned provider until when, in Beijing time as notices write it', async () => {
    const org = uscc(63_003);
    await draftApplication(harness.app, org, { name: '禁入测试公司', region: 'laoshan' });
    await provinceBans(harness.app, org);
    const provider = await providerOf(org);
    const refused = await provider.post(`/qingdao/me/applications/new?program=${PROGRAM}`, {
      track: 'product',
      industries: ['auto-parts'],
    });
    expect(refused.status).toBe(403);
    const text = textOf(refused.html);
    expect(text).not.toContain('+08:00');
    expect(text).toContain('该单位被禁止申报，至北京时间 2027-12-31 24:00');
    expect(text).toContain('barred from applying until 2027-12-31 24:00 Beijing time');
  });

  it('after the deadline tells a draft the call has closed, in Chinese, and changes nothing', async () => {
    const org = uscc(63_002);
    const { id } = await draftApplication(harness.app, org, {
      name: '截止测试公司',
      region: 'laoshan',
    });
    const provider = await providerOf(org);
    const path = `/qingdao/me/applications/${id}`;
    // The form as it was read before the deadline, posted once the call has closed.
    const form = formFields((await provider.get(path)).html, 'application-form');
    const before = (await stored(org, id)).application;

    const program = qingdao().programs.find((p) => p.id === PROGRAM);
    const closesAt = program && windowInstants(program.window).closesAt;
    expect(closesAt?.toISOString()).toBe('2024-01-31T16:00:00.000Z');
    await moveClock(harness, closesAt?.toISOString() ?? '');

    const closed =
      '「青岛市中小企业数字化转型城市试点第一批数字化转型推荐服务商遴选」已于北京时间 2024-01-31 24:00 截止申报';
    const page = await provider.get(path);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain(closed);
    expect(page.html).not.toContain('id="application-form"');
    expect(page.html).not.toContain('name="action" value="submit"');

    for (const action of ['save', 'submit']) {
      const late = await provider.post(path, { ...form, 'fields.teamSize': '30', action });
      expect(late.status).toBe(409);
      expect(textOf(late.html)).toContain(closed);
    }
    expect((await stored(org, id)).application).toEqual(before);
  });
});
