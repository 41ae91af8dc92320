/**
 * The city admin in a real browser (Debian's chromium): the table of applications with
 * a filter, panel assignment with a refusal and then a saved panel, the ranking's batch
 * form, publishing a notice, and deciding an objection. Every page is checked by
 * axe-core (no serious or critical violation), screenshotted at 1280 and 390 px, and
 * must log no error.
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
} from '../support/browser.js';
import { PROGRAM } from '../support/qingdao.js';
import {
  atDistrictReview,
  atPanel,
  type Harness,
  registerExperts,
  reviewerOf,
  scoreAll,
} from '../support/review-walk.js';

describe('the city admin’s pages in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let unassigned = '';

  beforeAll(async () => {
    harness = await testApp();
    await atDistrictReview(harness, 81_001, 'shinan');
    const waiting = await atDistrictReview(harness, 81_002, 'laoshan');
    const reviewer = await reviewerOf(harness, 'laoshan');
    await reviewer.post(`/api/tenants/qingdao/applications/${waiting.id}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '初审通过。',
    });
    await harness.review.settled();
    unassigned = waiting.id;
    for (const n of [81_011, 81_012]) {
      const { id, cityAdmin } = await atPanel(harness, n);
      await scoreAll(harness, id);
      await registerExperts(cityAdmin, ['e-4']);
    }
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ page, errors } = await pageWithErrors(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('filters the table of applications', async () => {
    await signIn(page, server.url, 'qingdao', /青岛市主管部门/);
    expect(await page.locator('header .who').textContent()).toContain('青岛市管理员');
    await page.getByRole('link', { name: '申报管理' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('申报管理');
    expect(await checkPage(page, 'admin-applications')).toEqual([]);
    // On a phone each application is a card: its due date is on screen, no sideways scroll.
    const phone = await phoneFit(page, 'main table td[data-label="办理期限"]');
    expect(phone.pageWidth).toBe(390);
    expect(phone.right).toBeLessThanOrEqual(390);
    await page.getByLabel('所在区市').selectOption({ label: '市南区' });
    await page.getByRole('button', { name: /查询/ }).click();
    await expect.poll(() => page.url()).toContain('region=shinan');
    expect(await page.locator('table').textContent()).toContain('审核测试公司81001');
    expect(await page.locator('table').textContent()).not.toContain('审核测试公司81002');
    expect(errors).toEqual([]);
  });

  it('assigns a panel after a refusal beside the field', async () => {
    await page.goto(`${server.url}/qingdao/admin/applications/${unassigned}/panel`);
    await page.getByLabel(/^e-1/).check();
    await page.getByRole('button', { name: /保存专家组/ }).click();
    await expect.poll(() => page.locator('#expertIds-error').textContent()).toContain('至少需要');
    expect(await checkPage(page, 'admin-panel-errors')).toEqual([]);
    await page.getByLabel(/^e-2/).check();
    await page.getByLabel(/^e-3/).check();
    await page.getByRole('button', { name: /保存专家组/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已保存');
    expect(await checkPage(page, 'admin-panel')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('passes a group from the ranking and publishes the notice', async () => {
    await page.goto(`${server.url}/qingdao/admin/programs/${PROGRAM}/ranking?stage=expert-review`);
    expect(await checkPage(page, 'admin-ranking')).toEqual([]);
    await page
      .getByRole('button', { name: /通过所选/ })
      .first()
      .click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('已决定 2 项');
    await harness.review.settled();

    await page.goto(`${server.url}/qingdao/admin/notices/new?program=${PROGRAM}`);
    expect(await checkPage(page, 'admin-notice-new')).toEqual([]);
    await page.getByRole('button', { name: /发布公示/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('（北京时间）');
    await page.getByRole('link', { name: /查看公示/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('拟入选名单公示');
    expect(errors).toEqual([]);
  });

  it('decides an objection', async () => {
    await page.getByLabel('异议对象').selectOption({ label: '审核测试公司81011' });
    await page.getByLabel('异议理由').fill('该单位所列案例企业不在本市，请核实。');
    await page.getByLabel('联系方式').fill('13800000000');
    await page.getByRole('button', { name: /提交异议/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('您的异议已收到');

    await page.getByRole('link', { name: '公示管理' }).click();
    expect(await checkPage(page, 'admin-notices')).toEqual([]);
    await page.getByRole('link', { name: /查看异议/ }).click();
    expect(await checkPage(page, 'admin-objections')).toEqual([]);
    await page.getByLabel(/异议不成立/).check();
    await page.getByLabel('核查意见').fill('经核实，案例企业在本市。');
    await page.getByRole('button', { name: /提交核查结论/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('异议已处理');
    expect(errors).toEqual([]);
  });
});
