/**
 * A member's engagements in a real browser (Debian's chromium), on Qingdao: the member
 * follows the header's 服务登记 link, registers an engagement with a pilot firm, is
 * refused assessing the same firm (`exclusive_service`) on the form with its values
 * kept, and, once the firm confirmed the contract, records the implementation plan with
 * a PDF that the upload script posts straight to the local S3 and has verified; a
 * document whose upload never happened is re-uploaded from the page (another file is
 * refused in words, the declared one is verified). Every
 * page is checked by axe-core (no serious or critical violation), screenshotted at 1280
 * and 390 px, and must log no error (a CSP refusal of the upload would show here).
 */
import { testApp } from '@sme/api/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, sha256 } from '../support/api-client.js';
import {
  checkPage,
  launchChromium,
  pageWithErrors,
  serveApp,
  signInWithToken,
} from '../support/browser.js';
import { enterpriseClient } from '../support/engagements.js';
import { listMember, memberClient } from '../support/members.js';
import { minimalPdf } from '../support/provider-browser.js';
import { uscc } from '../support/qingdao.js';

type Harness = Awaited<ReturnType<typeof testApp>>;

describe('a member registers an engagement in chromium', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let firm: ApiClient;
  let member = '';
  const firmUscc = uscc(851);

  /** The demo's provider is not a listed member: the member's dev-login token as the session. */
  async function signInAsMember() {
    await signInWithToken(harness.app, context, server.url, {
      role: 'provider',
      tenant: 'qingdao',
      org: member,
      name: '监管测试公司801',
    });
  }

  beforeAll(async () => {
    harness = await testApp({ start: '2025-03-03T10:00:00+08:00' });
    member = await listMember(harness, 'qingdao', 'dx-providers-2024', 801);
    firm = await enterpriseClient(harness, 'qingdao', firmUscc);
    server = await serveApp(harness.app);
    browser = await launchChromium();
    ({ context, page, errors } = await pageWithErrors(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function fillRegistration(kind: string, title: string) {
    await page.getByLabel(/企业统一社会信用代码/).fill(firmUscc);
    await page.getByLabel(/服务类型/).selectOption(kind);
    await page.getByLabel(/服务项目名称/).fill(title);
    await page.getByLabel(/合同签订日期/).fill('2025-02-20');
    await page.getByLabel(/合同金额/).fill('280000');
  }

  it('registers an engagement from the header’s link', async () => {
    await signInAsMember();
    await page.goto(`${server.url}/qingdao`);
    await page.getByRole('link', { name: '服务登记' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('服务登记');
    expect(await checkPage(page, 'provider-engagements-empty')).toEqual([]);

    await fillRegistration('transformation', '冲压车间数字化改造');
    await page.getByRole('button', { name: /登记服务/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('服务已登记');
    expect(await page.locator('h1').textContent()).toBe('冲压车间数字化改造');
    expect(await page.locator('main').textContent()).toContain('「合同签订」尚待企业确认');
    expect(await checkPage(page, 'provider-engagement-registered')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows exclusive_service on the form with the values kept', async () => {
    await page
      .getByRole('link', { name: /服务登记 Engagements/ })
      .first()
      .click();
    await expect
      .poll(() => page.locator('main table').textContent())
      .toContain('冲压车间数字化改造');
    await fillRegistration('assessment', '冲压车间评测验收');
    await page.getByRole('button', { name: /登记服务/ }).click();
    await expect
      .poll(() => page.locator('#register-form [role=alert]').first().textContent())
      .toContain('您已为该企业登记了不可兼任的服务');
    expect(await page.getByLabel(/服务项目名称/).inputValue()).toBe('冲压车间评测验收');
    expect(await page.getByLabel(/服务类型/).inputValue()).toBe('assessment');
    expect(await checkPage(page, 'provider-engagements-refused')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('records the plan with a PDF uploaded straight to storage and verified', async () => {
    const id = await page
      .locator('main table a')
      .first()
      .evaluate((a) => (a as unknown as { pathname: string }).pathname.split('/').pop() ?? '');
    const confirmed = await firm.post(
      `/api/tenants/qingdao/engagements/${id}/milestones/contract/confirm`,
    );
    expect(confirmed.status).toBe(200);
    await page.locator('main table a').first().click();
    await expect.poll(() => page.locator('#milestone-form').count()).toBe(1);
    await page.getByLabel(/环节情况说明/).fill('实施方案已编制，经企业签字确认。');
    expect(await checkPage(page, 'provider-engagement-plan-form')).toEqual([]);
    await page
      .locator('#milestone-documents')
      .setInputFiles({ name: '实施方案.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await page.getByRole('button', { name: /登记实施方案/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 })
      .toContain('环节已登记');
    const plan = (await page.locator('#m-plan').textContent()) ?? '';
    expect(plan).toContain('实施方案已编制，经企业签字确认。');
    expect(plan).toContain('实施方案.pdf');
    expect(plan).toContain('已校验');
    expect(plan).toContain('待企业确认');
    expect(await checkPage(page, 'provider-engagement-milestone')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('re-uploads a document whose upload never happened, refusing another file', async () => {
    const at = page.url().split('?')[0] ?? '';
    const id = at.split('/').pop() ?? '';
    const api = `/api/tenants/qingdao/engagements/${id}`;
    expect((await firm.post(`${api}/milestones/plan/confirm`)).status).toBe(200);
    // The works are declared with their PDF, and the browser that should upload it never does.
    const pdf = minimalPdf();
    const provider = await memberClient(harness, 'qingdao', member);
    const recorded = await provider.post<{ uploads: { documentId: string }[] }>(
      `${api}/milestones`,
      {
        kind: 'works',
        summary: '产线改造完成',
        documents: [
          {
            filename: '改造记录.pdf',
            contentType: 'application/pdf',
            size: pdf.byteLength,
            sha256: sha256(pdf),
          },
        ],
      },
    );
    expect(recorded.status).toBe(201);
    const documentId = recorded.body.uploads[0]?.documentId ?? '';
    await page.goto(at);
    const input = page.locator(`#reupload-${documentId}`);
    const button = page
      .locator('#m-works')
      .getByRole('button', { name: '重新上传 Re-upload', exact: true });
    expect(await checkPage(page, 'provider-engagement-reupload')).toEqual([]);

    const other = Buffer.concat([pdf, Buffer.from('% another file\n')]);
    await input.setInputFiles({ name: '改造记录.pdf', mimeType: 'application/pdf', buffer: other });
    await button.click();
    await expect
      .poll(() => page.locator(`#reupload-${documentId}-status`).textContent(), {
        timeout: 15_000,
      })
      .toContain('与登记的「改造记录.pdf」不一致');
    // The refusal is the one 422 answered to the script, nothing else.
    expect(errors).toEqual([expect.stringMatching(/^422 .*\/upload$/)]);
    errors.length = 0;

    await input.setInputFiles({ name: '改造记录.pdf', mimeType: 'application/pdf', buffer: pdf });
    await button.click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 })
      .toContain('材料已重新上传并校验');
    const works = (await page.locator('#m-works').textContent()) ?? '';
    expect(works).toContain('已校验');
    expect(await page.locator(`#reupload-${documentId}`).count()).toBe(0);
    expect(await checkPage(page, 'provider-engagement-reuploaded')).toEqual([]);
    expect(errors).toEqual([]);
    expect((await firm.post(`${api}/milestones/works/confirm`)).status).toBe(200);
  });
});
