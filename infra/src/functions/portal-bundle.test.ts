/**
 * The portal's bundle as deployed: built with the stack's options, then invoked from
 * its output file with an API Gateway HTTP API (v2) event for a page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BundleReport, bundleFunction } from './bundle-report.js';
import {
  bundledSources,
  type Handler,
  httpApiEvent,
  importBundledHandler,
} from './bundled-handler.test-support.js';
import { writeTenantsModule } from './bundling.js';

describe('the bundled portal handler', () => {
  const tenants = inject('tenants');
  let outdir: string;
  let report: BundleReport;
  let handler: Handler;

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'sme-portal-bundle-'));
    report = await bundleFunction('portal', writeTenantsModule(tenants, outdir), outdir);
    handler = await importBundledHandler(report.file);
  }, 60_000);
  afterAll(async () => rm(outdir, { recursive: true, force: true }));

  it('answers a tenant’s home page in Chinese, with the portal’s headers', async () => {
    const qingdao = tenants.find((t) => t.id === 'qingdao');
    const page = await handler(httpApiEvent('GET', '/qingdao/', { accept: 'text/html' }), {});
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain(qingdao?.name.zh);
  });

  it('answers a missing page with the portal’s 404 page, not problem details', async () => {
    const page = await handler(httpApiEvent('GET', '/nowhere/', { accept: 'text/html' }), {});
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('carries the pages and the tenants, and no API route, CDK, local engine or test code', () => {
    expect(report.forbidden).toEqual([]);
    expect(report.tenantsBytes).toBeGreaterThan(10_000);
    const sources = bundledSources(report);
    expect(sources.some((path) => path.includes('api/src/portal/'))).toBe(true);
    expect(sources.filter((path) => /api\/src\/routes\/.*\.routes\.ts$/.test(path))).toEqual([]);
    expect(report.lazy.map((l) => l.name)).toEqual(['exceljs']);
  });
});
