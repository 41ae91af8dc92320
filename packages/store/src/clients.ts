/**
 * AWS SDK clients for the store. On AWS the defaults (region and credentials from the
 * Lambda environment) apply; locally the endpoints of DynamoDB Local and the local S3
 * are given, with fixed credentials (DynamoDB Local names its data file after them).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface LocalEndpoints {
  dynamodb: string;
  s3: string;
}

/** Fixed so that DynamoDB Local keeps using `local_local.db` across restarts. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const LOCAL_REGION = 'local';
/** s3rver accepts exactly these. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface StoreClients {
  dynamodb: DynamoDBClient;
  documents: DynamoDBDocumentClient;
  s3: S3Client;
}

/** The table's clients, for AWS (no endpoint) or DynamoDB Local. */
export function createTableClients(local?: Pick<LocalEndpoints, 'dynamodb'>) {
  const dynamodb = new DynamoDBClient(
    local ? { endpoint: local.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS } : {},
  );
  const documents = DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { dynamodb, documents };
}

/** The documents bucket's client, for AWS (no endpoint) or the local S3. */
export function createDocumentsClient(local?: Pick<LocalEndpoints, 's3'>): S3Client {
  return new S3Client(
    local
      ? {
          endpoint: local.s3,
          region: LOCAL_REGION,
          credentials: S3RVER_CREDENTIALS,
          forcePathStyle: true,
          // s3rver does not understand the newer default checksums.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {},
  );
}

/** Clients for AWS (no endpoints) or for the local engines. */
export function createStoreClients(local?: LocalEndpoints): StoreClients {
  return { ...createTableClients(local), s3: createDocumentsClient(local) };
}
