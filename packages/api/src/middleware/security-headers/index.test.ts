import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { postJson, testApp } from '../../test-app.test-support.js';
import { cspHash, pageSecurityHeaders, securityHeaders } from './index.js';

function expectLockedDown(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
}

describe('securityHeaders and pageSecurityHeaders', () => {
  const app = new Hono();
  app.onError((_error, c) => c.json({ code: 'internal' }, 500));
  app.use('*', securityHeaders());
  app.get('/data', (c) => c.json({ ok: true }));
  app.get('/fail', () => {
    throw new Error('boom');
  });
  app.get('/page', pageSecurityHeaders({ styles: ['body{margin:0}'] }), (c) =>
    c.html('<style>body{margin:0}</style>'),
  );

  it('lock down every answer, errors included', async () => {
    for (const path of ['/data', '/fail', '/nowhere']) {
      const res = await app.request(path);
      expectLockedDown(res);
      expect(res.headers.get('content-security-policy')).not.toContain('style-src');
    }
  });

  it('allow a page exactly its inline stylesheets, by hash', async () => {
    const res = await app.request('/page');
    expectLockedDown(res);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`style-src ${cspHash('body{margin:0}')}`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('hash as CSP does: SHA-256 of the UTF-8 text, base64', () => {
    const digest = createHash('sha256').update('a{}').digest('base64');
    expect(cspHash('a{}')).toBe(`'sha256-${digest}'`);
  });
});

describe('the app', () => {
  let app: Awaited<ReturnType<typeof testApp>>['app'];
  beforeAll(async () => {
    ({ app } = await testApp());
  });

  it('allows /api/docs its stylesheet as served, and nothing inline besides', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    expectLockedDown(res);
    const html = await res.text();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(styles).toHaveLength(1);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`style-src ${cspHash(styles[0] ?? '')}`);
    expect(html).not.toMatch(/<script|\sstyle=/);
  });

  it('sends the headers on answers, refusals and unknown paths alike', async () => {
    const answers = [
      await app.request('/api/tenants'),
      await app.request('/api/tenants/qingdao/applications'),
      await app.request('/api/nowhere'),
      await app.request('/api/dev/login', postJson({ role: 'x'.repeat(2 * 1024 * 1024) })),
      await app.request('/api/dev/login', postJson({ role: 'provider\u202e' })),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 413, 422]);
    for (const res of answers) expectLockedDown(res);
  });
});
