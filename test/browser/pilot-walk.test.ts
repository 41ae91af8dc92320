/**
 * Pilot enterprises in a real browser (Debian's chromium): Jinan's demo enterprise finds
 * the call for pilot enterprises under 我的申报 and starts its application, then records
 * its needs (a half-filled need refused first) and reads the providers matched; Jinan's
 * bureau opens 试点企业 from the header and reads the listed pilot with its needs. Every
 * page is checked by axe-core (no serious or critical violation), screenshotted at 1280
 * and 390 px, and must log no error.
 */
import { demoOrganizations } from '@sme/api';
import { testApp } from '@sme/api/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import {
  checkPage,
  launchChromium,
  pageWithErrors,
  serveApp,
  signIn,
  signOut,
} from '../support/browser.js';
import { listMember } from '../support/members.js';
import { api, listedPilot, NEEDS, OPEN_AT, TENANT } from '../support/pilots.js';
import type { Harness } from '../support/review-walk.js';

describe('pilot enterprises in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    harness = await testApp({ start: OPEN_AT });
    await listedPilot(harness, 701);
    await listMember(harness, TENANT, 'dx-providers', 702, undefined, {
      category: 'smart-equipment',
      region: 'lixia',
    });
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ page, errors } = await pageWithErrors(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lets Jinan's demo enterprise start its application to the pilot call", async () => {
    // Registered as its organization page would register it (that page has walks of its own).
    const firm = demoOrganizations(harness.platform.tenants.tenant(TENANT)).enterprise;
    const identity = { role: 'enterprise', tenant: TENANT, org: firm.uscc };
    const registered = await (await ApiClient.signIn(harness.app, identity)).put(
      `${api}/orgs/${firm.uscc}`,
      { name: firm.name, region: 'lixia' },
    );
    expect(registered.status).toBe(200);
    await signIn(page, server.url, TENANT, /^企业：/);
    await page.getByRole('link', { name: '我的申报' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('我的申报');
    expect(await checkPage(page, 'enterprise-applications')).toEqual([]);
    await page.getByRole('link', { name: /申报「中小企业数字化转型试点企业申报」/ }).click();
    await page.getByRole('button', { name: /创建申报草稿/ }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('数字化转型需求');
    expect(await page.locator('#documents').textContent()).toContain('本通知无需上传申报材料');
    expect(await checkPage(page, 'enterprise-pilot-draft')).toEqual([]);

    // Its needs, and the providers ranked for them (a refusal first: a need half filled).
    await page.getByRole('link', { name: /转型需求与对接/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('转型需求与对接');
    await page.getByLabel(/需求 1：领域/).selectOption('smart-equipment');
    await page.getByRole('button', { name: /保存需求/ }).click();
    await expect
      .poll(() => page.locator('.error-text').first().textContent())
      .toContain('请描述需求 1');
    expect(await checkPage(page, 'enterprise-needs-errors')).toEqual([]);
    await page.getByLabel(/需求 1：具体描述/).fill('产线设备联网改造');
    await page.getByRole('button', { name: /保存需求/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('需求已保存');
    expect(await page.locator('main').textContent()).toContain('监管测试公司702');
    expect(await checkPage(page, 'enterprise-needs')).toEqual([]);
    expect(errors).toEqual([]);
    await signOut(page);
  });

  it("shows Jinan's bureau the listed pilot with its needs", async () => {
    await signIn(page, server.url, TENANT, /济南市主管部门/);
    await page.getByRole('link', { name: /^试点企业/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('试点企业名单');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('试点企业701');
    expect(main).toContain(NEEDS);
    expect(await checkPage(page, 'pilots-city')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
