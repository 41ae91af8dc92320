/**
 * The selection on Qingdao's call, end to end in chromium, every step done in the
 * browser by the person whose step it is (issue 11 §8): the demo provider applies with
 * real PDFs uploaded to the local S3 and submits; review picks it up (the engine, as a
 * timer tick would); the reviewer of the provider's district opens a document and
 * passes it; the city bureau assigns the three demo experts, who score the rubric; the
 * bureau passes the group from the quota ranking and publishes the notice; a member of
 * the public reads it and objects; the bureau decides the objection; and the province's
 * dashboard shows Qingdao's counts. Every page is checked by axe (no serious or
 * critical violation), screenshotted at 1280 and 390 px as `walk-NN-…`, and must log no
 * error.
 */
import { testApp } from '@sme/api/testing';
import { APPLICATION_STATUSES } from '@sme/core';
import { seedDemo } from '@sme/local';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  launchChromium,
  pageWithErrors,
  serveApp,
  signIn,
  signOut,
} from '../support/browser.js';
import {
  chooseProductTrack,
  fillProductForm,
  uploadDocuments,
} from '../support/provider-browser.js';
import { PROGRAM, RUBRIC_SCORES } from '../support/qingdao.js';
import { type Harness, reviewCatchesUp } from '../support/review-walk.js';

/** The demo provider's organization (registered by the demo seed, in 市南区). */
const ORG = '青岛示例数字科技有限公司';

describe('the selection walked in chromium, person by person', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let noticeUrl = '';

  beforeAll(async () => {
    harness = await testApp();
    await seedDemo(harness.platform);
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ page, errors } = await pageWithErrors(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** What every page of the walk must pass. */
  const check = async (name: string) => {
    expect(await checkPage(page, `walk-${name}`)).toEqual([]);
    expect(errors).toEqual([]);
  };

  it('1. the provider applies: form, documents, submission', async () => {
    await signIn(page, server.url, 'qingdao', /服务商：青岛示例数字科技有限公司/);
    await page.getByRole('link', { name: '我的申报' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('我的申报');
    await check('01-provider-applications');
    await page
      .getByRole('link', { name: /申报「/ })
      .first()
      .click();
    await chooseProductTrack(page);
    await check('02-provider-new');
    await page.getByRole('button', { name: /创建申报草稿/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/me\/applications\/[0-9a-f-]+$/);

    await fillProductForm(page);
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await expect.poll(() => page.locator('.notice-box.ok').textContent()).toContain('已保存');
    await check('03-provider-form');
    await uploadDocuments(page);
    await check('04-provider-documents');

    await page.getByRole('button', { name: /^提交申报/ }).click();
    await expect
      .poll(() => page.locator('.notice-box').first().textContent())
      .toContain('申报已提交');
    expect(await page.locator('main').textContent()).toContain('草稿 → 已提交');
    await check('05-provider-submitted');
    await signOut(page);
  });

  it('2–3. review picks it up; the district reviewer opens a document and passes it', async () => {
    await reviewCatchesUp(harness);

    await signIn(page, server.url, 'qingdao', /市南区审核员/, '/qingdao/review');
    await expect.poll(() => page.locator('table.queue').textContent()).toContain(ORG);
    await check('06-reviewer-queue');
    await page.getByRole('link', { name: ORG }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(ORG);
    await check('07-reviewer-application');

    // The link answers 303 to a short-lived presigned read of the local S3, in a new window.
    const link = page.getByRole('link', { name: /打开.*credit-report\.pdf/ });
    const storageRead = page
      .context()
      .waitForEvent(
        'response',
        (r) => !r.url().startsWith(server.url) && r.url().includes('credit-report'),
      );
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    const read = await storageRead;
    expect(read.status()).toBe(200);
    expect(read.headers()['content-type']).toBe('application/pdf');
    // What the popup shows is chromium's viewer; the bytes behind the same URL are the PDF.
    const bytes = await (await page.request.get(read.url())).body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await popup.close();

    await page.getByLabel(/^通过/).check();
    await page.getByLabel(/审核意见/).fill('材料真实完整，同意推荐。');
    await page.getByRole('button', { name: /提交审核结果/ }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('审核结果已提交');
    await check('08-reviewer-passed');
    await signOut(page);
  });

  it('4. the city bureau assigns the panel of the three demo experts', async () => {
    await harness.review.settled();

    await signIn(page, server.url, 'qingdao', /青岛市主管部门/, '/qingdao/review');
    await expect.poll(() => page.locator('table.queue').textContent()).toContain(ORG);
    await check('09-admin-queue');
    await page.getByRole('link', { name: ORG }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(ORG);
    expect(await page.locator('main').textContent()).toContain('专家评审');
    await check('10-admin-application');
    await page.getByRole('link', { name: /指派或查看专家组/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('指派专家组');
    await check('11-admin-panel');
    for (const n of [1, 2, 3]) await page.getByLabel(new RegExp(`^qingdao-expert-${n}`)).check();
    await page.getByRole('button', { name: /保存专家组/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已保存');
    expect(await page.locator('main').textContent()).toContain(
      'qingdao-expert-1、qingdao-expert-2、qingdao-expert-3',
    );
    await check('12-admin-panel-saved');
    await signOut(page);
  });

  it('5. each demo expert scores the rubric and sees it locked', async () => {
    for (const n of [1, 2, 3]) {
      await signIn(page, server.url, 'qingdao', new RegExp(`评审专家 ${n}`), '/qingdao/review');
      await page.getByRole('link', { name: ORG }).click();
      await expect.poll(() => page.locator('h1').textContent()).toContain(ORG);
      if (n === 1) await check('13-expert-scoring');
      for (const [id, score] of Object.entries(RUBRIC_SCORES))
        await page.locator(`#score-${id}`).fill(String(score));
      await page.getByRole('button', { name: /^提交/ }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('评分已锁定');
      if (n === 1) await check('14-expert-locked');
      await signOut(page);
    }
  });

  it('6. the bureau passes the group from the ranking and publishes the notice', async () => {
    await harness.review.settled();

    await signIn(page, server.url, 'qingdao', /青岛市主管部门/);
    await page.getByRole('link', { name: '申报管理' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('申报管理');
    expect(await page.locator('table').first().textContent()).toContain(ORG);
    await check('15-admin-applications');

    await page.getByRole('link', { name: /排名/ }).first().click();
    await expect.poll(() => page.url()).toContain(`/admin/programs/${PROGRAM}/ranking?stage=`);
    const row = page.locator('tr', { hasText: ORG });
    expect(await row.textContent()).toContain('88');
    expect(await row.getByRole('checkbox').isChecked()).toBe(true);
    await check('16-admin-ranking');
    await page
      .getByRole('button', { name: /通过所选/ })
      .first()
      .click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('已决定 1 项');
    await check('17-admin-ranking-decided');
    await harness.review.settled();

    await page
      .getByRole('navigation', { name: /Breadcrumb/ })
      .getByRole('link', { name: '申报管理' })
      .click();
    await page.getByRole('link', { name: /发布公示 Publish notice/ }).click();
    await expect.poll(() => page.url()).toContain(`/admin/notices/new?program=${PROGRAM}`);
    expect(await page.locator('main').textContent()).toContain(ORG);
    await check('18-admin-notice-new');
    await page.getByRole('button', { name: /发布公示/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('（北京时间）');
    await check('19-admin-notice-published');
    noticeUrl = (await page.getByRole('link', { name: /查看公示/ }).getAttribute('href')) ?? '';
    expect(noticeUrl).toMatch(/^\/qingdao\/notices\/[^/]+$/);
    await signOut(page);
  });

  it('7. a member of the public reads the notice and objects', async () => {
    await page.goto(`${server.url}${noticeUrl}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('拟入选名单公示');
    expect(await page.locator('table').first().textContent()).toContain(ORG);
    await check('20-public-notice');
    await page.getByLabel('异议对象').selectOption({ label: ORG });
    await page.getByLabel('异议理由').fill('该单位所列案例企业不在本市，请核实。');
    await page.getByLabel('联系方式').fill('13800000000');
    await page.getByRole('button', { name: /提交异议/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('您的异议已收到');
    await check('21-public-objected');
  });

  it('8. the city bureau decides the objection', async () => {
    await harness.review.settled();

    await signIn(page, server.url, 'qingdao', /青岛市主管部门/);
    await page.getByRole('link', { name: '公示管理' }).click();
    await check('22-admin-notices');
    await page.getByRole('link', { name: /查看异议/ }).click();
    await expect
      .poll(() => page.url())
      .toContain(`${noticeUrl.replace('/qingdao', '/qingdao/admin')}/objections`);
    expect(await page.locator('main').textContent()).toContain('该单位所列案例企业不在本市');
    await check('23-admin-objections');
    await page.getByLabel(/异议不成立/).check();
    await page.getByLabel('核查意见').fill('经核实，案例企业在本市。');
    await page.getByRole('button', { name: /提交核查结论/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('异议已处理');
    await check('24-admin-objection-decided');
    await signOut(page);
    await harness.review.settled();
  });

  it('9. the province’s dashboard shows Qingdao’s counts', async () => {
    const province = harness.platform.tenants.tenant('shandong');
    const stats = await harness.platform.province.stats(province, {
      sub: 'province-check',
      tenant: 'shandong',
      roles: ['province_admin'],
    });
    const qingdao = stats.tenants.find((t) => t.tenant === 'qingdao');
    const expected = APPLICATION_STATUSES.map((s) =>
      (qingdao?.programs ?? []).reduce((n, p) => n + p.byStatus[s], 0),
    );
    // The one application of the walk, and nothing else in Qingdao.
    expect(expected.reduce((a, b) => a + b, 0)).toBe(1);

    await signIn(page, server.url, 'shandong', /山东省主管部门/);
    await page.getByRole('link', { name: '数据看板' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('数据看板');
    await check('25-province-dashboard');
    const cells = await page
      .locator('table', { has: page.locator('caption', { hasText: '各市申报数量' }) })
      .locator('tbody tr', { has: page.locator('th', { hasText: '青岛市' }) })
      .locator('td')
      .allTextContents();
    expect(cells.map(Number)).toEqual([...expected, 1]);
    // At 1280 px a city's name and a status's name each stay on one line.
    for (const name of ['青岛市', '退回修改']) {
      const box = await page.locator('table.counts th', { hasText: name }).first().boundingBox();
      expect(box?.height).toBeLessThan(48);
    }
    await signOut(page);
  });
});
