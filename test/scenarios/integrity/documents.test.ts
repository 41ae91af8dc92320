/**
 * Issue 9, defects 3, 6 and 7: a verified document cannot be swapped, is opened through
 * a short presigned read that is recorded, changes only while the application may be
 * edited, is part of the audit trail, and no number of declarations makes the
 * application unreadable.
 */
import { createHash } from 'node:crypto';
import { testApp } from '@sme/api/testing';
import type { HistoryEvent } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  attachPdf,
  pdfBytes,
  sha256,
  uploadToPresignedPost,
} from '../../support/api-client.js';
import { OPEN_AT, PRODUCT_DOCUMENTS, uscc } from '../../support/qingdao.js';
import { type Harness, reviewCatchesUp, reviewerOf } from '../../support/review-walk.js';
import { draftApplication } from '../../support/submitted.js';

let harness: Harness;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

type Upload = { documentId: string; upload: { url: string; fields: Record<string, string> } };

async function declare(client: ApiClient, id: string, bytes: Uint8Array, kind = 'case-evidence') {
  const declared = await client.post<Upload>(`/api/tenants/qingdao/applications/${id}/documents`, {
    kind,
    filename: '案例证明.pdf',
    contentType: 'application/pdf',
    size: bytes.byteLength,
    sha256: sha256(bytes),
  });
  expect(declared.status).toBe(201);
  return declared.body;
}

const complete = (client: ApiClient, id: string, documentId: string) =>
  client.post(`/api/tenants/qingdao/applications/${id}/documents/${documentId}/complete`);

/** Opens a document as `client` and answers the bytes the link serves. */
async function open(client: ApiClient, id: string, documentId: string) {
  const link = await client.get<{ url: string; expiresAt: string }>(
    `/api/tenants/qingdao/applications/${id}/documents/${documentId}`,
  );
  if (link.status !== 200) return { status: link.status, body: link.body };
  const url = new URL(link.body.url);
  const bytes = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
  return {
    status: 200,
    sha: sha256(bytes),
    expires: Number(url.searchParams.get('X-Amz-Expires')),
  };
}

/** Other bytes of exactly the same size: a forged PDF. */
function sameSizeForgery(original: Uint8Array): Uint8Array {
  const forged = new Uint8Array(original);
  forged[forged.length - 2] = forged[forged.length - 2] === 0x41 ? 0x42 : 0x41;
  return forged;
}

describe('a verified document', () => {
  it('keeps the bytes that were hashed, whatever is posted to its upload form afterwards', async () => {
    const { provider, id } = await draftApplication(harness.app, uscc(93_001), {
      name: '文档测试公司一',
      region: 'laoshan',
    });
    const original = pdfBytes('原件');
    const declared = await declare(provider, id, original);
    expect(await uploadToPresignedPost(declared.upload, original, 'application/pdf')).toBeLessThan(
      300,
    );
    expect((await complete(provider, id, declared.documentId)).body).toEqual({
      status: 'verified',
    });

    // Before submission: the form still accepts bytes, but they never reach what is read.
    await uploadToPresignedPost(declared.upload, sameSizeForgery(original), 'application/pdf');
    expect((await complete(provider, id, declared.documentId)).body).toEqual({
      status: 'verified',
    });
    expect(await open(provider, id, declared.documentId)).toMatchObject({
      status: 200,
      sha: sha256(original),
    });

    // After submission, as the reviewer opens it.
    for (const kind of PRODUCT_DOCUMENTS) await attachPdf(provider, 'qingdao', id, kind);
    expect((await provider.post(`/api/tenants/qingdao/applications/${id}/submit`)).status).toBe(
      200,
    );
    await uploadToPresignedPost(declared.upload, sameSizeForgery(original), 'application/pdf');
    await reviewCatchesUp(harness);
    const reviewer = await reviewerOf(harness, 'laoshan');
    const read = await open(reviewer, id, declared.documentId);
    expect(read).toMatchObject({ status: 200, sha: sha256(original) });
    expect(read.expires).toBeLessThanOrEqual(300);

    // Out of scope, anonymous, or not on the panel: no link.
    expect((await open(await reviewerOf(harness, 'shinan'), id, declared.documentId)).status).toBe(
      403,
    );
    expect((await open(new ApiClient(harness.app), id, declared.documentId)).status).toBe(401);
    const expert = await ApiClient.signIn(harness.app, {
      role: 'expert',
      tenant: 'qingdao',
      expertId: 'e-1',
    });
    expect((await open(expert, id, declared.documentId)).status).toBe(403);

    // Every read is recorded with who and when.
    const reads = await harness.platform.repositories.reads.list(
      { tenant: 'qingdao', province: 'shandong' },
      id,
    );
    expect(reads.map((r) => r.role).sort()).toEqual(['district_reviewer', 'provider']);
    expect(reads.every((r) => r.documentId === declared.documentId)).toBe(true);
  });

  it('refuses the swap at verification when other bytes are posted before it', async () => {
    const { provider, id } = await draftApplication(harness.app, uscc(93_002), {
      name: '文档测试公司二',
      region: 'laoshan',
    });
    const original = pdfBytes('原件二');
    const declared = await declare(provider, id, original);
    await uploadToPresignedPost(declared.upload, sameSizeForgery(original), 'application/pdf');
    expect((await complete(provider, id, declared.documentId)).body).toMatchObject({
      status: 422,
      code: 'checksum_mismatch',
    });
    expect((await open(provider, id, declared.documentId)).body).toMatchObject({
      code: 'document_not_verified',
    });
  });
});

describe('documents and the audit trail', () => {
  it('record declared, verified and replaced documents in the history, whose digest covers them', async () => {
    const { provider, id } = await draftApplication(harness.app, uscc(93_003), {
      name: '文档测试公司三',
      region: 'laoshan',
    });
    const first = await attachPdf(provider, 'qingdao', id, 'credit-report');
    const better = pdfBytes('新版信用报告');
    const replacing = await provider.post<Upload>(
      `/api/tenants/qingdao/applications/${id}/documents`,
      {
        kind: 'credit-report',
        filename: '信用报告（新）.pdf',
        contentType: 'application/pdf',
        size: better.byteLength,
        sha256: sha256(better),
        replaces: first,
      },
    );
    expect(replacing.status).toBe(201);
    await uploadToPresignedPost(replacing.body.upload, better, 'application/pdf');
    expect((await complete(provider, id, replacing.body.documentId)).status).toBe(200);

    const record = await provider.get<{ documents: { documentId: string; status: string }[] }>(
      `/api/tenants/qingdao/applications/${id}`,
    );
    expect(record.body.documents.map((d) => [d.documentId, d.status]).sort()).toEqual(
      [
        [first, 'replaced'],
        [replacing.body.documentId, 'verified'],
      ].sort(),
    );
    const history = (
      await provider.get<{ items: HistoryEvent[] }>(
        `/api/tenants/qingdao/applications/${id}/history`,
      )
    ).body.items;
    expect(history.map((e) => e.reason?.split(/[：/]/)[0])).toEqual([
      '创建申报 ',
      '登记材料',
      '材料已校验',
      '登记材料',
      '替换材料',
    ]);
    const digests = new Set(history.map((e) => e.digest));
    expect(digests.size).toBe(history.length);
  });

  it('changes only while the application may be edited', async () => {
    const { provider, id } = await draftApplication(harness.app, uscc(93_004), {
      name: '文档测试公司四',
      region: 'laoshan',
    });
    const extra = pdfBytes('补充案例');
    const pending = await declare(provider, id, extra);
    for (const kind of PRODUCT_DOCUMENTS) await attachPdf(provider, 'qingdao', id, kind);
    expect((await provider.post(`/api/tenants/qingdao/applications/${id}/submit`)).status).toBe(
      200,
    );
    await uploadToPresignedPost(pending.upload, extra, 'application/pdf');
    expect((await complete(provider, id, pending.documentId)).body).toMatchObject({
      status: 409,
      code: 'not_editable',
    });
    const late = await provider.post(`/api/tenants/qingdao/applications/${id}/documents`, {
      kind: 'case-evidence',
      filename: 'x.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'a'.repeat(64),
    });
    expect(late.body).toMatchObject({ status: 409, code: 'not_editable' });
  });

  it('are limited per kind, so no number of declarations makes the application unreadable', async () => {
    const { provider, id } = await draftApplication(harness.app, uscc(93_005), {
      name: '文档测试公司五',
      region: 'laoshan',
    });
    for (let i = 0; i < 5; i += 1) await declare(provider, id, pdfBytes(`案例${i}`));
    const sixth = await provider.post(`/api/tenants/qingdao/applications/${id}/documents`, {
      kind: 'case-evidence',
      filename: '案例6.pdf',
      contentType: 'application/pdf',
      size: 100,
      sha256: createHash('sha256').update('6').digest('hex'),
    });
    expect(sixth.body).toMatchObject({ status: 422, code: 'too_many_documents' });
    expect((sixth.body as { detail: string }).detail).toContain('服务案例证明材料');
    const wrongType = await provider.post(`/api/tenants/qingdao/applications/${id}/documents`, {
      kind: 'credit-report',
      filename: 'x.png',
      contentType: 'image/png',
      size: 100,
      sha256: 'b'.repeat(64),
    });
    expect((wrongType.body as { detail: string }).detail).toContain('PDF 文件');
    expect((wrongType.body as { detail: string }).detail).not.toContain('application/pdf');
    expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).status).toBe(200);
  });
});
