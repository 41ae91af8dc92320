/**
 * The provider's engagement pages (issue 12 items 2 and 9) in process, on DynamoDB Local
 * and the local S3: a Qingdao member registers an engagement through its page (no
 * script), is refused assessing the firm it transforms (`exclusive_service`, 002
 * §二(一)7) with its values kept, records the next milestone once the firm confirmed the
 * contract, declares a PDF with a milestone as the upload script does and has it
 * verified, and downloads its list as CSV with the row; a post without the form token,
 * another provider and another role are refused.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, pdfBytes, sha256, uploadToPresignedPost } from '../support/api-client.js';
import { enterpriseClient } from '../support/engagements.js';
import { listMember } from '../support/members.js';
import { formFields, PageClient, textOf } from '../support/page-client.js';
import { uscc } from '../support/qingdao.js';

const START = '2025-03-03T10:00:00+08:00';
const PAGE = '/qingdao/me/engagements';

let harness: Awaited<ReturnType<typeof testApp>>;
let provider: PageClient;
let firm: ApiClient;
let org = '';
let id = '';
const firmUscc = uscc(751);

const registration = {
  enterpriseUscc: firmUscc,
  kind: 'transformation',
  title: '冲压车间数字化改造',
  contractSignedAt: '2025-02-20',
  amount: '280,000',
};

async function providerPage(who: string, role = 'provider') {
  const page = new PageClient(harness.app);
  await page.signInWith({ role, tenant: 'qingdao', org: who, name: '监管测试公司701' });
  return page;
}

/** Posts JSON as the upload script does: the session cookie and the token in a header. */
async function postJson(page: PageClient, path: string, body: unknown) {
  const token = await page.csrf();
  const res = await harness.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': token,
      cookie: [...page.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  harness = await testApp({ start: START });
  org = await listMember(harness, 'qingdao', 'dx-providers-2024', 701);
  provider = await providerPage(org);
  firm = await enterpriseClient(harness, 'qingdao', firmUscc);
}, 120_000);

describe('/<t>/me/engagements', () => {
  it('offers the page in the navigation, with the register form and an empty list', async () => {
    const page = await provider.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="${PAGE}"`);
    expect(textOf(page.html)).toContain('暂无服务登记');
    expect(page.html).toContain('id="register-form"');
    expect(page.html).toContain(`href="${PAGE}/download?format=csv"`);
  });

  it('refuses a post without the form token, registering nothing', async () => {
    const refused = await provider.post(PAGE, registration, { csrf: false });
    expect(refused.status).toBe(403);
    expect(textOf((await provider.get(PAGE)).html)).toContain('暂无服务登记');
  });

  it('shows a bad field beside it with the values kept', async () => {
    const bad = await provider.post(PAGE, { ...registration, enterpriseUscc: '91370200ABC' });
    expect(bad.status).toBe(422);
    expect(textOf(bad.html)).toContain('企业统一社会信用代码无效');
    const kept = formFields(bad.html, 'register-form');
    expect(kept.title).toEqual([registration.title]);
    expect(kept.kind).toEqual(['transformation']);
  });

  it('registers an engagement once, posted twice, and lists it', async () => {
    const [key] = formFields((await provider.get(PAGE)).html, 'register-form').idempotencyKey ?? [];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const posted = { ...registration, idempotencyKey: key ?? '' };
    const done = await provider.post(PAGE, posted);
    expect(done.status).toBe(303);
    expect(done.location).toMatch(new RegExp(`^${PAGE}/[^/?]+\\?done=registered$`));
    // The same form posted again (a double click) answers the engagement it registered.
    const again = await provider.post(PAGE, posted);
    expect(again.status).toBe(303);
    expect(again.location).toBe(done.location);
    id = done.location?.split('/').pop()?.split('?')[0] ?? '';
    const detail = await provider.get(done.location ?? '');
    expect(detail.status).toBe(200);
    const text = textOf(detail.html);
    expect(text).toContain('服务已登记，待企业确认合同');
    expect(text).toContain('280,000 元');
    expect(text).toContain('合同签订');
    expect(text).toContain('待企业确认');
    expect(text).toContain('「合同签订」尚待企业确认');
    expect(detail.html).not.toContain('id="milestone-form"');

    const list = await provider.get(PAGE);
    const row = textOf(list.html);
    expect(list.html).toContain(`href="${PAGE}/${id}"`);
    expect(row).toContain(firmUscc);
    expect(row).toContain('数字化改造');
    expect(row).toContain('2025-02-20');
    expect(row).toContain('合同签订（待企业确认）');
  });

  it('shows exclusive_service on the form in Chinese and English, values kept, never a 500', async () => {
    const refused = await provider.post(PAGE, {
      ...registration,
      kind: 'assessment',
      title: '冲压车间评测验收',
    });
    expect(refused.status).toBe(409);
    const text = textOf(refused.html);
    expect(text).toContain('您已为该企业登记了不可兼任的服务');
    expect(text).toContain('002 §二(一)7');
    expect(text).toContain('You already serve this enterprise');
    const kept = formFields(refused.html, 'register-form');
    expect(kept).toMatchObject({
      enterpriseUscc: [firmUscc],
      kind: ['assessment'],
      title: ['冲压车间评测验收'],
      contractSignedAt: ['2025-02-20'],
      amount: ['280,000'],
    });
  });

  it('records the next milestone once the firm confirmed the one before', async () => {
    const early = await provider.post(`${PAGE}/${id}/milestones`, {
      kind: 'plan',
      summary: '实施方案已编制',
    });
    expect(early.status).toBe(409);
    expect(textOf(early.html)).toContain('「合同签订」尚待企业确认');

    const at = `/api/tenants/qingdao/engagements/${id}`;
    expect((await firm.post(`${at}/milestones/contract/confirm`)).status).toBe(200);
    const page = await provider.get(`${PAGE}/${id}`);
    expect(page.html).toContain('id="milestone-form"');
    expect(textOf(page.html)).toMatch(
      /企业已确认 Confirmed \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/,
    );
    expect(formFields(page.html, 'milestone-form').kind).toEqual(['plan']);

    const empty = await provider.post(`${PAGE}/${id}/milestones`, { kind: 'plan', summary: '' });
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain('请填写「环节情况说明」');

    const done = await provider.post(`${PAGE}/${id}/milestones`, {
      kind: 'plan',
      summary: '实施方案已编制，企业签字',
    });
    expect(done.status).toBe(303);
    const shown = textOf((await provider.get(done.location ?? '')).html);
    expect(shown).toContain('环节已登记，待企业确认');
    expect(shown).toContain('实施方案已编制，企业签字');
    expect(shown).toContain('「实施方案」尚待企业确认');
  });

  it('declares a milestone with its PDF as the upload script does, and verifies it', async () => {
    const at = `/api/tenants/qingdao/engagements/${id}`;
    expect((await firm.post(`${at}/milestones/plan/confirm`)).status).toBe(200);
    const bytes = pdfBytes('改造记录');
    const declared = await postJson(provider, `${PAGE}/${id}/milestones`, {
      kind: 'works',
      summary: '产线改造完成',
      documents: [
        {
          filename: '改造记录.pdf',
          contentType: 'application/pdf',
          size: bytes.byteLength,
          sha256: sha256(bytes),
        },
      ],
    });
    expect(declared.status).toBe(201);
    const [ticket] = declared.body.uploads as {
      upload: { url: string; fields: Record<string, string> };
      complete: string;
    }[];
    if (!ticket) throw new Error('no upload');
    expect(declared.body.next).toBe(`${PAGE}/${id}?done=milestone#m-works`);
    expect(textOf((await provider.get(`${PAGE}/${id}`)).html)).toContain('已登记，待上传');
    expect(await uploadToPresignedPost(ticket.upload, bytes, 'application/pdf')).toBeLessThan(300);
    const completed = await postJson(provider, ticket.complete, {});
    expect(completed).toEqual({ status: 200, body: { status: 'verified' } });
    const page = await provider.get(`${PAGE}/${id}`);
    expect(textOf(page.html)).toContain('改造记录.pdf');
    expect(textOf(page.html)).toContain('已校验');
    const link = page.html.match(/href="([^"]+\/documents\/[^"]+)"/)?.[1] ?? '';
    const opened = await provider.get(link);
    expect(opened.status).toBe(303);
    expect(opened.location).toContain('X-Amz-Signature');

    // A refusal reaches the script as `{ code, message }`, never a 500.
    const twice = await postJson(provider, `${PAGE}/${id}/milestones`, {
      kind: 'internal_acceptance',
      summary: '内部验收',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'milestone_unconfirmed',
      message: { zh: expect.stringContaining('项目改造') },
    });
  });

  it('registers with the signed contract as the script does; a bad body is refused as JSON', async () => {
    const bytes = pdfBytes('服务合同');
    const declared = await postJson(provider, PAGE, {
      ...registration,
      enterpriseUscc: uscc(752),
      amount: '',
      documents: [
        {
          filename: '服务合同.pdf',
          contentType: 'application/pdf',
          size: bytes.byteLength,
          sha256: sha256(bytes),
        },
      ],
    });
    expect(declared.status).toBe(201);
    const [ticket] = declared.body.uploads as { complete: string }[];
    expect(ticket?.complete).toMatch(new RegExp(`^${PAGE}/[^/]+/documents/[^/]+/complete$`));
    expect(declared.body.next).toMatch(new RegExp(`^${PAGE}/[^/?]+\\?done=registered$`));
    // Completed before the upload: the platform's verification refuses it, in words.
    const early = await postJson(provider, ticket?.complete ?? '', {});
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ message: { zh: expect.any(String) } });

    const bad = await postJson(provider, PAGE, { ...registration, title: '' });
    expect(bad).toEqual({
      status: 422,
      body: {
        code: 'validation_failed',
        message: { zh: '请填写「服务项目名称」', en: 'Enter Title' },
      },
    });
  });

  it('offers a pending document a re-upload that the script drives, for the declared file only', async () => {
    const bytes = pdfBytes('服务合同（重传）');
    const declared = await postJson(provider, PAGE, {
      ...registration,
      enterpriseUscc: uscc(753),
      amount: '',
      documents: [
        {
          filename: '合同扫描件.pdf',
          contentType: 'application/pdf',
          size: bytes.byteLength,
          sha256: sha256(bytes),
        },
      ],
    });
    expect(declared.status).toBe(201);
    // The browser never uploads it: the page offers it again, for the script.
    const [first] = declared.body.uploads as { documentId: string }[];
    const documentId = first?.documentId ?? '';
    const engagement = String(declared.body.next).split('/').pop()?.split('?')[0] ?? '';
    const detail = `${PAGE}/${engagement}`;
    const action = `${detail}/documents/${documentId}/upload`;
    const page = await provider.get(detail);
    expect(textOf(page.html)).toContain('重新上传「合同扫描件.pdf」 Re-upload');
    expect(textOf(page.html)).toContain('请选择登记时的同一文件');
    expect(page.html).toContain(`data-declare="${action}"`);
    expect(page.html).toContain(`id="reupload-${documentId}"`);

    // Another file than the one declared is refused before it is sent, in words.
    const other = pdfBytes('另一份文件');
    const wrong = await postJson(provider, action, {
      documents: [
        {
          filename: 'x.pdf',
          contentType: 'application/pdf',
          size: other.byteLength,
          sha256: sha256(other),
        },
      ],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({
      code: 'checksum_mismatch',
      message: { zh: expect.stringContaining('与登记的「合同扫描件.pdf」不一致') },
    });

    const intruder = await providerPage(
      await listMember(harness, 'qingdao', 'dx-providers-2024', 703),
    );
    const same = [
      {
        filename: '合同扫描件.pdf',
        contentType: 'application/pdf',
        size: bytes.byteLength,
        sha256: sha256(bytes),
      },
    ];
    expect((await postJson(intruder, action, { documents: same })).status).toBe(403);

    const again = await postJson(provider, action, { documents: same });
    expect(again.status).toBe(200);
    expect(again.body.next).toBe(`${detail}?done=reuploaded`);
    const [ticket] = again.body.uploads as {
      documentId: string;
      upload: { url: string; fields: Record<string, string> };
      complete: string;
    }[];
    if (!ticket) throw new Error('no upload');
    expect(ticket.documentId).toBe(documentId);
    expect(ticket.complete).toBe(`${detail}/documents/${documentId}/complete`);
    expect(await uploadToPresignedPost(ticket.upload, bytes, 'application/pdf')).toBeLessThan(300);
    expect(await postJson(provider, ticket.complete, {})).toEqual({
      status: 200,
      body: { status: 'verified' },
    });
    const done = await provider.get(`${detail}?done=reuploaded`);
    expect(textOf(done.html)).toContain('材料已重新上传并校验');
    expect(done.html).not.toContain(`id="reupload-${documentId}"`);
    const twice = await postJson(provider, action, { documents: same });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'document_verified' });
  });

  it('downloads the list as CSV with the row, as the page shows it', async () => {
    const csv = await provider.get(`${PAGE}/download?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.html.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      '服务项目,企业（统一社会信用代码）,服务类型,合同签订日期,当前环节,企业评价',
    );
    expect(lines).toContain(
      `冲压车间数字化改造,${firmUscc},数字化改造,2025-02-20,项目改造（待企业确认）,—`,
    );
    const xlsx = await provider.get(`${PAGE}/download?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('shows another provider none of it, and refuses other roles', async () => {
    const other = await providerPage(
      await listMember(harness, 'qingdao', 'dx-providers-2024', 702),
    );
    expect(textOf((await other.get(PAGE)).html)).not.toContain('冲压车间数字化改造');
    expect((await other.get(`${PAGE}/${id}`)).status).toBe(403);
    const posted = await other.post(`${PAGE}/${id}/milestones`, {
      kind: 'internal_acceptance',
      summary: '冒名登记',
    });
    expect(posted.status).toBe(403);
    const enterprise = await providerPage(firmUscc, 'enterprise');
    expect((await enterprise.get(PAGE)).status).toBe(403);
    const anonymous = await new PageClient(harness.app).get(PAGE);
    expect(anonymous.status).toBe(303);
  });
});
