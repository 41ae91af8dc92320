/**
 * A complaint in a real browser (Debian's chromium), on Jining: the demo enterprise
 * complains about the provider of its engagement (after a refusal beside the ground),
 * the provider replies on its complaints page before the deadline shown at 24:00
 * Beijing time, and the city admin upholds the complaint with a rectification order and
 * records a spot check. Every page is checked by axe-core (no serious or critical
 * violation), screenshotted at 1280 and 390 px, and must log no error.
 */
import { demoOrganizations } from '@sme/api';
import { testApp } from '@sme/api/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  launchChromium,
  pageWithErrors,
  serveApp,
  signIn,
  signInWithToken,
  signOut,
} from '../support/browser.js';
import { register } from '../support/engagements.js';
import { listMember, memberClient } from '../support/members.js';
import type { Harness } from '../support/review-walk.js';

describe('a complaint in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let uscc = '';

  /** The listed member is not the demo's provider: it signs in with a dev-login token. */
  async function signInAsMember() {
    await signInWithToken(harness.app, context, server.url, {
      role: 'provider',
      tenant: 'jining',
      org: uscc,
      name: '监管测试公司',
    });
  }

  beforeAll(async () => {
    harness = await testApp({ start: '2025-03-03T10:00:00+08:00' });
    const firm = demoOrganizations(harness.platform.tenants.tenant('jining')).enterprise;
    uscc = await listMember(harness, 'jining', 'dx-providers', 901);
    const registered = await register(
      await memberClient(harness, 'jining', uscc),
      'jining',
      firm.uscc,
    );
    expect(registered.status).toBe(201);
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ context, page, errors } = await pageWithErrors(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the enterprise complains about its provider', async () => {
    await signIn(page, server.url, 'jining', /^企业：/);
    await page.getByRole('link', { name: '服务登记' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('我的服务登记');
    expect(await checkPage(page, 'complaint-enterprise')).toEqual([]);
    await page.getByText('投诉该服务商').click();
    await page.getByLabel('投诉内容').fill('合同签订后一个月仍未进场实施。');
    await page.getByRole('button', { name: /提交投诉/ }).click();
    await expect.poll(() => page.locator('.error-text').first().textContent()).toContain('请选择');
    expect(await page.getByLabel('投诉内容').inputValue()).toBe('合同签订后一个月仍未进场实施。');
    expect(await checkPage(page, 'complaint-enterprise-errors')).toEqual([]);
    await page.getByLabel('投诉事由').selectOption('late-engagement');
    await page.getByRole('button', { name: /提交投诉/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('投诉已提交');
    const mine = (await page.locator('section[aria-labelledby="complaints"]').textContent()) ?? '';
    expect(mine).toContain('监管测试公司901');
    expect(mine).toContain('待服务商答复');
    expect(await checkPage(page, 'complaint-enterprise-filed')).toEqual([]);
    expect(errors).toEqual([]);
    await signOut(page);
  });

  it('the provider replies before its deadline', async () => {
    await signInAsMember();
    await page.goto(`${server.url}/jining/`);
    await page.getByRole('link', { name: '投诉处理' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('投诉处理');
    expect(await page.locator('main').textContent()).toContain('2025-03-10 24:00（北京时间）');
    expect(await checkPage(page, 'complaint-provider')).toEqual([]);
    await page.getByLabel('答复内容').fill('因企业厂房改造推迟进场，已协商新的进场时间。');
    await page.getByRole('button', { name: /提交答复/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('答复已提交');
    expect(await page.locator('main table').textContent()).toContain('已答复，待处理');
    expect(await checkPage(page, 'complaint-provider-replied')).toEqual([]);
    expect(errors).toEqual([]);
    await signOut(page);
  });

  it('the city upholds it with a rectification order and records a spot check', async () => {
    await signIn(page, server.url, 'jining', /济宁市主管部门/);
    await page.getByRole('link', { name: '投诉与抽查' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('投诉与抽查');
    expect(await page.locator('main').textContent()).toContain('因企业厂房改造推迟进场');
    expect(await checkPage(page, 'complaint-desk')).toEqual([]);
    await page.getByLabel(/投诉成立/).check();
    await page.getByLabel('处理意见').fill('经核实，服务商进场不及时，投诉成立。');
    await page.getByLabel('责令整改事由').selectOption('service-complaints');
    await page.getByLabel('整改要求').fill('十五日内完成进场并报告。');
    await page.getByRole('button', { name: /提交处理结果/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('投诉已处理');
    expect(await page.locator('main table').first().textContent()).toContain('已责令限期整改');

    await page.getByLabel('被抽查服务商').selectOption(uscc);
    await page.getByLabel(/电话回访/).check();
    await page.getByLabel('抽查发现').fill('电话回访试点企业，服务商已进场。');
    await page.getByRole('button', { name: /记录抽查/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('抽查记录已保存');
    expect(await page.locator('main').textContent()).toContain('电话回访试点企业，服务商已进场。');
    expect(await checkPage(page, 'complaint-desk-done')).toEqual([]);

    await page.goto(`${server.url}/jining/members/${uscc}`);
    expect(await page.locator('main dl.facts').textContent()).toContain('整改中');
    expect(errors).toEqual([]);
  });
});
