/**
 * For tests of the store and the packages above it: clients on the local engines that
 * the test setup started, with a fresh table and bucket of their own.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createStoreClients, type StoreClients } from './clients.js';
import { DocumentStore, ensureBucket, LOOPBACK_ORIGINS } from './documents/document-store.js';
import { ensureTable } from './table/ensure-table.js';
import { TenantTable } from './table/tenant-table.js';

export interface TestStore {
  clients: StoreClients;
  table: TenantTable;
  documents: DocumentStore;
}

/**
 * The DynamoDB Local of this test worker: the setup starts one per worker the run may
 * use (`VITEST_POOL_ID` counts them from 1), so workers never wait on each other's.
 */
export function localDynamoDbEndpoint(): string {
  const endpoints = inject('dynamodbEndpoints');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const endpoint = endpoints[(worker - 1) % endpoints.length];
  if (!endpoint) throw new Error('no DynamoDB Local was started for this test project');
  return endpoint;
}

export async function createTestStore(): Promise<TestStore> {
  const clients = createStoreClients({
    dynamodb: localDynamoDbEndpoint(),
    s3: inject('s3Endpoint'),
  });
  const suffix = randomUUID().slice(0, 8);
  const tableName = `test-${suffix}`;
  const bucket = `test-${suffix}`;
  await ensureTable(clients.dynamodb, tableName);
  await ensureBucket(clients.s3, bucket, { corsOrigins: LOOPBACK_ORIGINS });
  return {
    clients,
    table: new TenantTable(clients.documents, tableName),
    documents: new DocumentStore(clients.s3, bucket),
  };
}
export * from './table/refused-transactions.test-support.js';
