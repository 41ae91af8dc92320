import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port.js';
import { listeningAddresses } from './listening-addresses.test-support.js';
import { startLocalS3 } from './s3-local.js';

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('startLocalS3', () => {
  it('listens on 127.0.0.1 only, on the port it is given', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sme-s3-'));
    const port = await freePort();
    const engine = await startLocalS3({ dataDir: dir, port });
    try {
      expect(engine.endpoint).toBe(`http://127.0.0.1:${port}`);
      expect(await listeningAddresses(port)).toEqual(['127.0.0.1']);
    } finally {
      await engine.stop();
    }
  });

  it('names the address when its port is taken', async () => {
    const holder = createServer();
    await new Promise<void>((ready) => holder.listen(0, '127.0.0.1', ready));
    const { port } = holder.address() as { port: number };
    try {
      await expect(
        startLocalS3({ dataDir: await mkdtemp(join(tmpdir(), 'sme-s3-')), port }),
      ).rejects.toThrow(new RegExp(`127\\.0\\.0\\.1:${port}.*EADDRINUSE`));
    } finally {
      holder.close();
    }
  });
});
