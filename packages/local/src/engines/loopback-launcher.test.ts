import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JdkRequiredError } from '../errors.js';
import { jarClasspath } from './dynamodb-local.js';
import { compiledLauncher, LAUNCHER_CLASS } from './loopback-launcher.js';

const dirs: string[] = [];
async function cacheDir() {
  const dir = await mkdtemp(join(tmpdir(), 'sme-launcher-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('compiledLauncher', () => {
  it('compiles the launcher once and reuses the class afterwards', async () => {
    const cache = await cacheDir();
    const first = await compiledLauncher(jarClasspath(), { cacheDir: cache });
    const compiled = await stat(join(first, `${LAUNCHER_CLASS}.class`));
    const again = await compiledLauncher(jarClasspath(), { cacheDir: cache });
    expect(again).toBe(first);
    expect((await stat(join(again, `${LAUNCHER_CLASS}.class`))).mtimeMs).toBe(compiled.mtimeMs);
  });

  it('lets concurrent starts on a cold cache share one compiled class', async () => {
    const cache = await cacheDir();
    const [a, b] = await Promise.all([
      compiledLauncher(jarClasspath(), { cacheDir: cache }),
      compiledLauncher(jarClasspath(), { cacheDir: cache }),
    ]);
    expect(a).toBe(b);
    // No half-built folder is left behind by the start that lost the race.
    expect(await readdir(cache)).toHaveLength(1);
    expect(await readdir(a)).toContain(`${LAUNCHER_CLASS}.class`);
  });

  it('throws JdkRequiredError on a java without jdk.compiler, and caches nothing', async () => {
    const cache = await cacheDir();
    await expect(
      compiledLauncher(jarClasspath(), {
        cacheDir: cache,
        javaOptions: ['--limit-modules', 'java.se'],
      }),
    ).rejects.toThrow(JdkRequiredError);
    expect(await readdir(cache)).toEqual([]);
  });
});
