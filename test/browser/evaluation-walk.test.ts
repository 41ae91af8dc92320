/**
 * The yearly evaluation in a real browser (Debian's chromium), on Jining: the city
 * admin follows the header's 年度评价 link, opens 2024, scores a member's 12 indicators
 * (a score out of range refused beside its field first), and the member, signed in,
 * finds its proposed grade on its own page and comments within the window. Every page
 * is checked by axe-core (no serious or critical violation), screenshotted at 1280 and
 * 390 px, and must log no error.
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

describe('the yearly evaluation in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let uscc = '';

  beforeAll(async () => {
    harness = await testApp({ start: '2025-01-06T09:00:00+08:00' });
    uscc = await listMember(harness, 'jining', 'dx-providers', 701);
    await listMember(harness, 'jining', 'dx-providers', 702);
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ context, page, errors } = await pageWithErrors(browser));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the city admin opens 2024 from the header’s link', async () => {
    await signIn(page, server.url, 'jining', /济宁市主管部门/);
    await page.getByRole('link', { name: '年度评价' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('年度评价');
    expect(await checkPage(page, 'evaluation-years')).toEqual([]);
    expect(await page.getByLabel('评价年度').inputValue()).toBe('2024');
    await page.getByRole('button', { name: /开展评价/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('2024 年度评价');
    expect(await page.getByRole('status').first().textContent()).toContain('年度评价已开展');
    expect(await page.locator('main').textContent()).toContain('2025-01-13 24:00');
    expect(await checkPage(page, 'evaluation-year-open')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('scores the member’s 12 indicators, a score out of range refused first', async () => {
    const inputs = page.locator(`input[id^="m-${uscc}-score-"]`);
    expect(await inputs.count()).toBe(12);
    for (let i = 0; i < 12; i += 1) await inputs.nth(i).fill('88');
    await inputs.first().fill('120');
    const form = page.locator(`form[action$="/members/${uscc}/scores"]`);
    await form.getByRole('button', { name: /保存评分/ }).click();
    const error = page.locator(`#m-${uscc}-score-business-capability-error`);
    await expect.poll(() => error.textContent()).toContain('须为 0 至 100');
    expect(await inputs.nth(1).inputValue()).toBe('88');
    expect(await checkPage(page, 'evaluation-score-refused')).toEqual([]);
    await inputs.first().fill('88');
    await form.getByRole('button', { name: /保存评分/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('评分已保存');
    const card = page.locator(`article[aria-labelledby="m-${uscc}"]`);
    expect(await card.locator('dl.facts').textContent()).toContain('良好');
    expect(await page.locator('main table').first().textContent()).toContain('良好');
    const fit = await phoneFit(page, 'main table');
    expect(fit.pageWidth).toBeLessThanOrEqual(390);
    expect(await checkPage(page, 'evaluation-year-scored')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the member sees its proposed grade and comments within the window', async () => {
    await signOut(page);
    await signInWithToken(harness.app, context, server.url, {
      role: 'provider',
      tenant: 'jining',
      org: uscc,
      name: '监管测试公司',
    });
    await page.goto(`${server.url}/jining/`);
    await page.getByRole('link', { name: '年度评价' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('年度评价');
    const year = page.locator('article[aria-labelledby="y-2024"]');
    expect(await year.locator('dl.facts').textContent()).toMatch(/拟定等次 Proposed grade\s*良好/);
    expect((await phoneFit(page, 'main table')).pageWidth).toBeLessThanOrEqual(390);
    expect(await checkPage(page, 'evaluation-member')).toEqual([]);
    await page.locator('#y-2024-comment').fill('评分无异议。');
    await page.getByRole('button', { name: /提交意见/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('意见已提交');
    expect(await year.textContent()).toContain('评分无异议。');
    expect(await checkPage(page, 'evaluation-member-commented')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
