/**
 * The provider's pages without a browser: registering the organization (a bad USCC
 * refused beside its field with the server's words, what was typed kept), starting a
 * draft, the generated form (errors beside each input from the API's own validation,
 * list entries added and removed on the server, a stale version refused with what was
 * typed kept), an incomplete submission explained field by field, withdrawal, and the
 * form token required on every post.
 */
import { demoOrganizations } from '@sme/api';
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { PageClient, textOf } from '../support/page-client.js';
import type { Harness } from '../support/review-walk.js';

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
