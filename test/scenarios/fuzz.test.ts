/**
 * Bad input never yields a 5xx: random JSON (and non-JSON), oversized and absurdly
 * nested bodies thrown at every write route, and forged cursors at the list routes, by a
 * signed-in provider, city admin or province admin, answer with a 4xx problem.
 */
import { testApp } from '@sme/api/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { OPEN_AT, PROGRAM, uscc } from '../support/qingdao.js';
import { draftApplication } from '../support/submitted.js';

let client: ApiClient;
let admin: ApiClient;
let province: ApiClient;
let appId = '';
const org = uscc(9001);

beforeAll(async () => {
  const { app } = await testApp({ start: OPEN_AT });
  client = await ApiClient.signIn(app, { role: 'provider', tenant: 'qingdao', org });
  admin = await ApiClient.signIn(app, { role: 'city_admin', tenant: 'qingdao' });
  province = await ApiClient.signIn(app, { role: 'province_admin', tenant: 'shandong' });
  ({ id: appId } = await draftApplication(app, org, { name: '模糊测试公司', region: 'jimo' }));
});

const writeRoutes: [string, () => string][] = [
  ['PUT', () => `/api/tenants/qingdao/orgs/${org}`],
  ['PUT', () => `/api/tenants/qingdao/orgs/${org}/branches/${org}`],
  ['POST', () => '/api/tenants/qingdao/applications'],
  ['PATCH', () => `/api/tenants/qingdao/applications/${appId}`],
  ['POST', () => `/api/tenants/qingdao/applications/${appId}/withdraw`],
  ['POST', () => `/api/tenants/qingdao/applications/${appId}/submit`],
  ['POST', () => `/api/tenants/qingdao/applications/${appId}/documents`],
  ['POST', () => `/api/tenants/qingdao/applications/${appId}/documents/x/complete`],
  ['POST', () => '/api/tenants/shandong/bans'],
  ['POST', () => `/api/tenants/qingdao/applications/${appId}/decision`],
  ['POST', () => `/api/tenants/qingdao/applications/${appId}/experts`],
  ['POST', () => `/api/tenants/qingdao/applications/${appId}/experts/draw`],
  ['POST', () => `/api/tenants/qingdao/applications/${appId}/scores`],
  ['PUT', () => '/api/tenants/qingdao/experts/e-1'],
  ['POST', () => '/api/tenants/qingdao/notices'],
  ['POST', () => '/api/tenants/qingdao/notices/n-1/objections'],
  ['POST', () => '/api/tenants/qingdao/notices/n-1/objections/o-1/decision'],
  ['POST', () => '/api/dev/login'],
  ['POST', () => '/api/dev/clock'],
];

/** Bodies shaped like the real ones, with every value replaced by anything. */
const body = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      programId: fc.oneof(fc.constant(PROGRAM), fc.string()),
      track: fc.oneof(fc.constantFrom('product', 'integration', 'chain-leader'), fc.jsonValue()),
      industries: fc.oneof(
        fc.array(fc.constantFrom('auto-parts', 'home-appliances', 'x')),
        fc.jsonValue(),
      ),
      fields: fc.oneof(
        fc.dictionary(
          fc.constantFrom('teamSize', 'cases', 'products', 'localTeam', '__proto__', 'x'),
          fc.jsonValue(),
        ),
        fc.jsonValue(),
      ),
      name: fc.jsonValue(),
      region: fc.oneof(fc.constant('jimo'), fc.jsonValue()),
      kind: fc.oneof(fc.constant('credit-report'), fc.jsonValue()),
      size: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
      sha256: fc.oneof(
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
        fc.jsonValue(),
      ),
      contentType: fc.oneof(fc.constant('application/pdf'), fc.string()),
      advanceTo: fc.oneof(
        fc.string(),
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
      ),
      role: fc.oneof(fc.constant('provider'), fc.string()),
      tenant: fc.oneof(fc.constant('qingdao'), fc.string()),
      stage: fc.oneof(
        fc.constantFrom('district-review', 'expert-review', 'publicity'),
        fc.jsonValue(),
      ),
      outcome: fc.oneof(fc.constantFrom('pass', 'return', 'reject'), fc.jsonValue()),
      expertIds: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
      scores: fc.oneof(fc.dictionary(fc.string(), fc.double()), fc.jsonValue()),
      applicationIds: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
      upheld: fc.jsonValue(),
      relation: fc.oneof(fc.constantFrom('confirmed', 'denied'), fc.jsonValue()),
      replaces: fc.oneof(fc.string(), fc.jsonValue()),
      reason: fc.oneof(fc.string(), fc.jsonValue()),
    },
    { requiredKeys: [] },
  ),
);

describe('random input', () => {
  it.each(writeRoutes)('never makes %s %s answer 5xx', async (method, path) => {
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), fc.boolean(), async (value, asText, asAdmin) => {
        const raw = asText ? JSON.stringify(value).slice(0, -1) : JSON.stringify(value);
        const res = await client.app.request(path(), {
          method,
          headers: {
            authorization: `Bearer ${(asAdmin ? admin : client).token}`,
            'content-type': 'application/json',
          },
          body: raw,
        });
        expect(res.status, `${method} ${path()} ${raw}`).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});

describe('ids that could forge a storage key', () => {
  it('are refused as invalid input, never as a server error (a counterexample fast-check found)', async () => {
    const call = (path: string, body: unknown) =>
      admin.app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const notice = await call('/api/tenants/qingdao/notices', {
      programId: PROGRAM,
      applicationIds: ['!N^1_{'],
    });
    expect(notice.status).toBe(422);
    const experts = await call(`/api/tenants/qingdao/applications/${appId}/experts`, {
      stage: 'expert-review',
      expertIds: ['a#b', 'c', 'd'],
    });
    expect(experts.status).toBe(422);
  });
});

/** Cursors: anything, base64url of anything, and key-shaped objects with any values. */
const base64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value) ?? 'null', 'utf8').toString('base64url');
const keyPart = fc.oneof(
  fc.constantFrom('T#qingdao#APP#a', 'T#jinan#APP#a', 'T#shandong#BAN#x', 'META', ''),
  fc.constantFrom(`T#qingdao#APPS#${PROGRAM}`, 'T#shandong#BAN#ALL', 'draft#x', 'x'.repeat(1100)),
  fc.string(),
  fc.jsonValue(),
);
/** An attribute that is often what a real start key holds, and sometimes anything. */
const like = (...real: string[]) => fc.oneof(fc.constantFrom(...real), keyPart);
/** Mostly the attributes of a real start key, sometimes one more. */
const startKey = fc
  .tuple(
    fc.record(
      {
        pk: like('T#qingdao#APP#a', 'T#shandong#BAN#x'),
        sk: like('META', 'BAN#x'),
        gsi1pk: like(`T#qingdao#APPS#${PROGRAM}`, 'T#shandong#BAN#ALL'),
        gsi1sk: like('draft#-#x', '2024-01-20#x'),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.constantFrom('gsi2pk', 'status', '__proto__'), keyPart, { maxKeys: 1 }),
  )
  .map(([key, extra]) => ({ ...key, ...extra }));
const cursor = fc.oneof(
  fc.string(),
  fc.jsonValue().map(base64url),
  startKey.map(base64url),
  fc
    .record(
      {
        p: fc.oneof(fc.constant(0), fc.integer(), fc.double(), fc.jsonValue()),
        c: fc.oneof(startKey.map(base64url), fc.jsonValue()),
      },
      { requiredKeys: [] },
    )
    .map(base64url),
);
const listRoutes: [string, () => ApiClient][] = [
  ['/api/tenants/qingdao/applications', () => admin],
  [`/api/tenants/qingdao/applications?programId=${PROGRAM}&status=draft`, () => admin],
  ['/api/tenants/shandong/bans', () => province],
];

describe('forged cursors', () => {
  it.each(listRoutes)('never make GET %s answer 5xx', async (path, caller) => {
    await fc.assert(
      fc.asyncProperty(cursor, async (forged) => {
        const join = path.includes('?') ? '&' : '?';
        const res = await caller().get(`${path}${join}cursor=${encodeURIComponent(forged)}`);
        expect(res.status, `${path} ${forged}`).toBeLessThan(500);
        if (res.status === 400) expect(res.body.code).toBe('invalid_cursor');
      }),
      { numRuns: 80 },
    );
  });
});

describe('bodies no route should have to read', () => {
  const send = (method: string, path: string, body: string, caller: ApiClient) =>
    caller.app.request(path, {
      method,
      headers: { authorization: `Bearer ${caller.token}`, 'content-type': 'application/json' },
      body,
    });
  const twoMegabytes = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
  const nested = '['.repeat(100_000) + ']'.repeat(100_000);
  const unclosed = '['.repeat(100_000);

  it.each(writeRoutes)('%s %s answers 413 to 2 MB', async (method, path) => {
    const res = await send(method, path(), twoMegabytes, admin);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it.each(writeRoutes)('%s %s answers 400 to 100 000 levels of nesting', async (method, path) => {
    for (const body of [nested, unclosed]) {
      const res = await send(method, path(), body, client);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'too_deep' });
    }
  });

  it('refuses a filename with a bidi override, naming it, and records no document', async () => {
    const before = await client.get<{ documents: unknown[] }>(
      `/api/tenants/qingdao/applications/${appId}`,
    );
    const res = await client.post(`/api/tenants/qingdao/applications/${appId}/documents`, {
      kind: 'credit-report',
      filename: '信用报告\u202Efdp.exe',
      contentType: 'application/pdf',
      size: 1000,
      sha256: 'a'.repeat(64),
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'invalid_characters', errors: [{ path: 'filename' }] });
    const after = await client.get<{ documents: unknown[] }>(
      `/api/tenants/qingdao/applications/${appId}`,
    );
    expect(after.body.documents).toEqual(before.body.documents);
  });
});
