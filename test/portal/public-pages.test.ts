/**
 * The public pages and the portal's shell through the app: the tenants, a call as its
 * notice sets it out, errors as pages, the headers, sign-in and the form token.
 */
import { createHash } from 'node:crypto';
import { testApp } from '@sme/api/testing';
import { describe, expect, it } from 'vitest';
import { PageClient, textOf } from '../support/page-client.js';
import { PROGRAM } from '../support/qingdao.js';

describe('the portal shell', () => {
  it('lists every tenant at / in Chinese, with a locked-down CSP and no caching', async () => {
    const { app } = await testApp();
    const page = await new PageClient(app).get('/');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/^<!doctype html><html lang="zh-CN">/);
    for (const name of ['济南市', '青岛市', '济宁市', '山东省'])
      expect(textOf(page.html)).toContain(name);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('serves its stylesheet and scripts itself, matching the integrity the page declares', async () => {
    const { app } = await testApp();
    const page = await new PageClient(app).get('/qingdao/');
    const links = [...page.html.matchAll(/(?:href|src)="(\/assets\/[^"]+)" integrity="([^"]+)"/g)];
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const [, path = '', integrity = ''] of links) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('immutable');
      const digest = createHash('sha384')
        .update(await res.text())
        .digest('base64');
      expect(integrity).toBe(`sha384-${digest}`);
    }
  });

  it('shows a call with its tracks, documents as people name them and the deadline in Beijing time', async () => {
    const { app } = await testApp();
    const page = await new PageClient(app).get(`/qingdao/calls/${PROGRAM}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('2024-01-31 24:00（北京时间）');
    // 2024-01-20 09:00 to 2024-02-01 00:00.
    expect(text).toContain('剩余 11 天 15 小时 0 分');
    expect(text).toContain('PDF 文件，不超过 20 MB');
    expect(text).not.toContain('application/pdf');
    expect(text).toContain('正在申报');
  });

  it('answers an unknown tenant or call with a 404 page, and an unknown API path with JSON', async () => {
    const { app } = await testApp();
    const client = new PageClient(app);
    for (const path of ['/atlantis/', '/qingdao/calls/nope', '/qingdao/nothing-here']) {
      const page = await client.get(path);
      expect(page.status, path).toBe(404);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(textOf(page.html)).toContain('未找到');
    }
    const api = await app.request('/api/nothing');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('signing in and the form token', () => {
  it('offers the demo people of the tenant and starts an HttpOnly, SameSite=Lax session', async () => {
    const { app } = await testApp();
    const client = new PageClient(app);
    const signIn = textOf((await client.get('/qingdao/signin')).html);
    for (const who of [
      '崂山区审核员',
      '评审专家 1',
      '青岛市主管部门',
      '服务商：青岛示例数字科技有限公司',
    ]) {
      expect(signIn).toContain(who);
    }
    const answer = await client.post('/qingdao/signin', {
      identity: 'reviewer-laoshan',
      next: '/qingdao/notices',
    });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/qingdao/notices');
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(textOf((await client.get('/qingdao/')).html)).toContain('崂山区审核员');

    const out = await client.post('/signout', {});
    expect(out.status).toBe(303);
    expect(client.cookies.has('session')).toBe(false);
  });

  it('never redirects off the tenant after sign-in', async () => {
    const { app } = await testApp();
    const client = new PageClient(app);
    for (const next of [
      'https://evil.example/',
      '//evil.example/x',
      '/jinan/',
      '/qingdao/../jinan/',
    ]) {
      const answer = await client.post('/qingdao/signin', { identity: 'city-admin', next });
      expect(answer.location, next).toBe('/qingdao/');
    }
  });

  it('refuses a form posted without its token, or with another visitor’s, and signs no one in', async () => {
    const { app } = await testApp();
    const client = new PageClient(app);
    await client.csrf();
    const without = await client.post(
      '/qingdao/signin',
      { identity: 'city-admin' },
      { csrf: false },
    );
    expect(without.status).toBe(403);
    expect(textOf(without.html)).toContain('表单已失效或来源不明');
    expect(without.html).toContain('csrf_failed');
    const forged = await client.post(
      '/qingdao/signin',
      { identity: 'city-admin' },
      { csrf: 'A'.repeat(43) },
    );
    expect(forged.status).toBe(403);
    expect(client.cookies.has('session')).toBe(false);
  });
});
