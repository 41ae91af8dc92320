/**
 * Documents in S3. A browser uploads to a staging key with a presigned POST whose policy
 * fixes the key, the content type and the size. Verification reads the staged object
 * once, hashes exactly those bytes and writes them to the content-addressed key, which
 * no upload policy ever names: what a reviewer later reads is what was hashed, whatever
 * is posted to the staging key afterwards (a presigned POST stays valid until it
 * expires, and the local S3 enforces no policy at all, STACK.md).
 */
import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  NotFound,
  PutBucketCorsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { TenantScopeError } from '../errors.js';
import type { TenantContext } from '../table/keys.js';
import { isStagingKey, tenantObjectPrefix } from './object-key.js';

export interface UploadPolicy {
  /** A staging key (`stagingObjectKey`); verified keys are never handed to a browser. */
  key: string;
  contentType: string;
  /** The exact size declared; the policy allows only that. */
  size: number;
  /** How long the form may be used. @default 900 */
  expiresInSeconds?: number;
}

/** What a staged upload turned out to be, read once. */
export interface StagedObject {
  /** Bytes read, up to one past the limit (an oversize object is not read further). */
  size: number;
  /** Lower-case hex SHA-256 of the bytes read. */
  sha256: string;
  bytes: Uint8Array;
}

/** The longest a presigned read lives (API.md: at most 5 minutes). */
export const MAX_READ_SECONDS = 300;

function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error as { name?: string }).name === 'NoSuchKey'
  );
}

export class DocumentStore {
  private origin: Promise<string> | undefined;

  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  /**
   * The origin browsers post uploads to (the portal's CSP must allow it): read off a
   * presigned POST, so it is exactly what the SDK hands out on every partition and
   * endpoint style, the local S3 included.
   */
  uploadOrigin(): Promise<string> {
    this.origin ??= createPresignedPost(this.s3, { Bucket: this.bucket, Key: 'origin-probe' }).then(
      (post) => new URL(post.url).origin,
    );
    return this.origin;
  }

  private assertOwned(ctx: TenantContext, key: string): void {
    if (!key.startsWith(tenantObjectPrefix(ctx)))
      throw new TenantScopeError(ctx.tenant, 'object key');
  }

  /** A presigned POST for one staging object of exactly the declared type and size. */
  async presignUpload(ctx: TenantContext, policy: UploadPolicy): Promise<PresignedPost> {
    this.assertOwned(ctx, policy.key);
    if (!isStagingKey(ctx, policy.key)) throw new RangeError('uploads go to staging keys only');
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

  /**
   * Reads a staged upload once: its bytes (at most `maxBytes` + 1, so an oversize upload
   * is told apart without being read whole) and their SHA-256; undefined if absent.
   */
  async readStaged(
    ctx: TenantContext,
    key: string,
    maxBytes: number,
  ): Promise<StagedObject | undefined> {
    this.assertOwned(ctx, key);
    let body: AsyncIterable<Uint8Array> & { destroy?: () => void };
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      body = object.Body as typeof body;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const hash = createHash('sha256');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of body) {
      const room = maxBytes + 1 - size;
      const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
      hash.update(part);
      chunks.push(part);
      size += part.byteLength;
      if (size > maxBytes) {
        body.destroy?.();
        break;
      }
    }
    return { size, sha256: hash.digest('hex'), bytes: Buffer.concat(chunks) };
  }

  /**
   * Writes verified bytes to their content-addressed key. Two writers of one key write
   * the same bytes, since the key is their hash.
   */
  async storeVerified(
    ctx: TenantContext,
    key: string,
    bytes: Uint8Array,
    contentType: string,
  ): Promise<void> {
    this.assertOwned(ctx, key);
    if (isStagingKey(ctx, key)) throw new RangeError('verified bytes never go to a staging key');
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.byteLength,
      }),
    );
  }

  /** Removes a staged upload once it is verified (or refused); absent is fine. */
  async discard(ctx: TenantContext, key: string): Promise<void> {
    this.assertOwned(ctx, key);
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /**
   * A presigned GET of a verified object, opened in the browser under its own file name.
   * Never longer than `MAX_READ_SECONDS`.
   */
  async presignRead(
    ctx: TenantContext,
    key: string,
    options: { filename: string; contentType: string; expiresInSeconds?: number },
  ): Promise<{ url: string; expiresInSeconds: number; expiresAt: Date }> {
    this.assertOwned(ctx, key);
    if (isStagingKey(ctx, key)) throw new RangeError('only verified objects are read');
    const expiresInSeconds = Math.min(
      options.expiresInSeconds ?? MAX_READ_SECONDS,
      MAX_READ_SECONDS,
    );
    // Signed on real time, as S3 checks it (the business clock may be elsewhere locally).
    const signingDate = new Date();
    const url = await getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: options.contentType,
        // RFC 6266 with RFC 5987 encoding: Chinese file names survive every browser.
        ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
      }),
      { expiresIn: expiresInSeconds, signingDate },
    );
    return {
      url,
      expiresInSeconds,
      expiresAt: new Date(signingDate.getTime() + expiresInSeconds * 1000),
    };
  }
}

/**
 * Browsers on the local stack's pages (any port of the loopback host) may post uploads
 * to the local S3. One wildcard per origin is what S3 (and s3rver) allow.
 */
export const LOOPBACK_ORIGINS = ['http://127.0.0.1:*', 'http://localhost:*'] as const;

/**
 * Creates the bucket where it is missing (the local stack; on AWS the CDK stack owns it,
 * CORS rule included). With `corsOrigins`, browsers from those origins may post uploads
 * (a presigned POST with progress events is preflighted).
 */
export async function ensureBucket(
  s3: S3Client,
  bucket: string,
  options: { corsOrigins?: readonly string[] } = {},
): Promise<boolean> {
  let created = false;
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!(error instanceof NotFound) && (error as { name?: string }).name !== 'NotFound')
      throw error;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    created = true;
  }
  if (options.corsOrigins?.length) {
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedMethods: ['POST'],
              AllowedOrigins: [...options.corsOrigins],
              AllowedHeaders: ['*'],
              MaxAgeSeconds: 3600,
            },
          ],
        },
      }),
    );
  }
  return created;
}
