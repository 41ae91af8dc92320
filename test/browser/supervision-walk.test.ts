/**
 * Supervision in a real browser (Debian's chromium), on Jining: the city admin orders a
 * listed member to rectify from the desk (after a refusal beside the field), the member
 * signs in and reports on its member page, the city admin accepts, and the member page
 * says 正常 again. Every page is checked by axe-core (no serious or critical violation),
 * screenshotted at 1280 and 390 px, and must log no error.
 */
import { testApp } from '@sme/api/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  launchChromium,
  pageWithErrors,
  phoneFit,
  serveApp,
  signIn,
  signInWithToken,
  signOut,
} from '../support/browser.js';
import { listMember } from '../support/members.js';

type Harness = Awaited<ReturnType<typeof testApp>>;

describe('supervision in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let uscc = '';

  /**
   * The demo's provider is not the listed member, so the member signs in as the other
   * suites' custom identities do: the dev login's token, set as the session cookie.
   */
  async function signInAsMember() {
    await signInWithToken(harness.app, context, server.url, {
      role: 'provider',
      tenant: 'jining',
      org: uscc,
      name: '监管测试公司',
    });
  }

  beforeAll(async () => {
    harness = await testApp();
    uscc = await listMember(harness, 'jining', 'dx-providers', 501);
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ context, page, errors } = await pageWithErrors(browser));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the city admin orders rectification from the desk', async () => {
    await signIn(page, server.url, 'jining', /济宁市主管部门/);
    await page.getByRole('link', { name: '监督管理' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('监督管理');
    expect(await checkPage(page, 'supervision-desk')).toEqual([]);
    await page.getByLabel('服务商').selectOption(uscc);
    await page.getByLabel('具体情况').fill('对接试点企业不及时，企业投诉。');
    // The browser would refuse an empty select itself; the server's refusal is what a
    // form without script meets, so the check is lifted here.
    await page.locator('#order-ground').evaluate((el) => el.removeAttribute('required'));
    await page.getByRole('button', { name: /下达整改通知/ }).click();
    await expect.poll(() => page.locator('#order-ground-error').textContent()).toContain('请选择');
    expect(await page.getByLabel('具体情况').inputValue()).toBe('对接试点企业不及时，企业投诉。');
    expect(await checkPage(page, 'supervision-desk-errors')).toEqual([]);
    await page.getByLabel('整改事由').selectOption('service-complaints');
    await page.getByRole('button', { name: /下达整改通知/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已办理');
    expect(await page.locator('main table').textContent()).toContain('整改中');
    expect(errors).toEqual([]);
  });

  it('the member reports on its page', async () => {
    await signOut(page);
    await signInAsMember();
    await page.goto(`${server.url}/jining/members/${uscc}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('监管测试公司501');
    expect(await page.locator('main dl.facts').textContent()).toContain('整改中');
    expect(await page.locator('main').textContent()).toContain('24:00');
    expect(await checkPage(page, 'supervision-member')).toEqual([]);
    // The USCC is one long word: on a phone it wraps inside its cell, not past the margin.
    const fit = await phoneFit(page, 'main dl.facts dd.uscc');
    expect(fit.pageWidth).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 390, height: 900 });
    const spill = await page
      .locator('main dl.facts dd.uscc')
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(spill).toBe(0);
    await page.getByLabel('整改报告').fill('已调整服务团队，并已进驻试点企业。');
    await page.getByRole('button', { name: /提交整改报告/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('整改报告已提交');
    expect(await page.locator('main').textContent()).toContain('已报告，待审核');
    expect(errors).toEqual([]);
  });

  it('the city admin accepts and the member is 正常 again', async () => {
    await signOut(page);
    await signIn(page, server.url, 'jining', /济宁市主管部门/, '/jining/admin/supervision');
    await expect.poll(() => page.locator('h1').textContent()).toContain('监督管理');
    expect(await page.locator('main').textContent()).toContain(
      '已调整服务团队，并已进驻试点企业。',
    );
    await page.getByLabel(/整改通过/).check();
    await page.getByLabel('审核意见').fill('整改到位。');
    expect(await checkPage(page, 'supervision-decision')).toEqual([]);
    await page.getByRole('button', { name: /提交/ }).last().click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已办理');
    await page.goto(`${server.url}/jining/members/${uscc}`);
    expect(await page.locator('main dl.facts').textContent()).toContain('正常');
    expect(await page.locator('main').textContent()).toContain('整改通过');
    expect(await checkPage(page, 'supervision-member-accepted')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('anyone reaches the notice of disqualifications from the header', async () => {
    const removed = await listMember(harness, 'jining', 'dx-providers', 502);
    const jining = harness.platform.tenants.tenant('jining');
    await harness.platform.supervision.disqualifications.disqualify(
      jining,
      { sub: 'bureau', tenant: 'jining', roles: ['city_admin'] },
      { uscc: removed, ground: 'leaked-secrets', detail: '泄露试点企业商业秘密' },
    );
    await signOut(page);
    await page.goto(`${server.url}/jining/pool`);
    await page.getByRole('link', { name: '取消资格公告' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('取消资格公告');
    expect(await page.locator('main table').textContent()).toContain('监管测试公司502');
    expect(await page.getByRole('link', { name: /Excel/ }).getAttribute('href')).toBe(
      '/jining/disqualifications?format=xlsx',
    );
    expect(await checkPage(page, 'supervision-disqualifications')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
