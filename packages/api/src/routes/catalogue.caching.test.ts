import { describe, expect, it } from 'vitest';
import { testApp } from '../test-app.test-support.js';

const PROGRAM = '/api/tenants/qingdao/programs/dx-providers-2024';

describe('the catalogue answers with a cached ETag', () => {
  it.each([['/api/tenants'], ['/api/tenants/qingdao'], [PROGRAM]])(
    'gives GET %s the same strong ETag twice, with the JSON body',
    async (path) => {
      const { app } = await testApp();
      const first = await app.request(path);
      const second = await app.request(path);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toContain('application/json');
      const tag = first.headers.get('etag');
      expect(tag).toMatch(/^"[\w-]{43}"$/);
      expect(second.headers.get('etag')).toBe(tag);
      expect(await second.text()).toBe(await first.text());
    },
  );

  it('answers 304 with no body to If-None-Match naming the current tag, keeping its headers', async () => {
    const { app } = await testApp();
    const tag = (await app.request(PROGRAM)).headers.get('etag') ?? '';
    for (const ifNoneMatch of [tag, `"other", ${tag}`, '*']) {
      const res = await app.request(PROGRAM, { headers: { 'if-none-match': ifNoneMatch } });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(tag);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    }
  });

  it.each([
    ['a weak tag of another body', 'W/"not-the-body"'],
    ['a strong tag of another body', '"not-the-body"'],
    ['garbage', 'garbage, not a tag'],
    ['an empty header', ''],
  ])('answers 200 with the body to If-None-Match with %s', async (_, ifNoneMatch) => {
    const { app } = await testApp();
    const res = await app.request(PROGRAM, { headers: { 'if-none-match': ifNoneMatch } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'dx-providers-2024', state: 'open' });
  });

  it('changes the tag when the call closes on the clock, and the old one no longer matches', async () => {
    const { app, clock } = await testApp({ start: '2024-01-31T23:59:00+08:00' });
    const before = await app.request(PROGRAM);
    const tag = before.headers.get('etag') ?? '';
    expect(await before.json()).toMatchObject({ state: 'open' });
    clock.advanceTo(new Date('2024-02-01T00:00:00+08:00'));
    const after = await app.request(PROGRAM, { headers: { 'if-none-match': tag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    expect(await after.json()).toMatchObject({ state: 'closed' });
  });

  it("changes the tenant's tag when its call opens on the clock", async () => {
    const { app, clock } = await testApp({ start: '2024-01-08T23:59:59+08:00' });
    const before = await app.request('/api/tenants/qingdao');
    clock.advanceTo(new Date('2024-01-09T00:00:00+08:00'));
    const after = await app.request('/api/tenants/qingdao');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const states = async (res: Response) =>
      ((await res.json()) as { programs: { state: string }[] }).programs.map((p) => p.state);
    expect(await states(before)).toEqual(['upcoming']);
    expect(await states(after)).toEqual(['open']);
  });

  it('lets no cache keep an answer past the next opening or closing', async () => {
    const { app, clock } = await testApp({ start: '2024-01-31T23:59:30+08:00' });
    expect((await app.request(PROGRAM)).headers.get('cache-control')).toBe('public, max-age=30');
    clock.advanceTo(new Date('2024-01-31T23:59:59.5+08:00'));
    expect((await app.request(PROGRAM)).headers.get('cache-control')).toBe('public, max-age=0');
    clock.advanceTo(new Date('2024-02-01T00:00:00+08:00'));
    // Closed, with nothing left to change: the short bound still applies (a redeploy).
    expect((await app.request(PROGRAM)).headers.get('cache-control')).toBe('public, max-age=60');
  });

  it.each([
    ['/api/tenants/atlantis', 'tenant_not_found'],
    ['/api/tenants/qingdao/programs/nope', 'program_not_found'],
  ])(
    'still answers %s with a 404 problem, untagged, whatever If-None-Match says',
    async (path, code) => {
      const { app } = await testApp();
      const res = await app.request(path, { headers: { 'if-none-match': '*' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('etag')).toBeNull();
      expect(res.headers.get('cache-control') ?? '').not.toContain('public');
      expect(await res.json()).toMatchObject({ status: 404, code });
    },
  );
});
