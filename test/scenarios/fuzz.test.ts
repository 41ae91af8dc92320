/**
 * Bad input never yields a 5xx: random JSON (and non-JSON) thrown at every write route,
 * by a signed-in provider or city admin, answers with a 4xx problem.
 */
import { testApp } from '@sme/api/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { OPEN_AT, PROGRAM, uscc } from '../support/qingdao.js';
import { draftApplication } from '../support/submitted.js';

let client: ApiClient;
let admin: ApiClient;
let appId = '';
const org = uscc(9001);

beforeAll(async () => {
  const { app } = await testApp({ start: OPEN_AT });
  client = await ApiClient.signIn(app, { role: 'provider', tenant: 'qingdao', org });
  admin = await ApiClient.signIn(app, { role: 'city_admin', tenant: 'qingdao' });
  ({ id: appId } = await draftApplication(app, org, { name: '模糊测试公司', region: 'jimo' }));
});

const writeRoutes: [string, () => string][] = [
  ['PUT', () => `/api/tenants/qingdao/orgs/${org}`],
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
