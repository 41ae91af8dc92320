import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BUNDLE_BUDGETS } from './bundle-budgets.js';
import {
  bundleAll,
  bundleFunction,
  formatReport,
  moduleName,
  originOf,
  unfit,
} from './bundle-report.js';
import { writeTenantsModule as tenantsModule } from './bundling.js';

describe('the bundle report', () => {
  const dirs: string[] = [];
  const fresh = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sme-report-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('names modules by package, and the baked tenants as such', () => {
    expect(moduleName('../node_modules/.pnpm/hono@4.1.0/node_modules/hono/dist/index.js')).toBe(
      'hono/dist/index.js',
    );
    expect(moduleName('/tmp/x/generated/baked-tenants.mjs')).toBe(
      '(the resolved tenants, baked in)',
    );
  });

  it('tells the AWS SDK, zod, the tenants and hono from the platform’s own code', () => {
    const pnpm = (pkg: string) => `node_modules/.pnpm/x@1/node_modules/${pkg}/dist/index.js`;
    expect(originOf(pnpm('@aws-sdk/client-dynamodb'))).toBe('AWS SDK');
    expect(originOf(pnpm('@smithy/core'))).toBe('AWS SDK');
    expect(originOf('infra/.generated/env-credentials.mjs')).toBe('AWS SDK');
    expect(originOf(pnpm('zod'))).toBe('zod + OpenAPI');
    expect(originOf(pnpm('@asteasolutions/zod-to-openapi'))).toBe('zod + OpenAPI');
    expect(originOf(pnpm('@hono/zod-openapi'))).toBe('zod + OpenAPI');
    expect(originOf('infra/.generated/lean-zod-core.mjs')).toBe('zod + OpenAPI');
    expect(originOf('../../tmp/x/generated/baked-tenants.mjs')).toBe('tenants');
    expect(originOf(pnpm('hono'))).toBe('hono');
    expect(originOf('packages/platform/src/review/x.ts')).toBe('platform code');
    expect(originOf('functions/src/api.handler.ts')).toBe('platform code');
    expect(originOf(pnpm('jose'))).toBe('other libraries');
  });

  it('builds every function with the tenants baked in, ten heaviest modules each', async () => {
    const reports = await bundleAll(inject('tenants'), await fresh());
    expect(reports.map((r) => r.name)).toEqual(['api', 'portal', 'reviewStage', 'timerTick']);
    for (const report of reports) {
      expect(unfit(report), report.name).toBe(false);
      expect(report.heaviest).toHaveLength(10);
      expect(report.bytes).toBeGreaterThan(report.tenantsBytes);
      // Every module counted once: the origins add up to the bundle but for esbuild's glue.
      const byOrigin = report.origins.reduce((sum, o) => sum + o.bytes, 0);
      expect(byOrigin).toBeLessThanOrEqual(report.bytes);
      expect(byOrigin).toBeGreaterThan(report.bytes * 0.99);
      expect(report.origins.find((o) => o.origin === 'tenants')?.bytes).toBe(report.tenantsBytes);
    }
    expect(formatReport(reports)).toMatch(
      /^api: [\d.]+ KiB \/ [\d.]+ KiB budget \(functions\/src\/api\.handler\.ts\)\n {2}by origin: AWS SDK [\d.]+ KiB · /,
    );
  });

  it('calls a bundle unfit when it weighs a byte over its budget', async () => {
    const report = await bundleFunction(
      'timerTick',
      tenantsModule(inject('tenants'), await fresh()),
      await fresh(),
    );
    expect(report.budget).toBe(BUNDLE_BUDGETS.timerTick);
    expect(unfit(report)).toBe(false);
    const over = { ...report, budget: report.bytes - 1 };
    expect(unfit(over)).toBe(true);
    expect(formatReport([over])).toContain('✗ over its budget by 0.0 KiB (BUNDLE_BUDGETS)');
    expect(unfit({ ...report, budget: report.bytes })).toBe(false);
  });

  it('calls a bundle unfit when its tenants did not make it in', async () => {
    const dir = await fresh();
    const empty = join(dir, 'generated', 'baked-tenants.mjs');
    await mkdir(join(dir, 'generated'), { recursive: true });
    await writeFile(empty, '');
    const report = await bundleFunction('timerTick', empty, dir);
    expect(report.tenantsBytes).toBeLessThan(100);
    expect(unfit(report)).toBe(true);
    expect(formatReport([report])).toContain('✗ the resolved tenants are missing');
  });
});
