/**
 * The local stack as `pnpm dev` runs it: `packages/local/src/main.ts` in its own node
 * process on a data folder, timer loop and review engine running. Started on a port
 * chosen here, so `/api/health` can be polled from the moment of the spawn: the time
 * until it answers 200 is the start (or restart) time the issue sets a goal for.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@sme/local/engines';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../../../packages/local/src/main.ts');
const POLL_MS = 50;
const START_LIMIT_MS = 600_000;
/** What the process printed last, to show when it fails. */
const KEPT_CHARS = 4_000;

export interface Health {
  status: string;
  tenants: number;
  resuming?: { done: number; of: number };
}

export interface StackProcess {
  url: string;
  /** From the spawn to the first `200` of `/api/health`. */
  healthAfterMs: number;
  /** The first `200` answer of `/api/health`. */
  firstHealth: Health;
  health(): Promise<Health>;
  /** SIGTERM, as Ctrl-C would; resolves with the exit code. */
  stop(): Promise<number | null>;
}

async function healthOf(url: string): Promise<Health | undefined> {
  try {
    const res = await fetch(`${url}/api/health`);
    return res.status === 200 ? ((await res.json()) as Health) : undefined;
  } catch {
    return undefined; // not listening yet
  }
}

export async function startStackProcess(
  dataDir: string,
  clockStart: string,
): Promise<StackProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      CLOCK_START: clockStart,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEPT_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  let firstHealth: Health | undefined;
  while (!firstHealth) {
    if (gone) throw new Error(`the stack exited before answering /api/health:\n${output}`);
    if (performance.now() - started > START_LIMIT_MS) {
      child.kill('SIGTERM');
      throw new Error(`no /api/health within ${START_LIMIT_MS} ms:\n${output}`);
    }
    firstHealth = await healthOf(url);
    if (!firstHealth) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return {
    url,
    healthAfterMs: performance.now() - started,
    firstHealth,
    health: async () => {
      const answer = await healthOf(url);
      if (!answer) throw new Error(`/api/health stopped answering:\n${output}`);
      return answer;
    },
    stop: () => {
      if (!gone) child.kill('SIGTERM');
      return exited;
    },
  };
}
