/**
 * Credit reports and attachments. Private (public access blocked), SSE-KMS with a bucket
 * key, TLS only, versioned, its access logged to a second bucket. Each tenant's
 * documents expire as its retention rule says (`tenants/`, `retention.documents`); the
 * portal uploads with presigned POSTs, so its origins may POST here.
 */

import type { ResolvedTenant } from '@sme/core';
import { stagingPrefix, tenantObjectPrefix } from '@sme/store';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface DocumentsBucketProps {
  readonly key: kms.IKey;
  readonly tenants: readonly ResolvedTenant[];
  /** Origins the portal runs on; presigned POSTs come from their pages. */
  readonly corsOrigins: string[];
}

/** How long a deleted or replaced version stays recoverable. */
const NONCURRENT_DAYS = 30;
/** Server access logs are kept as long as the network logs the law asks for, and more. */
const ACCESS_LOG_DAYS = 400;

/**
 * One expiry rule per tenant with a retention rule, on that tenant's objects only. Years
 * count 366 days, so a leap year never cuts a period short.
 */
function retentionRules(tenants: readonly ResolvedTenant[]): s3.LifecycleRule[] {
  return tenants.flatMap((tenant) => {
    const documents = tenant.retention?.documents;
    if (!documents) return [];
    return [
      {
        id: `retention-${tenant.id}`,
        prefix: tenantObjectPrefix({ tenant: tenant.id }),
        expiration: Duration.days(documents.years * 366),
      },
    ];
  });
}

/** A staged upload not verified within a day is abandoned: it is never served. */
const STAGING_DAYS = 1;

/** One rule per tenant: its staged uploads (`tenant/<tenant>/staging/`) expire. */
function stagingRules(tenants: readonly ResolvedTenant[]): s3.LifecycleRule[] {
  return tenants.map((tenant) => ({
    id: `staging-${tenant.id}`,
    prefix: stagingPrefix({ tenant: tenant.id }),
    expiration: Duration.days(STAGING_DAYS),
  }));
}

export class DocumentsBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: DocumentsBucketProps) {
    super(scope, id);
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // S3 delivers server access logs only to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'documents/',
      lifecycleRules: [
        ...retentionRules(props.tenants),
        ...stagingRules(props.tenants),
        {
          id: 'versions-and-uploads',
          noncurrentVersionExpiration: Duration.days(NONCURRENT_DAYS),
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST],
          allowedOrigins: props.corsOrigins,
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
