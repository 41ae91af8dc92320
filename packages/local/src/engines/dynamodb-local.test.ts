import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createStoreClients } from '@sme/store';
import { describe, expect, it } from 'vitest';
import { JdkRequiredError } from '../errors.js';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { freePort } from './free-port.js';
import { listeningAddresses } from './listening-addresses.test-support.js';

async function tableNames(endpoint: string): Promise<string[]> {
  const { dynamodb } = createStoreClients({ dynamodb: endpoint, s3: 'http://127.0.0.1:1' });
  try {
    return (await dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    dynamodb.destroy();
  }
}

describe('startDynamoDbLocal', () => {
  it('listens on 127.0.0.1 only, on the port it is given', async () => {
    const port = await freePort();
    const engine = await startDynamoDbLocal({ port });
    try {
      expect(engine.endpoint).toBe(`http://127.0.0.1:${port}`);
      // DynamoDB Local's own main() would show 0.0.0.0 (or ::) here.
      expect(await listeningAddresses(port)).toEqual(['127.0.0.1']);
      expect(await tableNames(engine.endpoint)).toEqual([]);
    } finally {
      await engine.stop();
    }
    expect(await listeningAddresses(port)).toEqual([]);
  });

  it('refuses a taken port at once, naming it, rather than using whatever answers there', async () => {
    // An impostor that answers every request as an empty DynamoDB would.
    const impostor: Server = createServer((_, res) => {
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      res.end('{"TableNames":[]}');
    });
    await new Promise<void>((ready) => impostor.listen(0, '127.0.0.1', ready));
    const { port } = impostor.address() as { port: number };
    try {
      await expect(startDynamoDbLocal({ port })).rejects.toThrow(
        new RegExp(`DynamoDB Local cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`),
      );
    } finally {
      impostor.close();
    }
  });

  it('asks for a JDK 17+ when java cannot compile its launcher (a JRE)', async () => {
    // The real java, limited to the modules of a JRE (no jdk.compiler), and a cache that
    // does not hold the compiled launcher yet.
    const started = startDynamoDbLocal({
      javaOptions: ['--limit-modules', 'java.se'],
      launcherCache: await mkdtemp(join(tmpdir(), 'sme-launcher-')),
    });
    await expect(started).rejects.toThrow(JdkRequiredError);
    await expect(started).rejects.toThrow(/JDK 17\+.*jdk\.compiler.*openjdk-17-jdk-headless/s);
  });
});
