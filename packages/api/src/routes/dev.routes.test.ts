import { verify } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { postJson, TEST_SECRET, testApp } from '../test-app.test-support.js';

const USCC = '91350100M000100Y43';

async function login(body: unknown) {
  return (await testApp()).app.request('/api/dev/login', postJson(body));
}

describe('POST /api/dev/login', () => {
  it('issues a signed token with the claims of a provider', async () => {
    const res = await login({ role: 'provider', tenant: 'qingdao', org: USCC, name: '测试公司' });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const claims = await verify(token, TEST_SECRET, 'HS256');
    expect(claims).toMatchObject({
      tenant: 'qingdao',
      roles: ['provider'],
      org: USCC,
      name: '测试公司',
    });
  });

  it('scopes a district reviewer to its region', async () => {
    const res = await login({ role: 'district_reviewer', tenant: 'qingdao', region: 'laoshan' });
    const claims = await verify(
      ((await res.json()) as { token: string }).token,
      TEST_SECRET,
      'HS256',
    );
    expect(claims).toMatchObject({ roles: ['district_reviewer'], region: 'laoshan' });
  });

  it.each([
    [{ role: 'provider', tenant: 'qingdao' }, 'org_required', 'org'],
    [{ role: 'provider', tenant: 'qingdao', org: '91350100M000100Y44' }, 'invalid_uscc', 'org'],
    [{ role: 'district_reviewer', tenant: 'qingdao' }, 'region_required', 'region'],
    [{ role: 'district_reviewer', tenant: 'qingdao', region: 'lixia' }, 'unknown_region', 'region'],
    [{ role: 'province_admin', tenant: 'qingdao' }, 'role_not_in_tenant', 'role'],
    [{ role: 'expert', tenant: 'qingdao' }, 'expert_id_required', 'expertId'],
  ])('refuses %j with %s at %s', async (body, code, path) => {
    const res = await login(body);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as {
      code: string;
      errors: { path: string }[];
      detail: string;
    };
    expect(problem.code).toBe(code);
    expect(problem.errors.map((e) => e.path)).toEqual([path]);
    expect(problem.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses an unknown role with a validation problem naming the field', async () => {
    const res = await login({ role: 'mayor', tenant: 'qingdao' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'role' }],
    });
  });

  it('refuses an unknown tenant with 404', async () => {
    const res = await login({ role: 'city_admin', tenant: 'atlantis' });
    expect(res.status).toBe(404);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await (await testApp()).app.request('/api/dev/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"role":',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('/api/dev/clock', () => {
  it('reads the virtual clock in +08:00 and follows real time', async () => {
    const { app, tickReal } = await testApp({ start: '2024-01-20T09:00:00+08:00' });
    expect(await (await app.request('/api/dev/clock')).json()).toEqual({
      now: '2024-01-20T09:00:00+08:00',
    });
    tickReal(61_000);
    expect(await (await app.request('/api/dev/clock')).json()).toEqual({
      now: '2024-01-20T09:01:01+08:00',
    });
  });

  it('moves forward, fires the due timers first, and reports how many', async () => {
    const { app, fired } = await testApp({ dueTimers: 2 });
    const res = await app.request(
      '/api/dev/clock',
      postJson({ advanceTo: '2024-02-22T00:00:00+08:00' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ now: '2024-02-22T00:00:00+08:00', fired: 2 });
    expect(fired.map((d) => d.toISOString())).toEqual(['2024-02-21T16:00:00.000Z']);
  });

  it('refuses to move backwards with 409 clock_backwards and stays put', async () => {
    const { app } = await testApp({ start: '2024-02-01T00:00:00+08:00' });
    const res = await app.request(
      '/api/dev/clock',
      postJson({ advanceTo: '2024-01-31T00:00:00+08:00' }),
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'clock_backwards' });
    expect(await (await app.request('/api/dev/clock')).json()).toEqual({
      now: '2024-02-01T00:00:00+08:00',
    });
  });

  it('refuses an instant without an offset', async () => {
    const res = await (await testApp()).app.request(
      '/api/dev/clock',
      postJson({ advanceTo: '2024-02-01T00:00:00' }),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'invalid_date' });
  });
});
