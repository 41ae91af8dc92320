/**
 * Reads tenant files from disk, for the edges where configuration enters (the local
 * stack, `pnpm tenants:check`, the CDK app). Every `*.ts` file directly in the tenants
 * folder is a tenant, so onboarding a city is adding its file; this loader lives in a
 * subfolder and is not one.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ResolveResult, resolveTenants, type TenantSource } from '@sme/core';

/** The repository's `tenants/` folder. */
export const TENANTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const isTenantFile = (name: string) =>
  name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

/** Every tenant file path in `dir`, sorted. */
export async function listTenantFiles(dir = TENANTS_DIR): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter(isTenantFile)
    .sort()
    .map((name) => join(dir, name));
}

/** Imports one tenant file; a file that fails to load becomes an error with an empty path. */
export async function importTenantFile(
  path: string,
): Promise<TenantSource | { file: string; loadError: string }> {
  const file = basename(path);
  try {
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    if (module.default === undefined) return { file, loadError: 'the file has no default export' };
    return { file, config: module.default };
  } catch (error) {
    return {
      file,
      loadError: `cannot load: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Reads and resolves tenants. With `files`, those are checked, and any tenant they name
 * as parent is read from `dir` as well (so a city file given alone still resolves);
 * only errors of the given files are reported.
 */
export async function loadTenants(
  options: { dir?: string; files?: string[] } = {},
): Promise<ResolveResult> {
  const dir = options.dir ?? TENANTS_DIR;
  const requested = (options.files ?? (await listTenantFiles(dir))).map((f) => resolve(f));
  const loaded = await Promise.all(requested.map(importTenantFile));
  const sources: TenantSource[] = [];
  const errors: ResolveResult['errors'] = [];
  for (const item of loaded) {
    if ('loadError' in item) errors.push({ file: item.file, path: '', message: item.loadError });
    else sources.push(item);
  }

  const known = new Set(sources.map((s) => basename(s.file)));
  const parents = new Set(
    sources
      .map((s) => (s.config as { parent?: unknown }).parent)
      .filter((p): p is string => typeof p === 'string' && !known.has(`${p}.ts`)),
  );
  const helpers: TenantSource[] = [];
  for (const parent of parents) {
    const item = await importTenantFile(join(dir, `${parent}.ts`));
    if (!('loadError' in item)) helpers.push(item);
  }

  const result = resolveTenants([...sources, ...helpers]);
  const helperFiles = new Set(helpers.map((h) => h.file));
  return {
    tenants: result.tenants.filter((t) => !helperFiles.has(`${t.id}.ts`)),
    errors: [...errors, ...result.errors.filter((e) => !helperFiles.has(e.file))],
  };
}
