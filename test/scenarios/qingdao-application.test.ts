/**
 * A Qingdao product-track provider from registration to `submitted`, against DynamoDB
 * Local and the local S3, through the HTTP app.
 */
import { testApp } from '@sme/api/testing';
import { type HistoryEvent, verifyChain } from '@sme/core';
import { describe, expect, it } from 'vitest';
import { ApiClient, attachPdf, type Json } from '../support/api-client.js';
import { OPEN_AT, PRODUCT_DOCUMENTS, PROGRAM, productFields, uscc } from '../support/qingdao.js';

async function provider(n: number, start = OPEN_AT) {
  const harness = await testApp({ start });
  const org = uscc(n);
  const client = await ApiClient.signIn(harness.app, { role: 'provider', tenant: 'qingdao', org });
  return { ...harness, client, org };
}

async function readyToSubmit(client: ApiClient, org: string) {
  const registered = await client.put(`/api/tenants/qingdao/orgs/${org}`, {
    name: '青岛数智科技有限公司',
    region: 'laoshan',
  });
  expect(registered.status).toBe(200);
  const created = await client.post<Json & { id: string }>('/api/tenants/qingdao/applications', {
    programId: PROGRAM,
    track: 'product',
    industries: ['auto-parts'],
    fields: productFields,
  });
  expect(created.status).toBe(201);
  for (const kind of PRODUCT_DOCUMENTS) await attachPdf(client, 'qingdao', created.body.id, kind);
  return created.body.id;
}

describe('a Qingdao product-track provider', () => {
  it('registers, drafts, uploads every document, submits, and the history is hash-chained', async () => {
    const { client, org } = await provider(1);
    const registered = await client.put(`/api/tenants/qingdao/orgs/${org}`, {
      name: '青岛数智科技有限公司',
      region: 'laoshan',
    });
    expect(registered).toMatchObject({
      status: 200,
      body: { uscc: org, name: '青岛数智科技有限公司', region: 'laoshan' },
    });

    const created = await client.post<Json & { id: string; version: number }>(
      '/api/tenants/qingdao/applications',
      {
        programId: PROGRAM,
        track: 'product',
        industries: ['auto-parts'],
        fields: { teamSize: 25 },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      org: { uscc: org, region: 'laoshan' },
    });
    expect(created.headers.get('etag')).toBe('"1"');
    const id = created.body.id;

    const edited = await client.patch(
      `/api/tenants/qingdao/applications/${id}`,
      { fields: productFields },
      { 'if-match': '"1"' },
    );
    expect(edited).toMatchObject({ status: 200, body: { version: 2, fields: productFields } });

    for (const kind of PRODUCT_DOCUMENTS) await attachPdf(client, 'qingdao', id, kind);
    const withDocuments = await client.get<{ documents: { kind: string; status: string }[] }>(
      `/api/tenants/qingdao/applications/${id}`,
    );
    expect(withDocuments.body.documents.map((d) => d.status)).toEqual(
      PRODUCT_DOCUMENTS.map(() => 'verified'),
    );

    const submitted = await client.post(
      `/api/tenants/qingdao/applications/${id}/submit`,
      undefined,
      { 'idempotency-key': 'first-try' },
    );
    expect(submitted).toMatchObject({
      status: 200,
      body: { id, status: 'submitted', submittedAt: '2024-01-20T09:00:00+08:00' },
    });

    const history = await client.get<{ items: HistoryEvent[] }>(
      `/api/tenants/qingdao/applications/${id}/history`,
    );
    // Created, edited, each document declared and verified, submitted.
    expect(history.body.items.map((e) => `${e.from}→${e.to}`)).toEqual([
      'null→draft',
      'draft→draft',
      ...PRODUCT_DOCUMENTS.flatMap(() => ['draft→draft', 'draft→draft']),
      'draft→submitted',
    ]);
    expect(history.body.items[2]?.reason).toContain('登记材料：“信用中国”信用信息报告');
    expect(history.body.items[3]?.reason).toContain('材料已校验：“信用中国”信用信息报告');
    // The submission carries the digest of exactly what was submitted.
    expect(history.body.items.at(-1)?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(history.body.items.at(-1)?.at).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/,
    );
    expect(history.body.items.at(-1)).toMatchObject({
      actor: `provider:qingdao:${org}`,
      role: 'provider',
    });
    expect(
      verifyChain(history.body.items.map((e) => ({ ...e, at: new Date(e.at).toISOString() }))),
    ).toBe(true);
  });

  it('submits at 23:59:59 on 2024-01-31', async () => {
    const { client, org, clock } = await provider(2);
    const id = await readyToSubmit(client, org);
    clock.advanceTo(new Date('2024-01-31T23:59:59+08:00'));
    const submitted = await client.post(`/api/tenants/qingdao/applications/${id}/submit`);
    expect(submitted).toMatchObject({
      status: 200,
      body: { status: 'submitted', submittedAt: '2024-01-31T23:59:59+08:00' },
    });
  });

  it('is refused at 2024-02-01T00:00:00+08:00 with 409 window_closed, and nothing changes', async () => {
    const { client, org, clock } = await provider(3);
    const id = await readyToSubmit(client, org);
    clock.advanceTo(new Date('2024-02-01T00:00:00+08:00'));
    const late = await client.post(`/api/tenants/qingdao/applications/${id}/submit`);
    expect(late).toMatchObject({ status: 409, body: { code: 'window_closed' } });
    expect(late.body.detail).toContain('北京时间 2024-01-31 24:00');
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    expect((await client.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      status: 'draft',
    });
    const another = await client.post('/api/tenants/qingdao/applications', {
      programId: PROGRAM,
      track: 'integration',
      industries: ['rail-transit-equipment'],
      fields: {},
    });
    expect(another).toMatchObject({ status: 409, body: { code: 'window_closed' } });
  });
});
