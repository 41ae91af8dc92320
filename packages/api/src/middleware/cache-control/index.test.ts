import { beforeAll, describe, expect, it } from 'vitest';
import { postJson, testApp } from '../../test-app.test-support.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];
beforeAll(async () => {
  ({ app } = await testApp());
});

describe('noStore on the app', () => {
  it.each([
    ['/api/tenants'],
    ['/api/tenants/qingdao'],
    ['/api/tenants/qingdao/programs/dx-providers-2024'],
  ])('keeps the public Cache-Control the catalogue GET %s sets', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
  });

  it.each([['/api/openapi.json'], ['/api/docs']])(
    'leaves the public GET %s cacheable at the edge',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBeNull();
    },
  );

  it.each([
    ['GET', '/api/health'],
    ['GET', '/api/tenants/qingdao/applications'],
    ['GET', '/api/tenants/qingdao/applications/a1'],
    ['GET', '/api/tenants/qingdao/notices'],
    ['GET', '/api/tenants/qingdao/pool'],
    ['GET', '/api/tenants/qingdao/programs/dx-providers-2024/ranking?stage=expert-review'],
    ['POST', '/api/tenants/qingdao'],
    ['GET', '/api/dev/clock'],
  ])('forbids storing %s %s', async (method, path) => {
    const res = await app.request(path, { method });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('forbids storing the answer that carries a token', async () => {
    const res = await app.request(
      '/api/dev/login',
      postJson({ role: 'city_admin', tenant: 'qingdao' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
