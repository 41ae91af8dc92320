/**
 * The modules infra writes for the bundles (the lean zod, the environment's credential
 * provider) under `infra/.generated`: their imports are absolute paths into
 * `node_modules`, so they depend only on what is installed, and a bundle alias that
 * points at one never applies to its own imports.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './repo-root.js';

export const GENERATED_DIR = join(REPO_ROOT, 'infra/.generated');

/**
 * Writes `lines` as `<dir>/<name>` with a header naming its writer; returns its path.
 * Written aside and renamed into place, so a build never reads it half-written.
 */
export function writeGeneratedModule(
  dir: string,
  name: string,
  writer: string,
  lines: readonly string[],
): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  const partial = `${file}.${process.pid}.partial`;
  const header = `// Written by infra for the bundles (${writer}); do not edit.`;
  writeFileSync(partial, [header, ...lines, ''].join('\n'));
  renameSync(partial, file);
  return file;
}

/**
 * The directory of package `name` as the package whose `package.json` is `from`
 * resolves it (pnpm gives each package its own dependencies).
 */
export function packageDir(from: string, name: string): string {
  return dirname(createRequire(from).resolve(`${name}/package.json`));
}

/** The ES module entry (`module` in its package.json) of the package in `dir`. */
export function esmEntry(dir: string): string {
  const { module } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    module?: string;
  };
  if (!module) throw new Error(`${dir} names no ES module entry ("module")`);
  return join(dir, module);
}
