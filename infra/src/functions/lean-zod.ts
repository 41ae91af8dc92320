/**
 * zod without the locales the platform never loads. `@hono/zod-openapi` hands the whole
 * `z` namespace to `extendZodWithOpenApi(z)`, so no import style lets esbuild shake it:
 * every export ships, `z.locales` with its ~50 languages (190 KiB of the API bundle)
 * among them. The bundles alias `zod` to the module written here, which re-exports
 * zod's classic API unchanged and declares its own `locales` with only `en` (zod's
 * default, which the error messages users read come from) and `zh-CN`; a local export
 * shadows the re-exported one, so zod's locale index is never reached.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GENERATED_DIR, writeGeneratedModule } from './generated-module.js';
import { REPO_ROOT } from './repo-root.js';

/** zod's package directory, as the API resolves it. */
function zodDir(): string {
  return dirname(createRequire(join(REPO_ROOT, 'packages/core/package.json')).resolve('zod'));
}

const WRITER = 'infra/src/functions/lean-zod.ts';
const writeModule = (dir: string, name: string, lines: readonly string[]) =>
  writeGeneratedModule(dir, name, WRITER, lines);

/**
 * Writes the module (its imports are absolute, so the `zod` alias does not apply to
 * them); returns its path. Its content depends only on where zod is installed.
 */
export function writeLeanZod(dir = GENERATED_DIR): string {
  const zod = (path: string) => JSON.stringify(join(zodDir(), path));
  const locales = [
    `import en from ${zod('v4/locales/en.js')};`,
    `import zhCN from ${zod('v4/locales/zh-CN.js')};`,
    'export const locales = { en, zhCN };',
  ];
  // `z.core` is a namespace too, with its own `locales`: shadowed the same way.
  writeModule(dir, 'lean-zod-core.mjs', [...locales, `export * from ${zod('v4/core/index.js')};`]);
  return writeModule(dir, 'lean-zod.mjs', [
    "import * as z from './lean-zod.mjs';",
    "import * as core from './lean-zod-core.mjs';",
    ...locales,
    `export * from ${zod('v4/classic/external.js')};`,
    'export { core, z, z as default };',
  ]);
}
