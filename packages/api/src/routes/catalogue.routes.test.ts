import { describe, expect, it } from 'vitest';
import { testApp } from '../test-app.test-support.js';

describe('GET /api/tenants', () => {
  it('lists every tenant with kind, parent and names', async () => {
    const res = await (await testApp()).app.request('/api/tenants');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string; kind: string; parent?: string }[] };
    const qingdao = body.items.find((t) => t.id === 'qingdao');
    expect(qingdao).toMatchObject({
      kind: 'city',
      parent: 'shandong',
      name: { zh: '青岛市', en: 'Qingdao' },
    });
    expect(body.items.find((t) => t.id === 'shandong')).toMatchObject({ kind: 'province' });
    expect(body.items.find((t) => t.id === 'shandong')).not.toHaveProperty('parent');
  });
});

describe('GET /api/tenants/{t}', () => {
  it("shows Qingdao's call as open on 2024-01-20, with its window as Shanghai instants", async () => {
    const res = await (await testApp({ start: '2024-01-20T09:00:00+08:00' })).app.request(
      '/api/tenants/qingdao',
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      regions: { id: string }[];
      programs: Record<string, unknown>[];
    };
    expect(body.regions).toHaveLength(13);
    expect(body.programs).toEqual([
      expect.objectContaining({
        id: 'dx-providers-2024',
        state: 'open',
        opensAt: '2024-01-09T00:00:00+08:00',
        closesAt: '2024-02-01T00:00:00+08:00',
      }),
    ]);
  });

  it('shows the call closed from 2024-02-01 00:00 on the virtual clock', async () => {
    const { app, clock } = await testApp({ start: '2024-01-31T23:59:59+08:00' });
    const state = async () =>
      (
        (await (await app.request('/api/tenants/qingdao')).json()) as {
          programs: { state: string }[];
        }
      ).programs[0]?.state;
    expect(await state()).toBe('open');
    clock.advanceTo(new Date('2024-01-31T16:00:00Z'));
    expect(await state()).toBe('closed');
  });

  it('shows the province call as rolling', async () => {
    const body = (await (await (await testApp()).app.request('/api/tenants/shandong')).json()) as {
      programs: { id: string; state: string }[];
    };
    expect(body.programs.find((p) => p.id === 'provider-pool')?.state).toBe('rolling');
  });

  it('answers an unknown tenant with a 404 problem', async () => {
    const res = await (await testApp()).app.request('/api/tenants/atlantis');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, code: 'tenant_not_found' });
  });
});

describe('GET /api/tenants/{t}/programs/{p}', () => {
  it("gives Qingdao's tracks, industries, form, documents and ordered stages", async () => {
    const res = await (await testApp()).app.request(
      '/api/tenants/qingdao/programs/dx-providers-2024',
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<
      string,
      { id?: string; kind?: string; type?: string }[]
    > & {
      window: unknown;
    };
    expect(body.tracks?.map((t) => t.id)).toEqual(['integration', 'product', 'chain-leader']);
    expect(body.industries?.map((i) => i.id)).toHaveLength(4);
    expect(body.fields?.find((f) => f.id === 'cases')).toMatchObject({
      type: 'list',
      item: expect.any(Array),
    });
    expect(body.documents?.map((d) => (d as { kind: string }).kind)).toContain('credit-report');
    expect(body.stages).toEqual([
      expect.objectContaining({ id: 'screening', kind: 'screening' }),
      expect.objectContaining({
        id: 'district-review',
        kind: 'manual',
        role: 'district_reviewer',
        scope: 'region',
      }),
      expect.objectContaining({ id: 'expert-review', kind: 'panel', minExperts: 3 }),
      expect.objectContaining({ id: 'publicity', kind: 'publicity', workingDays: 5 }),
      expect.objectContaining({ id: 'publish', kind: 'publish' }),
    ]);
    expect(body.window).toMatchObject({ kind: 'fixed', closesAt: '2024-02-01T00:00:00+08:00' });
  });

  it("gives Jining the province's ten categories with their sub-categories", async () => {
    const body = (await (
      await (await testApp()).app.request('/api/tenants/jining/programs/dx-providers')
    ).json()) as {
      categories: { id: string; children: unknown[] }[];
    };
    expect(body.categories).toHaveLength(10);
    expect(body.categories.find((c) => c.id === 'digital-production')?.children).toHaveLength(7);
  });

  it('answers an unknown program with a 404 problem', async () => {
    const res = await (await testApp()).app.request('/api/tenants/qingdao/programs/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'program_not_found' });
  });
});

describe('GET /api/openapi.json', () => {
  it('serves an OpenAPI 3.1 document naming the catalogue paths', async () => {
    const doc = (await (await (await testApp()).app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/tenants',
        '/api/tenants/{t}',
        '/api/tenants/{t}/programs/{p}',
        '/api/tenants/{t}/orgs/{uscc}',
        '/api/tenants/{t}/applications',
        '/api/tenants/{t}/applications/{id}',
        '/api/tenants/{t}/applications/{id}/submit',
        '/api/tenants/{t}/applications/{id}/documents/{documentId}/complete',
      ]),
    );
  });
});

describe('GET /api/openapi.json, kept after the first request', () => {
  it('answers the same document each time, and what a fresh app generates first', async () => {
    const { app } = await testApp();
    const first = await (await app.request('/api/openapi.json')).text();
    const second = await (await app.request('/api/openapi.json')).text();
    const fresh = await (await (await testApp()).app.request('/api/openapi.json')).text();
    expect(JSON.parse(first)).toMatchObject({ openapi: '3.1.0', paths: expect.any(Object) });
    expect(second).toBe(first);
    expect(fresh).toBe(first);
  });
});

describe('GET /api/docs', () => {
  it('renders every operation of the document as a page, with no script', async () => {
    const res = await (await testApp()).app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const path of [
      '/api/tenants/{t}/applications/{id}/submit',
      '/api/tenants/{t}/orgs/{uscc}',
      '/api/tenants/{t}/bans',
    ]) {
      expect(html).toContain(path);
    }
    expect(html).toContain('接口文档');
    expect(html).not.toContain('<script');
  });
});

describe('an unknown route', () => {
  it('is a 404 problem', async () => {
    const res = await (await testApp()).app.request('/api/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found' });
  });
});
