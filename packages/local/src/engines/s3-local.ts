/**
 * The local S3 (s3rver), in-process and bound to 127.0.0.1 only: it carries old
 * dependencies with a known denial-of-service advisory and must never be exposed.
 */
import { mkdir } from 'node:fs/promises';
import S3rver from 's3rver';
import type { RunningEngine } from './dynamodb-local.js';
import { assertPortFree, freePort } from './free-port.js';

export async function startLocalS3(options: {
  dataDir: string;
  port?: number;
}): Promise<RunningEngine> {
  await mkdir(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  // s3rver never reports a failed listen (its callback waits for an error argument that
  // Node never passes, and the 'error' event goes unhandled): check the port first.
  if (options.port) await assertPortFree(port, 'the local S3');
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: options.dataDir,
    silent: true,
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
