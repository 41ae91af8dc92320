/**
 * Starts the real local engines once per test project: one DynamoDB Local (in memory)
 * for each worker the run may use, and the local S3 (in a temporary folder). Tests reach
 * them through `inject()` (`localDynamoDbEndpoint()` picks the worker's own DynamoDB
 * Local) and create their own table and bucket, so test files never share state.
 *
 * One DynamoDB Local per worker because it is what bounds a run: measured in a whole run
 * on two cores, the API project's DynamoDB Local used 60–85 % of a core while the test
 * worker waiting on it used 12–40 %. Two workers sharing it made each test slower; each
 * with its own, both cores work.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningEngine, startDynamoDbLocal, startLocalS3 } from '@sme/local/engines';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'sme-engines-'));
  const workers = Math.max(1, project.globalConfig.maxWorkers);
  const starts = await Promise.allSettled([
    startLocalS3({ dataDir: join(dir, 's3') }),
    ...Array.from({ length: workers }, () => startDynamoDbLocal()),
  ]);
  const started = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = starts.find((s) => s.status === 'rejected');
  if (failed) {
    // One that could not start fails the run; the others are not left running.
    await Promise.all(started.map((engine) => engine.stop()));
    await rm(dir, { recursive: true, force: true });
    throw failed.reason;
  }
  const [s3, ...dynamodbs] = started as [RunningEngine, ...RunningEngine[]];
  project.provide(
    'dynamodbEndpoints',
    dynamodbs.map((d) => d.endpoint),
  );
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await Promise.all(started.map((engine) => engine.stop()));
    await rm(dir, { recursive: true, force: true });
  };
}
