/**
 * Tenant, district and organization isolation: for every route, a token of another
 * city, another district or another organization gets 403 or 404, and no answer ever
 * carries the other party's data.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, attachPdf, type Json } from '../support/api-client.js';
import { OPEN_AT, PROGRAM, uscc } from '../support/qingdao.js';
import { draftApplication } from '../support/submitted.js';

const OWNER_NAME = '崂山隔离测试科技有限公司';
const owner = uscc(7001);
let app: Awaited<ReturnType<typeof testApp>>['app'];
let appId = '';
let documentId = '';
const outsiders: Record<string, ApiClient> = {};

/** Everyone who must not reach the owner's application. */
const IDENTITIES: Record<string, Json> = {
  'the same USCC signed in to another city': { role: 'provider', tenant: 'jinan', org: owner },
  'another organization of the city': { role: 'provider', tenant: 'qingdao', org: uscc(7002) },
  'the admin of another city': { role: 'city_admin', tenant: 'jinan' },
  'a reviewer of another district': {
    role: 'district_reviewer',
    tenant: 'qingdao',
    region: 'shinan',
  },
  'a reviewer of another city': { role: 'district_reviewer', tenant: 'jining', region: 'rencheng' },
  'an expert not assigned': { role: 'expert', tenant: 'qingdao', expertId: 'e-1' },
};

beforeAll(async () => {
  ({ app } = await testApp({ start: OPEN_AT }));
  let client: ApiClient;
  ({ provider: client, id: appId } = await draftApplication(app, owner, {
    name: OWNER_NAME,
    region: 'laoshan',
  }));
  documentId = await attachPdf(client, 'qingdao', appId, 'credit-report');

  for (const [label, identity] of Object.entries(IDENTITIES))
    outsiders[label] = await ApiClient.signIn(app, identity);
});

const routes: [string, string, () => string, unknown?][] = [
  [
    'PUT',
    'register the owner',
    () => `/api/tenants/qingdao/orgs/${owner}`,
    { name: '冒名', region: 'laoshan' },
  ],
  ['GET', 'read the application', () => `/api/tenants/qingdao/applications/${appId}`],
  [
    'PATCH',
    'edit it',
    () => `/api/tenants/qingdao/applications/${appId}`,
    { fields: { teamSize: 1 } },
  ],
  ['GET', 'read its history', () => `/api/tenants/qingdao/applications/${appId}/history`],
  ['POST', 'withdraw it', () => `/api/tenants/qingdao/applications/${appId}/withdraw`, {}],
  ['POST', 'submit it', () => `/api/tenants/qingdao/applications/${appId}/submit`],
  [
    'POST',
    'add a document',
    () => `/api/tenants/qingdao/applications/${appId}/documents`,
    {
      kind: 'integrity-pledge',
      filename: 'p.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'a'.repeat(64),
    },
  ],
  [
    'POST',
    'verify its document',
    () => `/api/tenants/qingdao/applications/${appId}/documents/${documentId}/complete`,
  ],
  [
    'GET',
    'open its document',
    () => `/api/tenants/qingdao/applications/${appId}/documents/${documentId}`,
  ],
  ['GET', 'audit its history', () => `/api/tenants/qingdao/applications/${appId}/audit`],
  [
    'GET',
    'list who claims the owner as parent',
    () => `/api/tenants/qingdao/orgs/${owner}/branches`,
  ],
  [
    'POST',
    'ban in the province',
    () => '/api/tenants/shandong/bans',
    { uscc: owner, reason: 'x', until: '2030-01-01T00:00:00+08:00' },
  ],
  ['GET', 'list the bans', () => '/api/tenants/shandong/bans'],
  ['GET', 'read the province counts', () => '/api/tenants/shandong/stats'],
];

describe.each(Object.keys(IDENTITIES))('%s', (label) => {
  it.each(routes)('cannot %s %s', async (method, _what, path, body) => {
    const answer = await outsiders[label]!.call(method, path(), body);
    expect([403, 404]).toContain(answer.status);
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(OWNER_NAME);
    expect(text).not.toContain(owner);
  });

  it('lists no application of the owner', async () => {
    const answer = await outsiders[label]!.get(
      `/api/tenants/qingdao/applications?programId=${PROGRAM}`,
    );
    expect(JSON.stringify(answer.body)).not.toContain(appId);
    if (answer.status === 200) expect(label).toBe('a reviewer of another district');
  });
});

describe('tokens of another city', () => {
  it.each([
    'the same USCC signed in to another city',
    'the admin of another city',
    'a reviewer of another city',
  ])('%s cannot create an application in Qingdao', async (label) => {
    const answer = await outsiders[label]!.post('/api/tenants/qingdao/applications', {
      programId: PROGRAM,
      track: 'product',
      industries: ['auto-parts'],
      fields: {},
    });
    expect(answer.status).toBe(403);
  });
});

describe('staff in scope', () => {
  it('see the application: its district reviewer, the city admin and the province admin', async () => {
    for (const identity of [
      { role: 'district_reviewer', tenant: 'qingdao', region: 'laoshan' },
      { role: 'city_admin', tenant: 'qingdao' },
      { role: 'province_admin', tenant: 'shandong' },
    ]) {
      const staff = await ApiClient.signIn(app, identity);
      expect(
        (await staff.get(`/api/tenants/qingdao/applications/${appId}`)).body,
        identity.role,
      ).toMatchObject({ id: appId });
      const listed = await staff.get<{ items: { id: string }[] }>(
        `/api/tenants/qingdao/applications?programId=${PROGRAM}`,
      );
      expect(
        listed.body.items.map((i) => i.id),
        identity.role,
      ).toContain(appId);
    }
  });

  it('may not edit, submit or withdraw it', async () => {
    const admin = await ApiClient.signIn(app, { role: 'city_admin', tenant: 'qingdao' });
    expect(
      (await admin.patch(`/api/tenants/qingdao/applications/${appId}`, { fields: { teamSize: 1 } }))
        .status,
    ).toBe(403);
    expect(
      (await admin.post(`/api/tenants/qingdao/applications/${appId}/withdraw`, {})).status,
    ).toBe(403);
  });
});
