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
import { checkPage, launchChromium, pageWithErrors, serveApp } from '../support/browser.js';
import { PRODUCT_DOCUMENTS } from '../support/qingdao.js';
import type { Harness } from '../support/review-walk.js';

/** A minimal valid one-page PDF. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

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
    await page.goto(`${server.url}/qingdao/signin`);
    await page.getByRole('button', { name: /服务商：青岛示例数字科技有限公司/ }).click();
    await page.getByRole('link', { name: '我的申报' }).click();
    expect(await checkPage(page, 'my-applications')).toEqual([]);
    await page
      .getByRole('link', { name: /申报「/ })
      .first()
      .click();
    await page.getByLabel('申报类型').selectOption({ label: '“小快轻准”产品型服务商' });
    await page.getByLabel(/汽车零部件及配件制造/).check();
    expect(await checkPage(page, 'new-application')).toEqual([]);
    await page.getByRole('button', { name: /创建申报草稿/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/me\/applications\/[0-9a-f-]+$/);

    await page
      .getByLabel(/本地服务能力和技术服务团队/)
      .fill('青岛本地服务团队 25 人，负责咨询诊断、实施交付和售后。');
    await page.getByLabel(/数字化转型专业技术团队人数/).fill('二十五');
    await page.getByLabel(/中小企业数字化水平评测指标/).selectOption('true');
    for (let i = 0; i < 3; i += 1) {
      await page.getByRole('button', { name: /添加一项「细分行业数字化转型服务案例」/ }).click();
      await page.locator(`[name="fields.cases[${i}].client"]`).fill(`青岛某汽车零部件企业${i + 1}`);
      await page.locator(`[name="fields.cases[${i}].industry"]`).selectOption('auto-parts');
      await page.locator(`[name="fields.cases[${i}].inQingdao"]`).selectOption('true');
      await page
        .locator(`[name="fields.cases[${i}].summary"]`)
        .fill('部署质量追溯与设备联网系统，不良率下降。');
    }
    await page.getByRole('button', { name: /添加一项「“小快轻准”产品」/ }).click();
    await page.locator('[name="fields.products[0].name"]').fill('轻量化质量追溯系统');
    await page.locator('[name="fields.products[0].ownIp"]').selectOption('true');
    await page.locator('[name="fields.products[0].process"]').selectOption('quality');
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
    const pdf = minimalPdf();
    for (const kind of PRODUCT_DOCUMENTS) {
      await page
        .locator(`#upload-${kind}`)
        .setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf });
      await expect
        .poll(() => page.locator(`#upload-${kind}-status`).textContent(), { timeout: 15_000 })
        .toContain('已上传并校验');
      expect(
        await page
          .locator(`#upload-${kind}-progress`)
          .evaluate((p) => (p as unknown as { value: number }).value),
      ).toBe(100);
      expect(await page.locator(`#files-${kind}`).textContent()).toContain('已校验');
    }
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
