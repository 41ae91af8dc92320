/**
 * The local S3 (s3rver), in-process and bound to 127.0.0.1 only: it carries old
 * dependencies with a known denial-of-service advisory and must never be exposed.
 */
import { mkdir } from 'node:fs/promises';
import S3rver from 's3rver';
import type { RunningEngine } from './dynamodb-local.js';
import { freePort } from './free-port.js';

export async function startLocalS3(options: {
  dataDir: string;
  port?: number;
}): Promise<RunningEngine> {
  await mkdir(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: options.dataDir,
    silent: true,
  });
  try {
    await server.run();
  } catch (error) {
    throw new Error(`the local S3 cannot listen on 127.0.0.1:${port}: ${String(error)}`, {
      cause: error,
    });
  }
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
