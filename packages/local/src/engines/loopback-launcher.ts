/**
 * `LoopbackLauncher.java`, the launcher that binds DynamoDB Local to 127.0.0.1, compiled
 * once into `node_modules/.cache` and reused. Java's single-file source launch would
 * compile it at every start, which costs 2–3 s of CPU each time DynamoDB Local starts
 * (tests start it often); a class compiled once starts as fast as the jar itself.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { JdkRequiredError } from '../errors.js';

export const LAUNCHER_CLASS = 'LoopbackLauncher';
const SOURCE = join(import.meta.dirname, `${LAUNCHER_CLASS}.java`);
/** The default cache: per checkout, owned by its user, gone with `node_modules`. */
export const LAUNCHER_CACHE = join(
  import.meta.dirname,
  '../../node_modules/.cache/loopback-launcher',
);

/**
 * True when java's output says it has no compiler: what a JRE's java prints (Debian's
 * openjdk-17-jre-headless, or a jlink image without the module) is "Module jdk.compiler
 * not found" or "… not in boot Layer".
 */
export function lacksCompiler(output: string): boolean {
  return /Module jdk\.compiler not/.test(output);
}

const run = promisify(execFile);

/**
 * Refuses a java without the compiler before trying to compile: `-m jdk.compiler/…`
 * would name the module it needs and so slip past `--limit-modules`, while
 * `--list-modules` shows what this java, with these options, really has.
 */
async function assertCompiler(javaOptions: readonly string[]): Promise<void> {
  let modules: string;
  try {
    ({ stdout: modules } = await run('java', [...javaOptions, '--list-modules']));
  } catch (error) {
    throw new Error(`cannot run java: is a JDK 17+ installed and on PATH? ${String(error)}`, {
      cause: error,
    });
  }
  if (!/^jdk\.compiler@/m.test(modules)) {
    throw new JdkRequiredError('its --list-modules has no jdk.compiler');
  }
}

export interface LauncherOptions {
  /** JVM options of the caller, so that the compiler runs on the same java. */
  javaOptions?: readonly string[];
  /** @default LAUNCHER_CACHE */
  cacheDir?: string;
}

/**
 * The folder holding the compiled launcher, compiling it first if this source has not
 * been compiled against this DynamoDB Local yet.
 * @param jarClasspath DynamoDB Local's jar and libraries, which the launcher calls
 * @throws JdkRequiredError when java has no compiler
 */
export async function compiledLauncher(
  jarClasspath: string,
  { javaOptions = [], cacheDir = LAUNCHER_CACHE }: LauncherOptions = {},
): Promise<string> {
  const source = readFileSync(SOURCE);
  const key = createHash('sha256').update(source).update(jarClasspath).digest('hex');
  const target = join(cacheDir, key.slice(0, 16));
  if (existsSync(join(target, `${LAUNCHER_CLASS}.class`))) return target;

  await assertCompiler(javaOptions);
  // Compiled beside the target and renamed into place: a concurrent start (two test
  // projects, or one starting a DynamoDB Local per worker) either finds the whole class
  // or compiles its own, in a folder of its own.
  await mkdir(cacheDir, { recursive: true });
  const building = await mkdtemp(`${target}.tmp-`);
  try {
    await run('java', [
      ...javaOptions,
      // The JDK's own javac, run by this java: no separate javac on PATH to disagree.
      ...['-m', 'jdk.compiler/com.sun.tools.javac.Main'],
      ...['--release', '17', '-nowarn', '-cp', jarClasspath, '-d', building, SOURCE],
    ]);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    const said = `${(error as { stderr?: string }).stderr ?? ''}${String(error)}`;
    if (lacksCompiler(said)) throw new JdkRequiredError(said);
    throw new Error(`cannot compile ${SOURCE} (needs a JDK 17+): ${said.trim()}`, {
      cause: error,
    });
  }
  try {
    await rename(building, target);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    if (!existsSync(join(target, `${LAUNCHER_CLASS}.class`))) throw error;
  }
  return target;
}
