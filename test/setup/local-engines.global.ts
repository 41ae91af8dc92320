/**
 * Starts the real local engines once per test project: DynamoDB Local (in memory) and
 * the local S3 (in a temporary folder). Tests reach them through `inject()` and create
 * their own table and bucket, so test files never share state.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal, startLocalS3 } from '@sme/local/engines';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'sme-engines-'));
  const dynamodb = await startDynamoDbLocal();
  const s3 = await startLocalS3({ dataDir: join(dir, 's3') });
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await Promise.all([s3.stop(), dynamodb.stop()]);
    await rm(dir, { recursive: true, force: true });
  };
}
