/**
 * The AWS SDK packages a bundle leaves to the Lambda runtime, and a stand-in for the
 * runtime's `/var/runtime/node_modules`: to run a bundle outside Lambda (its test, the
 * cold-start bench), each SDK package it imports is linked into `node_modules/` beside
 * it, from where the repo resolves it for the module that imports it. The link's target
 * is the package's real directory, so its own dependencies (`@smithy/*`) resolve as in
 * the repo.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Metafile } from 'esbuild';
import { REPO_ROOT } from './repo-root.js';

/** Imported by the bundle, not carried in it: `@aws-sdk/client-s3`, …, by package name. */
export function runtimeSdkImports(metafile: Metafile): { name: string; importer: string }[] {
  const seen = new Map<string, string>();
  for (const [importer, input] of Object.entries(metafile.inputs))
    for (const imported of input.imports)
      if (imported.external && /^@(aws-sdk|smithy)\//.test(imported.path)) {
        const name = imported.path.split('/').slice(0, 2).join('/');
        if (!seen.has(name)) seen.set(name, importer);
      }
  return [...seen]
    .map(([name, importer]) => ({ name, importer }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The directory of `name` as resolved from `importer` (a metafile path, from the repo root). */
function packageDir(name: string, importer: string): string {
  let dir = dirname(createRequire(join(REPO_ROOT, importer)).resolve(name));
  while (!existsSync(join(dir, 'package.json')) || readName(dir) !== name) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package directory for ${name} from ${importer}`);
    dir = parent;
  }
  return dir;
}

const readName = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name;

/** Links each SDK package the bundle imports into `<dir>/node_modules/`; answers the names. */
export function linkRuntimeSdk(metafile: Metafile, dir: string): string[] {
  const imports = runtimeSdkImports(metafile);
  for (const { name, importer } of imports) {
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    if (!existsSync(link)) symlinkSync(packageDir(name, importer), link, 'dir');
  }
  return imports.map((i) => i.name);
}
