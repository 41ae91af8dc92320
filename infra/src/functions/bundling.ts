/**
 * How the Lambda functions are bundled, defined once: the CDK app's `NodejsFunction`s,
 * `pnpm bundle:report` and the test that runs the built API handler all use these
 * options, so what is measured and tested is what is deployed.
 *
 * The resolved tenants enter each bundle as the global `__SME_TENANTS__`, injected by
 * esbuild from a module written at synth: configuration is data baked in at build
 * time, never files read at run time (DESIGN §3).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ResolvedTenant } from '@sme/core';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { DEFAULT_CREDENTIAL_PROVIDER, writeEnvCredentials } from './env-credentials.js';
import { writeLeanZod } from './lean-zod.js';
import { REPO_ROOT } from './repo-root.js';

export { REPO_ROOT };

/** The entry points under `functions/`, by the name the stack and the report use. */
export const FUNCTION_ENTRIES = {
  api: 'functions/src/api.handler.ts',
  portal: 'functions/src/portal.handler.ts',
  reviewStage: 'functions/src/review-stage.handler.ts',
  timerTick: 'functions/src/timer-tick.handler.ts',
} as const;
export type FunctionName = keyof typeof FUNCTION_ENTRIES;

/** Lambda runs nodejs24.x; the bundles target Node 22, the oldest runtime they support. */
const TARGET = 'node22';

/** ESM bundles still meet CommonJS dependencies that call `require`. */
const REQUIRE_SHIM =
  "import{createRequire as __smeRequire}from'node:module';const require=__smeRequire(import.meta.url);";

/**
 * Libraries a route imports lazily (`await import('exceljs')`) that no other route may
 * pay for. A one-file bundle would inline a dynamic import, so each is left out of the
 * bundle and shipped beside it as `node_modules/<name>/index.mjs`, a bundle of its own,
 * which Node's resolution finds from `index.mjs` the first time a route asks for it.
 */
export const LAZY_MODULES = ['exceljs'] as const;

/** The functions whose routes import the lazy modules: the API's and the pages' downloads. */
export const carriesLazyModules = (name: FunctionName) => name === 'api' || name === 'portal';

/** The package that depends on the lazy modules, to resolve them as it does. */
const LAZY_OWNER = join(REPO_ROOT, 'packages/api/package.json');

/**
 * Builds each lazy module into `<outdir>/node_modules/<name>/` (one ESM file and a
 * package.json naming it); answers the metafiles, for the report.
 */
export async function buildLazyModules(
  outdir: string,
): Promise<{ name: string; file: string; metafile: Metafile }[]> {
  const resolveFrom = createRequire(LAZY_OWNER);
  return Promise.all(
    LAZY_MODULES.map(async (name) => {
      const dir = join(outdir, 'node_modules', name);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'index.mjs');
      const { metafile } = await build({
        entryPoints: [resolveFrom.resolve(name)],
        outfile: file,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: TARGET,
        minify: true,
        sourcemap: false,
        mainFields: ['module', 'main'],
        banner: { js: REQUIRE_SHIM },
        metafile: true,
        logLevel: 'warning',
      });
      writeFileSync(
        join(dir, 'package.json'),
        `${JSON.stringify({ name, private: true, type: 'module', exports: './index.mjs' })}\n`,
      );
      return { name, file, metafile };
    }),
  );
}

/**
 * Writes the module esbuild injects; returns its path. Written aside and renamed into
 * place, so a build never reads it half-written.
 */
export function writeTenantsModule(tenants: readonly ResolvedTenant[], dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'baked-tenants.mjs');
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(
    partial,
    `// Written by infra at synth from tenants/; do not edit.\nexport const __SME_TENANTS__ = ${JSON.stringify(tenants)};\n`,
  );
  renameSync(partial, file);
  return file;
}

/**
 * Packages each bundle takes from a module infra writes instead: zod without its unused
 * locales (`lean-zod.ts`), and the SDK's default credential chain reduced to the
 * environment's credentials, where Lambda puts them (`env-credentials.ts`).
 */
export function bundleAliases(): Record<string, string> {
  return { zod: writeLeanZod(), [DEFAULT_CREDENTIAL_PROVIDER]: writeEnvCredentials() };
}

/**
 * The AWS SDK v3 is bundled, not taken from the Lambda runtime: the version that ran in
 * the tests is the version that runs in Lambda, and a bundled, tree-shaken, minified
 * copy starts faster. Measured (issue 13 item 2, side by side, 7 interleaved runs): the
 * API bundle was 1098 KiB instead of 1616 with the SDK left out, but its cold start cost
 * ~370 ms more CPU (+890 ms against +523 over `node -e 0`), the runtime's SDK loading as
 * whole, unminified CommonJS; and the runtime need not ship every package used here
 * (`lib-dynamodb`, `s3-presigned-post`, `s3-request-presigner`). Bundled, it also sheds
 * what never runs on Lambda: the default credential chain, reduced to the credentials
 * Lambda puts in the environment (`bundleAliases`, `env-credentials.ts`; 110 KiB less in
 * every bundle, the API's 1216.7 → 1106.8 KiB).
 */

export function cdkBundling(tenantsModule: string, name: FunctionName): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: TARGET,
    minify: true,
    sourceMap: false,
    mainFields: ['module', 'main'],
    banner: REQUIRE_SHIM,
    inject: [tenantsModule],
    bundleAwsSDK: true,
    externalModules: [...LAZY_MODULES],
    esbuildArgs: {
      // Chinese text (the baked tenants, the pages) as UTF-8, not `\uXXXX` escapes: a
      // third of the size, and the same characters once parsed. As a flag: CDK 2.276
      // accepts `charset` but never passes it to esbuild (its synth wrote escapes).
      '--charset': 'utf8',
      ...Object.fromEntries(
        Object.entries(bundleAliases()).map(([name, path]) => [`--alias:${name}`, path]),
      ),
    },
    forceDockerBundling: false,
    // The lazy modules, built beside the bundle by the same function as the report's.
    ...(carriesLazyModules(name) && { commandHooks: lazyModuleHooks() }),
  };
}

function lazyModuleHooks(): NonNullable<BundlingOptions['commandHooks']> {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir, outputDir) => [
      `cd "${REPO_ROOT}" && node --import tsx infra/bin/lazy-modules.ts "${outputDir}"`,
    ],
  };
}

/** The same bundle through esbuild's API, with a metafile for the size report. */
export function esbuildOptions(
  name: FunctionName,
  tenantsModule: string,
  outdir: string,
): BuildOptions & { metafile: true } {
  return {
    entryPoints: { index: join(REPO_ROOT, FUNCTION_ENTRIES[name]) },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: TARGET,
    minify: true,
    sourcemap: false,
    charset: 'utf8',
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_SHIM },
    inject: [tenantsModule],
    external: [...LAZY_MODULES],
    alias: bundleAliases(),
    // Metafile paths from the repo root, whichever directory the build ran from.
    absWorkingDir: REPO_ROOT,
    metafile: true,
    logLevel: 'warning',
  };
}
