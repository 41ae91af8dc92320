/**
 * A provider applies in chromium: signs in as the demo provider, starts a draft, fills
 * the generated form (list entries added on the server), uploads real PDFs straight to
 * the local S3 with progress and sees each verified, has a text file and an oversize
 * file refused in the browser with exactly the server's words, submits and sees the
 * status. Every page is checked by axe and must log no error (a CSP refusal of the
 * upload would show here).
 */
import { testApp } from '@sme/api/testing';
import { seedDemo } from '@sme/local';
import { declarationRefusals, programOf } from '@sme/platform';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchChromium, pageWithErrors, serveApp, signIn } from '../support/browser.js';
import {
  chooseProductTrack,
  fillProductForm,
  uploadDocuments,
} from '../support/provider-browser.js';
import type { Harness } from '../support/review-walk.js';

describe('a provider applies in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];

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

  it('starts a draft and fills the form', async () => {
    await signIn(page, server.url, 'qingdao', /服务商：青岛示例数字科技有限公司/);
    await page.getByRole('link', { name: '我的申报' }).click();
    expect(await checkPage(page, 'my-applications')).toEqual([]);
    await page
      .getByRole('link', { name: /申报「/ })
      .first()
      .click();
    await chooseProductTrack(page);
    expect(await checkPage(page, 'new-application')).toEqual([]);
    await page.getByRole('button', { name: /创建申报草稿/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/me\/applications\/[0-9a-f-]+$/);

    await fillProductForm(page, { teamSize: '二十五' });
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await expect
      .poll(() => page.locator('#f-fields-teamSize-error').textContent())
      .toContain('「数字化转型专业技术团队人数」填写不符合要求');
    expect(await page.getByLabel(/数字化转型专业技术团队人数/).inputValue()).toBe('二十五');
    expect(await page.locator('[name="fields.cases[2].client"]').inputValue()).toBe(
      '青岛某汽车零部件企业3',
    );
    expect(await checkPage(page, 'application-errors')).toEqual([]);
    await page.getByLabel(/数字化转型专业技术团队人数/).fill('25');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await expect.poll(() => page.locator('.notice-box.ok').textContent()).toContain('已保存');
    expect(errors).toEqual([]);
  });

  it('refuses a text file and an oversize file in the browser with the server’s words', async () => {
    const tenant = harness.platform.tenants.tenant('qingdao');
    const spec = programOf(tenant, 'dx-providers-2024').documents.find(
      (d) => d.kind === 'credit-report',
    );
    if (!spec) throw new Error('no credit-report spec');
    const appId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const claims = {
      sub: 'p',
      tenant: 'qingdao',
      roles: ['provider' as const],
      org: (
        await harness.platform.queries.get(
          tenant,
          { sub: 'a', tenant: 'qingdao', roles: ['city_admin'] },
          appId,
        )
      ).application.org.uscc,
    };
    const serverSays = async (contentType: string, size: number) =>
      harness.platform.documents
        .requestUpload(tenant, claims, appId, {
          kind: 'credit-report',
          filename: 'x',
          contentType,
          size,
          sha256: '0'.repeat(64),
        })
        .then(
          () => 'accepted',
          (e: Error & { detail: { zh: string } }) => e.detail.zh,
        );

    await page
      .locator('#upload-credit-report')
      .setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是 PDF') });
    const typeMessage = await page.locator('#upload-credit-report-status').textContent();
    expect(typeMessage).toContain(declarationRefusals(spec).contentType.zh);
    expect(typeMessage).toContain('PDF 文件');
    expect(typeMessage).toContain(await serverSays('text/plain', 10));

    await page.locator('#upload-credit-report').setInputFiles({
      name: '太大.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(spec.maxBytes + 1, 0x20),
    });
    const sizeMessage = await page.locator('#upload-credit-report-status').textContent();
    expect(sizeMessage).toContain(await serverSays('application/pdf', spec.maxBytes + 1));
    expect(await checkPage(page, 'application-upload-refused')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('uploads each document to storage with progress and sees it verified', async () => {
    await uploadDocuments(page);
    expect(await checkPage(page, 'application-documents')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('submits and sees the status and the history', async () => {
    await page.getByRole('button', { name: /^提交申报/ }).click();
    await expect
      .poll(() => page.locator('.notice-box').first().textContent())
      .toContain('申报已提交');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toMatch(/已提交|审核中/);
    expect(text).toContain('草稿 → 已提交');
    expect(await page.locator('#application-form').count()).toBe(0);
    expect(await checkPage(page, 'application-submitted')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
