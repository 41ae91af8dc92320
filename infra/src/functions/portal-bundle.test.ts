/**
 * The portal's bundle as deployed: built with the stack's options, then invoked from
 * its output file with an API Gateway HTTP API (v2) event for a page.
 */
import { describe, expect, inject, it } from 'vitest';
import { builtFunction, bundledSources, httpApiEvent } from './bundled-handler.test-support.js';

describe('the bundled portal handler', () => {
  const tenants = inject('tenants');
  const built = builtFunction('portal', tenants);

  it('answers a tenant’s home page in Chinese, with the portal’s headers', async () => {
    const qingdao = tenants.find((t) => t.id === 'qingdao');
    const page = await built.handler(httpApiEvent('GET', '/qingdao/', { accept: 'text/html' }), {});
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain(qingdao?.name.zh);
  });

  it('answers a missing page with the portal’s 404 page, not problem details', async () => {
    const page = await built.handler(httpApiEvent('GET', '/nowhere/', { accept: 'text/html' }), {});
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('carries the pages and the tenants, and no API route, CDK, local engine or test code', () => {
    expect(built.report.forbidden).toEqual([]);
    expect(built.report.tenantsBytes).toBeGreaterThan(10_000);
    const sources = bundledSources(built.report);
    expect(sources.some((path) => path.includes('api/src/portal/'))).toBe(true);
    expect(sources.filter((path) => /api\/src\/routes\/.*\.routes\.ts$/.test(path))).toEqual([]);
    expect(built.report.lazy.map((l) => l.name)).toEqual(['exceljs']);
  });
});
