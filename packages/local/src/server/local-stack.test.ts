import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TenantTable, tenantKey } from '@sme/store';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../engines/free-port.js';
import { listeningAddresses } from '../engines/listening-addresses.test-support.js';
import { CLOCK_FILE } from './local-config.js';
import { startLocalStack, TABLE_NAME } from './local-stack.js';

const dirs: string[] = [];
async function dataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'sme-stack-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('startLocalStack', () => {
  it('serves /api/health once table and bucket are ready, on 127.0.0.1 only, and stops its engines', async () => {
    const stack = await startLocalStack({ port: 0, dataDir: await dataDir() });
    try {
      // Health says `resuming` until the (background) search for runs to resume is over.
      expect(await stack.resumed).toBe(0);
      const res = await fetch(`${stack.url}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', tenants: stack.tenants.length });
      // Nothing it starts is reachable from another machine.
      for (const url of [stack.url, stack.endpoints.dynamodb, stack.endpoints.s3]) {
        expect(await listeningAddresses(Number(new URL(url).port))).toEqual(['127.0.0.1']);
      }
    } finally {
      await stack.stop();
    }
    await expect(fetch(`${stack.url}/api/health`)).rejects.toThrow();
  });

  it('keeps stored data across a restart on the same data folder', async () => {
    const dir = await dataDir();
    const ctx = { tenant: 'qingdao' };
    const item = { pk: tenantKey(ctx, 'PROBE', 'restart'), sk: 'META', note: '重启后仍在' };

    const first = await startLocalStack({ port: 0, dataDir: dir });
    try {
      await new TenantTable(first.clients.documents, TABLE_NAME).put(ctx, item);
    } finally {
      await first.stop();
    }
    const second = await startLocalStack({ port: 0, dataDir: dir });
    try {
      expect(
        await new TenantTable(second.clients.documents, TABLE_NAME).get(ctx, item.pk, 'META'),
      ).toEqual(item);
    } finally {
      await second.stop();
    }
  }, 60_000); // two starts of the whole stack

  it('starts the virtual clock at CLOCK_START', async () => {
    const stack = await startLocalStack({
      port: 0,
      dataDir: await dataDir(),
      clockStart: new Date('2024-01-20T01:00:00Z'),
    });
    try {
      const { now } = (await (await fetch(`${stack.url}/api/dev/clock`)).json()) as { now: string };
      expect(now.startsWith('2024-01-20T09:00')).toBe(true);
    } finally {
      await stack.stop();
    }
  });
});

describe('the virtual clock of startLocalStack', () => {
  /** Real time stands still here, so every instant below is exact. */
  const realClock = { now: () => new Date('2026-11-22T10:00:00Z') };
  const clockStart = new Date('2024-01-20T01:00:00Z');
  const clockOf = async (url: string) =>
    ((await (await fetch(`${url}/api/dev/clock`)).json()) as { now: string }).now;

  it('resumes after a restart from where /api/dev/clock moved it, not from CLOCK_START', async () => {
    const dir = await dataDir();
    const first = await startLocalStack({ port: 0, dataDir: dir, clockStart }, { realClock });
    try {
      const moved = await fetch(`${first.url}/api/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceTo: '2024-02-01T00:00:00+08:00' }),
      });
      expect(moved.status).toBe(200);
      // Written when the move answers, not only at stop: a crash would lose nothing.
      expect(JSON.parse(await readFile(join(dir, CLOCK_FILE), 'utf8'))).toEqual({
        now: '2024-01-31T16:00:00.000Z',
      });
    } finally {
      await first.stop();
    }

    const second = await startLocalStack({ port: 0, dataDir: dir, clockStart }, { realClock });
    try {
      expect(second.clock.origin).toBe('stored');
      expect(await clockOf(second.url)).toBe('2024-02-01T00:00:00+08:00');
    } finally {
      await second.stop();
    }

    const later = new Date('2024-03-01T00:00:00+08:00');
    const third = await startLocalStack(
      { port: 0, dataDir: dir, clockStart: later },
      { realClock },
    );
    try {
      expect(await clockOf(third.url)).toBe('2024-03-01T00:00:00+08:00');
    } finally {
      await third.stop();
    }
  }, 90_000); // three starts of the whole stack

  it('writes the clock down on every timer tick', async () => {
    const dir = await dataDir();
    let real = Date.parse('2026-11-22T10:00:00Z');
    const stack = await startLocalStack(
      { port: 0, dataDir: dir, clockStart },
      { realClock: { now: () => new Date(real) } },
    );
    try {
      real += 5_000;
      await stack.timers.fireDue(); // what the loop does every second
      expect(JSON.parse(await readFile(join(dir, CLOCK_FILE), 'utf8'))).toEqual({
        now: '2024-01-20T01:00:05.000Z',
      });
    } finally {
      await stack.stop();
    }
  });

  it('refuses to start on a corrupt clock file, naming it, before starting any engine', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, CLOCK_FILE), 'garbage');
    await expect(startLocalStack({ port: 0, dataDir: dir })).rejects.toThrow(join(dir, CLOCK_FILE));
    expect(await readFile(join(dir, CLOCK_FILE), 'utf8')).toBe('garbage');
  });
});

/** Runs `pnpm dev`'s entry point as the command does, collecting what it prints. */
function runMain(env: Record<string, string>) {
  const main = resolve(import.meta.dirname, '../main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { child, output: '' };
  child.stdout.on('data', (c: Buffer) => {
    run.output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    run.output += c.toString();
  });
  return run;
}

describe('pnpm dev (main.ts)', () => {
  it('prints the URLs and engine ports when ready and, on SIGTERM, stops every process it started', async () => {
    const dir = await dataDir();
    const [port, dynamodbPort, s3Port] = [await freePort(), await freePort(), await freePort()];
    const run = runMain({
      PORT: String(port),
      DYNAMODB_PORT: String(dynamodbPort),
      S3_PORT: String(s3Port),
      DATA_DIR: dir,
      CLOCK_START: '2024-01-20T09:00:00+08:00',
    });
    await new Promise<void>((ready, fail) => {
      run.child.stdout.on('data', () => {
        if (run.output.includes('press Ctrl-C')) ready();
      });
      run.child.once('exit', (code) => fail(new Error(`exited early with ${code}: ${run.output}`)));
    });
    expect(run.output).toContain(`http://127.0.0.1:${port}/api/health`);
    expect(run.output).toMatch(new RegExp(`DynamoDB +http://127\\.0\\.0\\.1:${dynamodbPort}\n`));
    expect(run.output).toMatch(new RegExp(`S3 +http://127\\.0\\.0\\.1:${s3Port}\n`));
    expect(run.output).toMatch(/时钟 clock +2024-01-20T09:00:\d\d\+08:00 \(CLOCK_START\)/);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    const exited = new Promise<number | null>((done) => run.child.once('exit', done));
    run.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // DynamoDB Local was started with -dbPath under this data folder: no java may remain.
    const leftover = await new Promise<string>((done) => {
      const pgrep = spawn('pgrep', ['-f', join(dir, 'dynamodb')]);
      let out = '';
      pgrep.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      pgrep.once('exit', () => done(out.trim()));
    });
    expect(leftover).toBe('');
  }, 60_000);

  it('exits 1 with one line naming a corrupt clock file, not a stack trace', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, CLOCK_FILE), '{"now":');
    const run = runMain({ PORT: '0', DATA_DIR: dir });
    const code = await new Promise<number | null>((done) => run.child.once('exit', done));
    expect(code).toBe(1);
    expect(run.output).toContain(
      `✗ 启动失败 / cannot start: the virtual clock's file ${join(dir, CLOCK_FILE)}`,
    );
    expect(run.output).not.toMatch(/\n\s+at /);
  });
});
