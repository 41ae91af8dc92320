/**
 * A milestone document whose upload never finished (the browser failed, the tab closed,
 * the form expired) stays pending, and the firm cannot confirm the milestone: its
 * provider, and only it, gets a fresh upload form for that same declared document, on
 * DynamoDB Local and the local S3. The verification still checks the declared size and
 * SHA-256, and a verified document is not re-opened.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes, sha256, uploadToPresignedPost } from '../../support/api-client.js';
import { type EngagementJson, enterpriseClient, register } from '../../support/engagements.js';
import { listMember, memberClient } from '../../support/members.js';
import { uscc } from '../../support/qingdao.js';

const QD = '/api/tenants/qingdao';

let harness: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  harness = await testApp({ start: '2025-03-03T10:00:00+08:00' });
});

type Ticket = { documentId: string; upload: { url: string; fields: Record<string, string> } };

const declared = (filename: string, bytes: Uint8Array) => ({
  filename,
  contentType: 'application/pdf',
  size: bytes.byteLength,
  sha256: sha256(bytes),
});

describe('re-uploading a pending milestone document', () => {
  it('lets the provider finish an upload that never happened, so the firm can confirm', async () => {
    const org = await listMember(harness, 'qingdao', 'dx-providers-2024', 421);
    const provider = await memberClient(harness, 'qingdao', org);
    const firm = uscc(471);
    const enterprise = await enterpriseClient(harness, 'qingdao', firm);
    const { body } = await register(provider, 'qingdao', firm);
    const at = `${QD}/engagements/${body.id}`;
    expect((await enterprise.post(`${at}/milestones/contract/confirm`)).status).toBe(200);

    // The plan is recorded with its document declared, and the browser never uploads it.
    const plan = pdfBytes('实施方案');
    const recorded = await provider.post<EngagementJson>(`${at}/milestones`, {
      kind: 'plan',
      summary: '实施方案已编制',
      documents: [declared('实施方案.pdf', plan)],
    });
    expect(recorded.status).toBe(201);
    const [first] = recorded.body.uploads ?? [];
    if (!first) throw new Error('no upload form');
    const documentId = first.documentId;
    const stuck = await enterprise.post(`${at}/milestones/plan/confirm`);
    expect(stuck.body).toMatchObject({ code: 'documents_unverified' });
    const missing = await provider.post(`${at}/documents/${documentId}/complete`);
    expect(missing.body).toMatchObject({ code: 'missing_upload' });

    // Only its provider gets a fresh form, for a document there is.
    const other = await listMember(harness, 'qingdao', 'dx-providers-2024', 422);
    const stranger = await memberClient(harness, 'qingdao', other);
    const refused = await stranger.post(`${at}/documents/${documentId}/upload`);
    expect(refused.status).toBe(403);
    expect((await enterprise.post(`${at}/documents/${documentId}/upload`)).status).toBe(403);
    const unknown = await provider.post(`${at}/documents/no-such-document/upload`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'document_not_found' });

    // A fresh form for the same staging object; a wrong file fails the verification.
    const again = await provider.post<Ticket>(`${at}/documents/${documentId}/upload`);
    expect(again.status).toBe(200);
    expect(again.body.documentId).toBe(documentId);
    expect(again.body.upload.fields.key).toBe(first.upload.fields.key);
    expect(
      await uploadToPresignedPost(again.body.upload, pdfBytes('别的文件'), 'application/pdf'),
    ).toBeLessThan(300);
    const wrong = await provider.post(`${at}/documents/${documentId}/complete`);
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'checksum_mismatch' });

    const retry = await provider.post<Ticket>(`${at}/documents/${documentId}/upload`);
    expect(retry.status).toBe(200);
    expect(await uploadToPresignedPost(retry.body.upload, plan, 'application/pdf')).toBeLessThan(
      300,
    );
    const done = await provider.post(`${at}/documents/${documentId}/complete`);
    expect(done.body).toEqual({ status: 'verified' });

    // Verified, it is not re-opened; the firm confirms what was checked.
    const verified = await provider.post(`${at}/documents/${documentId}/upload`);
    expect(verified.status).toBe(409);
    expect(verified.body).toMatchObject({ code: 'document_verified' });
    const confirmed = await enterprise.post<EngagementJson>(`${at}/milestones/plan/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.milestones.find((m) => m.kind === 'plan')).toMatchObject({
      confirmedAt: expect.any(String),
      documents: [{ documentId, status: 'verified' }],
    });

    // Each fresh form is a change of the engagement, in its history.
    const read = await provider.get<{ history: { reason?: string }[] }>(at);
    expect(read.body.history.filter((e) => e.reason?.startsWith('重新上传材料'))).toHaveLength(2);
  });
});
