/**
 * A member of the public in a real browser (Debian's chromium): the cities, a city's
 * calls, a call, the notices, a notice (on screen and as printed), an objection with a
 * mistake then without, the pool, and signing in. Every page is checked by axe-core
 * (no serious or critical violation), screenshotted at 1280 and 390 px, and must log
 * no error (a CSP refusal or a failed integrity check would show here).
 */
import { testApp } from '@sme/api/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchChromium, pageWithErrors, serveApp } from '../support/browser.js';
import { atPublicity, type Harness, publishNotice } from '../support/review-walk.js';

describe('the public pages in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    harness = await testApp();
    const { id, cityAdmin } = await atPublicity(harness, 61_001, 'laoshan');
    await publishNotice(cityAdmin, [id]);
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ page, errors } = await pageWithErrors(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('walks from the cities to a call, keyboard first', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent.trim()')).toContain('跳到正文');
    expect(await checkPage(page, 'home')).toEqual([]);

    await page.getByRole('link', { name: '青岛市', exact: true }).click();
    await expect.poll(() => page.title()).toContain('申报通知');
    expect(await page.locator('time.countdown').first().textContent()).toMatch(/^剩余 \d+ 天/);
    expect(await checkPage(page, 'calls')).toEqual([]);

    await page
      .getByRole('link', { name: /第一批数字化转型推荐服务商遴选/ })
      .first()
      .click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('遴选');
    expect(await page.locator('body').textContent()).toContain('PDF 文件');
    expect(await checkPage(page, 'call')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('reads a notice, prints it, objects with a mistake and then without', async () => {
    await page.goto(`${server.url}/qingdao/notices`);
    expect(await checkPage(page, 'notices')).toEqual([]);
    await page
      .getByRole('link', { name: /拟入选名单公示/ })
      .first()
      .click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('拟入选名单公示');
    expect(await page.locator('table').textContent()).toContain('审核测试公司61001');
    expect(await checkPage(page, 'notice')).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.locator('form').first().isVisible()).toBe(false);
    await page.screenshot({ path: 'test-output/screenshots/notice-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.getByLabel('异议对象').selectOption({ label: '审核测试公司61001' });
    await page.getByLabel('异议理由').fill('不实');
    await page.getByLabel('联系方式').fill('13800000000');
    await page.getByRole('button', { name: /提交异议/ }).click();
    await expect
      .poll(() => page.locator('.error-text').first().textContent())
      .toContain('至少 5 个字');
    expect(await page.getByLabel('异议理由').inputValue()).toBe('不实');
    expect(await page.getByLabel('联系方式').inputValue()).toBe('13800000000');
    expect(await checkPage(page, 'notice-objection-errors')).toEqual([]);

    await page.getByLabel('异议理由').fill('该单位所列案例企业不在本市，请核实。');
    await page.getByRole('button', { name: /提交异议/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('您的异议已收到');
    expect(errors).toEqual([]);
  });

  it('searches the pool and signs in as the city bureau', async () => {
    await page.goto(`${server.url}/qingdao/pool`);
    await page.getByLabel('所在区市').selectOption({ label: '崂山区' });
    await page.getByRole('button', { name: /查询/ }).click();
    await expect.poll(() => page.url()).toContain('region=laoshan');
    expect(await checkPage(page, 'pool')).toEqual([]);

    await page.getByRole('link', { name: /登录/ }).click();
    expect(await checkPage(page, 'signin')).toEqual([]);
    await page.getByRole('button', { name: /青岛市主管部门/ }).click();
    await expect.poll(() => page.locator('header .who').textContent()).toContain('青岛市管理员');
    await page.getByRole('button', { name: /退出/ }).click();
    await expect.poll(() => page.locator('header').textContent()).not.toContain('青岛市管理员');
    expect(errors).toEqual([]);
  });
});
