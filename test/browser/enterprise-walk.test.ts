/**
 * Supervision's pages in a real browser (Debian's chromium): Qingdao's demo enterprise
 * confirms each milestone its provider records and rates the engagement once; then the
 * province's administrator opens the board and finds a Jining order past due. Every
 * page is checked by axe-core (no serious or critical violation), screenshotted at 1280
 * and 390 px, and must log no error.
 */
import { demoOrganizations } from '@sme/api';
import { testApp } from '@sme/api/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import {
  checkPage,
  launchChromium,
  pageWithErrors,
  serveApp,
  signIn,
  signOut,
} from '../support/browser.js';
import { MILESTONES, register } from '../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../support/members.js';
import { type Harness, moveClock } from '../support/review-walk.js';

describe('supervision pages in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let provider: ApiClient;
  let engagement = '';

  beforeAll(async () => {
    harness = await testApp({ start: '2025-03-03T10:00:00+08:00' });
    const firm = demoOrganizations(harness.platform.tenants.tenant('qingdao')).enterprise;
    provider = await memberClient(
      harness,
      'qingdao',
      await listMember(harness, 'qingdao', 'dx-providers-2024', 801),
    );
    const registered = await register(provider, 'qingdao', firm.uscc);
    expect(registered.status).toBe(201);
    engagement = registered.body.id;
    // A Jining order, due long before the clock is moved on.
    const city = await supervisorOf(harness, 'jining');
    const uscc = await listMember(harness, 'jining', 'dx-providers', 806);
    const ordered = await city.post('/api/tenants/jining/rectifications', {
      uscc,
      ground: 'unfair-conditions',
      detail: '未按约定提供服务',
    });
    expect(ordered.status).toBe(201);
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ page, errors } = await pageWithErrors(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets the enterprise confirm each milestone and rate once', async () => {
    await signIn(page, server.url, 'qingdao', /^企业：/);
    await page.getByRole('link', { name: '服务登记' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('我的服务登记');
    expect(await page.locator('main').textContent()).toContain('监管测试公司801');
    expect(await checkPage(page, 'enterprise-engagements')).toEqual([]);

    await page.getByRole('button', { name: /确认合同签订/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已确认');
    for (const kind of MILESTONES) {
      const added = await provider.post(
        `/api/tenants/qingdao/engagements/${engagement}/milestones`,
        {
          kind,
          summary: '已按计划完成',
        },
      );
      expect(added.status).toBe(201);
      await page.reload();
      await page.getByRole('button', { name: /^确认/ }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已确认');
    }

    // No choice made: the message beside the choices, the comment kept.
    await page.getByLabel(/评价意见/).fill('改造按期完成，效果明显');
    await page.getByRole('button', { name: /提交评价/ }).click();
    await expect
      .poll(() => page.locator('.error-text').first().textContent())
      .toContain('请为「满意度」选择一项');
    expect(await page.getByLabel(/评价意见/).inputValue()).toBe('改造按期完成，效果明显');
    expect(await checkPage(page, 'enterprise-rating-errors')).toEqual([]);

    await page.getByLabel(/^满意/).check();
    await page.getByRole('button', { name: /提交评价/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('评价已提交');
    expect(await page.getByRole('button', { name: /提交评价/ }).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('改造按期完成，效果明显');
    expect(await checkPage(page, 'enterprise-rated')).toEqual([]);
    expect(errors).toEqual([]);
    await signOut(page);
  });

  it('shows the province an order past due', async () => {
    await moveClock(harness, '2025-06-01T09:00:00+08:00');
    await signIn(page, server.url, 'shandong', /山东省主管部门/);
    await page.getByRole('link', { name: '监管预警' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('监管预警');
    const overdue = (await page.locator('section[aria-labelledby="overdue"]').textContent()) ?? '';
    expect(overdue).toContain('济宁市');
    expect(overdue).toContain('监管测试公司806');
    expect(overdue).toContain('不符合市场公平竞争条件事项或其他原因');
    expect(await checkPage(page, 'province-board')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
