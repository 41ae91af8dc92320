/**
 * The staff pages of review in a real browser (Debian's chromium): the district
 * reviewer signs in, finds the application in the queue, reads it, is told beside the
 * comment that a return needs one, and passes it; a demo expert scores the rubric and
 * sees the locked view. Every page is checked by axe-core (no serious or critical
 * violation), screenshotted at 1280 and 390 px, and must log no error.
 */
import { testApp } from '@sme/api/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  launchChromium,
  pageWithErrors,
  phoneFit,
  serveApp,
  signIn,
  signOut,
} from '../support/browser.js';
import { RUBRIC_SCORES } from '../support/qingdao.js';
import { atDistrictReview, atPanel, type Harness } from '../support/review-walk.js';

const DEMO_EXPERTS = ['qingdao-expert-1', 'qingdao-expert-2', 'qingdao-expert-3'];

describe('the staff pages of review in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    harness = await testApp();
    await atDistrictReview(harness, 62_001, 'laoshan');
    await atPanel(harness, 62_002, 'laoshan', DEMO_EXPERTS);
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ page, errors } = await pageWithErrors(browser));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signInAs = async (who: RegExp) => {
    await signIn(page, server.url, 'qingdao', who, '/qingdao/review');
    await expect.poll(() => page.locator('h1').textContent()).toContain('待办');
  };

  it('walks the reviewer from the queue to a decision', async () => {
    await signInAs(/崂山区审核员/);
    expect(await page.locator('table.queue').textContent()).toContain('审核测试公司62001');
    expect(await checkPage(page, 'review-queue')).toEqual([]);
    // On a phone each task is a card: the due date is on screen, nothing scrolls sideways.
    const phone = await phoneFit(page, 'table.queue td[data-label="办理期限"]');
    expect(phone.pageWidth).toBe(390);
    expect(phone.right).toBeLessThanOrEqual(390);

    await page.getByRole('link', { name: '审核测试公司62001' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('审核测试公司62001');
    expect(await page.locator('main').textContent()).toContain('“信用中国”信用信息报告');
    expect(await checkPage(page, 'review-application')).toEqual([]);

    await page.getByLabel(/退回修改/).check();
    await page.getByRole('button', { name: /提交审核结果/ }).click();
    await expect
      .poll(() => page.locator('#decision-comment-error').textContent())
      .toContain('请填写「审核意见」');
    expect(await page.getByLabel(/退回修改/).isChecked()).toBe(true);
    expect(await checkPage(page, 'review-decision-errors')).toEqual([]);

    await page.getByLabel(/^通过/).check();
    await page.getByLabel(/审核意见/).fill('材料真实完整，同意推荐。');
    await page.getByRole('button', { name: /提交审核结果/ }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('审核结果已提交');
    expect(errors).toEqual([]);
  });

  it('walks a demo expert through the rubric to the locked view', async () => {
    await signOut(page);
    await signInAs(/评审专家 1/);
    await page.getByRole('link', { name: '审核测试公司62002' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('审核测试公司62002');
    expect(await checkPage(page, 'review-scoring')).toEqual([]);
    for (const [id, n] of Object.entries(RUBRIC_SCORES))
      await page.locator(`#score-${id}`).fill(String(n));
    await page.getByRole('button', { name: /^提交/ }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('评分已锁定');
    expect(await checkPage(page, 'review-scoring-locked')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
