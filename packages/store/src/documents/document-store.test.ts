import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TenantScopeError } from '../errors.js';
import { createTestStore, type TestStore } from '../local-store.test-support.js';
import { MAX_READ_SECONDS } from './document-store.js';
import { documentObjectKey, stagingObjectKey } from './object-key.js';

const ctx = { tenant: 'qingdao' };
const USCC = '91350100M000100Y43';
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});

async function uploadThroughPresignedPost(
  key: string,
  body: Buffer,
  contentType = 'application/pdf',
) {
  const { url, fields } = await store.documents.presignUpload(ctx, {
    key,
    contentType,
    size: body.byteLength,
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(body)], { type: contentType }), 'report.pdf');
  return fetch(url, { method: 'POST', body: form });
}

const staging = (documentId: string) =>
  stagingObjectKey(ctx, { uscc: USCC, ownerId: 'app-1', documentId });
const verified = (bytes: Uint8Array, ownerId = 'app-1') =>
  documentObjectKey(ctx, { uscc: USCC, ownerId, kind: 'credit-report', sha256: sha256(bytes) });

describe('document object keys', () => {
  it('keeps verified documents at tenant/<tenant>/org/<uscc>/<owner>/<kind>/<sha256>', () => {
    expect(verified(pdf)).toBe(`tenant/qingdao/org/${USCC}/app-1/credit-report/${sha256(pdf)}`);
  });

  it('stages uploads under tenant/<tenant>/staging/, one key per declaration', () => {
    expect(staging('d-1')).toBe(`tenant/qingdao/staging/${USCC}/app-1/d-1`);
  });

  it('refuses an invalid USCC, an unsafe segment or a malformed digest', () => {
    const base = { uscc: USCC, ownerId: 'app-1', kind: 'credit-report', sha256: sha256(pdf) };
    expect(() => documentObjectKey(ctx, { ...base, uscc: '91350100M000100Y44' })).toThrow(
      RangeError,
    );
    expect(() => documentObjectKey(ctx, { ...base, ownerId: '../x' })).toThrow(RangeError);
    expect(() => documentObjectKey(ctx, { ...base, sha256: 'ABC' })).toThrow(RangeError);
    expect(() => stagingObjectKey(ctx, { uscc: USCC, ownerId: 'a', documentId: 'x/y' })).toThrow(
      RangeError,
    );
  });
});

describe('DocumentStore on the local S3', () => {
  it('reads a staged upload once and keeps exactly those bytes at the verified key', async () => {
    const key = staging('d-1');
    expect((await uploadThroughPresignedPost(key, pdf)).status).toBeLessThan(300);
    const staged = await store.documents.readStaged(ctx, key, 1024);
    expect(staged).toMatchObject({ size: pdf.byteLength, sha256: sha256(pdf) });
    await store.documents.storeVerified(ctx, verified(pdf), staged!.bytes, 'application/pdf');

    // The form stays valid: other bytes of the same size land on the staging key only.
    const other = Buffer.from(pdf.toString('latin1').replace('1.7', '1.6'), 'latin1');
    expect((await uploadThroughPresignedPost(key, other)).status).toBeLessThan(300);
    const read = await store.documents.presignRead(ctx, verified(pdf), {
      filename: '信用报告.pdf',
      contentType: 'application/pdf',
    });
    const served = new Uint8Array(await (await fetch(read.url)).arrayBuffer());
    expect(sha256(served)).toBe(sha256(pdf));
  });

  it('stops reading an upload one byte past the limit', async () => {
    const key = staging('d-2');
    const big = Buffer.alloc(4096, 7);
    await uploadThroughPresignedPost(key, big);
    const staged = await store.documents.readStaged(ctx, key, 100);
    expect(staged?.size).toBe(101);
  });

  it('opens a verified object for at most five minutes, under its own file name', async () => {
    await store.documents.storeVerified(ctx, verified(pdf, 'app-9'), pdf, 'application/pdf');
    const read = await store.documents.presignRead(ctx, verified(pdf, 'app-9'), {
      filename: '信用报告.pdf',
      contentType: 'application/pdf',
      expiresInSeconds: 3600,
    });
    expect(read.expiresInSeconds).toBe(MAX_READ_SECONDS);
    const url = new URL(read.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(MAX_READ_SECONDS));
    const response = await fetch(read.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      encodeURIComponent('信用报告.pdf'),
    );
  });

  it('fixes the key, content type and exact size in the POST policy, for staging keys only', async () => {
    const key = staging('d-3');
    const { fields } = await store.documents.presignUpload(ctx, {
      key,
      contentType: 'application/pdf',
      size: 1234,
    });
    expect(fields.key).toBe(key);
    const policy = JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as {
      conditions: unknown[];
    };
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'application/pdf']);
    expect(policy.conditions).toContainEqual(['content-length-range', 1234, 1234]);
    expect(policy.conditions).toContainEqual({ key });
    await expect(
      store.documents.presignUpload(ctx, {
        key: verified(pdf),
        contentType: 'application/pdf',
        size: 1,
      }),
    ).rejects.toBeInstanceOf(RangeError);
  });

  it('answers undefined for an upload that never came', async () => {
    expect(await store.documents.readStaged(ctx, staging('never'), 10)).toBeUndefined();
  });

  it("refuses to presign or read another tenant's key", async () => {
    const key = stagingObjectKey(
      { tenant: 'jinan' },
      { uscc: USCC, ownerId: 'a', documentId: 'd' },
    );
    await expect(store.documents.readStaged(ctx, key, 10)).rejects.toBeInstanceOf(TenantScopeError);
    await expect(
      store.documents.presignUpload(ctx, { key, contentType: 'application/pdf', size: 1 }),
    ).rejects.toBeInstanceOf(TenantScopeError);
  });
});
