/**
 * A provider's steps in the browser, shared by the browser suites: the track chosen on
 * the new application page, the product-track form filled as a person does it (list
 * entries added on the server), and every required document uploaded as a real PDF
 * straight to storage, each seen verified.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PRODUCT_DOCUMENTS, productFields } from './qingdao.js';

/** A minimal valid one-page PDF. */
export function minimalPdf(): Buffer {
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

/** On `/me/applications/new`: the product track for the auto-parts industry. */
export async function chooseProductTrack(page: Page): Promise<void> {
  await page.getByLabel('申报类型').selectOption({ label: '“小快轻准”产品型服务商' });
  await page.getByLabel(/汽车零部件及配件制造/).check();
}

/**
 * On a draft's page: fills the product-track form with `productFields` (three cases,
 * one product), the team size as typed (`teamSize`, so a suite can type a mistake).
 * Saving is the caller's.
 */
export async function fillProductForm(page: Page, { teamSize = '25' } = {}): Promise<void> {
  await page.getByLabel(/本地服务能力和技术服务团队/).fill(productFields.localTeam);
  await page.getByLabel(/数字化转型专业技术团队人数/).fill(teamSize);
  await page.getByLabel(/中小企业数字化水平评测指标/).selectOption('true');
  for (const [i, entry] of productFields.cases.entries()) {
    await page.getByRole('button', { name: /添加一项「细分行业数字化转型服务案例」/ }).click();
    await page.locator(`[name="fields.cases[${i}].client"]`).fill(entry.client);
    await page.locator(`[name="fields.cases[${i}].industry"]`).selectOption(entry.industry);
    await page.locator(`[name="fields.cases[${i}].inQingdao"]`).selectOption('true');
    await page.locator(`[name="fields.cases[${i}].summary"]`).fill(entry.summary);
  }
  for (const [i, product] of productFields.products.entries()) {
    await page.getByRole('button', { name: /添加一项「“小快轻准”产品」/ }).click();
    await page.locator(`[name="fields.products[${i}].name"]`).fill(product.name);
    await page.locator(`[name="fields.products[${i}].ownIp"]`).selectOption('true');
    await page.locator(`[name="fields.products[${i}].process"]`).selectOption(product.process);
  }
}

/** On a draft's page: uploads each document as a PDF and sees it at 100 % and verified. */
export async function uploadDocuments(page: Page, kinds = PRODUCT_DOCUMENTS): Promise<void> {
  const pdf = minimalPdf();
  for (const kind of kinds) {
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
}
