/**
 * Documents in S3. Browsers upload straight to the bucket with a presigned POST whose
 * policy fixes the key, the content type and the size; after the upload the API reads
 * the object back to verify what was declared. The verification is the real guard: the
 * local S3 does not enforce POST policies at all (STACK.md).
 */
import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  NotFound,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPost } from '@aws-sdk/s3-presigned-post';
import { TenantScopeError } from '../errors.js';
import type { TenantContext } from '../table/keys.js';
import { tenantObjectPrefix } from './object-key.js';

export interface UploadPolicy {
  key: string;
  contentType: string;
  /** The exact size declared; the policy allows only that. */
  size: number;
  /** How long the form may be used. @default 900 */
  expiresInSeconds?: number;
}

export interface InspectedObject {
  size: number;
  /** Lower-case hex SHA-256 of the whole object. */
  sha256: string;
  /** The first bytes, for magic-number checks (`%PDF-`). */
  head: Uint8Array;
}

const HEAD_BYTES = 8;

export class DocumentStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  private assertOwned(ctx: TenantContext, key: string): void {
    if (!key.startsWith(tenantObjectPrefix(ctx)))
      throw new TenantScopeError(ctx.tenant, 'object key');
  }

  /** A presigned POST for one object of exactly the declared type and size. */
  async presignUpload(ctx: TenantContext, policy: UploadPolicy): Promise<PresignedPost> {
    this.assertOwned(ctx, policy.key);
    return createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: policy.key,
      Conditions: [
        ['eq', '$Content-Type', policy.contentType],
        ['content-length-range', policy.size, policy.size],
      ],
      Fields: { 'Content-Type': policy.contentType },
      Expires: policy.expiresInSeconds ?? 900,
    });
  }

  /** Reads an object through once: its size, SHA-256 and first bytes; undefined if absent. */
  async inspect(ctx: TenantContext, key: string): Promise<InspectedObject | undefined> {
    this.assertOwned(ctx, key);
    let body: AsyncIterable<Uint8Array>;
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      body = object.Body as AsyncIterable<Uint8Array>;
    } catch (error) {
      if (error instanceof NoSuchKey || error instanceof NotFound) return undefined;
      throw error;
    }
    const hash = createHash('sha256');
    const head: number[] = [];
    let size = 0;
    for await (const chunk of body) {
      hash.update(chunk);
      size += chunk.byteLength;
      for (let i = 0; head.length < HEAD_BYTES && i < chunk.byteLength; i += 1)
        head.push(chunk[i] ?? 0);
    }
    return { size, sha256: hash.digest('hex'), head: Uint8Array.from(head) };
  }
}

/** Creates the bucket where it is missing (the local stack; on AWS the CDK stack owns it). */
export async function ensureBucket(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return false;
  } catch (error) {
    if (!(error instanceof NotFound) && (error as { name?: string }).name !== 'NotFound')
      throw error;
  }
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return true;
}
