import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TenantScopeError } from '../errors.js';
import { createTestStore, type TestStore } from '../local-store.test-support.js';
import { documentObjectKey } from './object-key.js';

const ctx = { tenant: 'qingdao' };
const USCC = '91350100M000100Y43';
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

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

describe('documentObjectKey', () => {
  it('follows tenant/<tenant>/org/<uscc>/<owner>/<kind>/<sha256>', () => {
    const digest = sha256(pdf);
    expect(
      documentObjectKey(ctx, {
        uscc: USCC,
        ownerId: 'app-1',
        kind: 'credit-report',
        sha256: digest,
      }),
    ).toBe(`tenant/qingdao/org/${USCC}/app-1/credit-report/${digest}`);
  });

  it('refuses an invalid USCC, an unsafe segment or a malformed digest', () => {
    const base = { uscc: USCC, ownerId: 'app-1', kind: 'credit-report', sha256: sha256(pdf) };
    expect(() => documentObjectKey(ctx, { ...base, uscc: '91350100M000100Y44' })).toThrow(
      RangeError,
    );
    expect(() => documentObjectKey(ctx, { ...base, ownerId: '../x' })).toThrow(RangeError);
    expect(() => documentObjectKey(ctx, { ...base, sha256: 'ABC' })).toThrow(RangeError);
  });
});

describe('DocumentStore on the local S3', () => {
  it('takes an upload through a presigned POST and reads back its size, digest and magic bytes', async () => {
    const key = documentObjectKey(ctx, {
      uscc: USCC,
      ownerId: 'app-1',
      kind: 'credit-report',
      sha256: sha256(pdf),
    });
    const response = await uploadThroughPresignedPost(key, pdf);
    expect(response.status).toBeLessThan(300);
    const inspected = await store.documents.inspect(ctx, key);
    expect(inspected?.size).toBe(pdf.byteLength);
    expect(inspected?.sha256).toBe(sha256(pdf));
    expect(Buffer.from(inspected?.head ?? []).toString('latin1')).toBe('%PDF-1.7');
  });

  it('fixes the key, content type and exact size in the POST policy', async () => {
    const key = documentObjectKey(ctx, {
      uscc: USCC,
      ownerId: 'app-2',
      kind: 'integrity-pledge',
      sha256: sha256(pdf),
    });
    const { fields } = await store.documents.presignUpload(ctx, {
      key,
      contentType: 'application/pdf',
      size: 1234,
    });
    expect(fields.key).toBe(key);
    const policy = JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as {
      conditions: unknown[];
      expiration: string;
    };
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'application/pdf']);
    expect(policy.conditions).toContainEqual(['content-length-range', 1234, 1234]);
    expect(policy.conditions).toContainEqual({ key });
  });

  it('answers undefined for an object that was never uploaded', async () => {
    const key = documentObjectKey(ctx, {
      uscc: USCC,
      ownerId: 'app-3',
      kind: 'credit-report',
      sha256: sha256(Buffer.from('x')),
    });
    expect(await store.documents.inspect(ctx, key)).toBeUndefined();
  });

  it("refuses to presign or read another tenant's key", async () => {
    const key = documentObjectKey(
      { tenant: 'jinan' },
      { uscc: USCC, ownerId: 'a', kind: 'k', sha256: sha256(pdf) },
    );
    await expect(store.documents.inspect(ctx, key)).rejects.toBeInstanceOf(TenantScopeError);
    await expect(
      store.documents.presignUpload(ctx, { key, contentType: 'application/pdf', size: 1 }),
    ).rejects.toBeInstanceOf(TenantScopeError);
  });
});
