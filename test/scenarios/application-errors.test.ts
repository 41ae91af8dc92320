/**
 * Every refusal of API.md "Organizations and applications", provoked and asserted: the
 * status, the stable code, a Chinese detail, and no partial state left behind.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  ApiClient,
  attachPdf,
  type Json,
  pdfBytes,
  sha256,
  uploadToPresignedPost,
} from '../support/api-client.js';
import { provinceBans } from '../support/bans.js';
import { caseEntry, OPEN_AT, PROGRAM, productFields, uscc } from '../support/qingdao.js';

type Harness = Awaited<ReturnType<typeof testApp>>;
let harness: Harness;
let next = 100;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

function expectProblem(answer: Answer, status: number, code: string) {
  expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(String(answer.body.detail)).toMatch(/[\u4e00-\u9fff]/);
}

/** A fresh provider, registered in Qingdao unless told otherwise. */
async function newProvider(options: { parentUscc?: string; register?: boolean } = {}) {
  next += 1;
  const org = uscc(next);
  const client = await ApiClient.signIn(harness.app, { role: 'provider', tenant: 'qingdao', org });
  if (options.register !== false) {
    const body = {
      name: `测试服务商${next}`,
      region: 'shinan',
      ...(options.parentUscc && { parentUscc: options.parentUscc }),
    };
    expect((await client.put(`/api/tenants/qingdao/orgs/${org}`, body)).status).toBe(200);
  }
  return { client, org };
}

const createProduct = (client: ApiClient, extra: Json = {}) =>
  client.post<Json & { id: string }>('/api/tenants/qingdao/applications', {
    programId: PROGRAM,
    track: 'product',
    industries: ['auto-parts'],
    fields: productFields,
    ...extra,
  });

describe('organizations', () => {
  it('refuses a USCC with a wrong check character: 422 invalid_uscc', async () => {
    const { client, org } = await newProvider({ register: false });
    const wrong = `${org.slice(0, 17)}${org.endsWith('0') ? '1' : '0'}`;
    expectProblem(
      await client.put(`/api/tenants/qingdao/orgs/${wrong}`, { name: '某公司', region: 'shinan' }),
      422,
      'invalid_uscc',
    );
  });

  it('refuses a region the city does not have, and another organization', async () => {
    const { client, org } = await newProvider({ register: false });
    const bad = await client.put(`/api/tenants/qingdao/orgs/${org}`, {
      name: '某公司',
      region: 'lixia',
    });
    expectProblem(bad, 422, 'unknown_region');
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'region' })]);
    expectProblem(
      await client.put(`/api/tenants/qingdao/orgs/${uscc(99_999)}`, {
        name: '别家',
        region: 'shinan',
      }),
      403,
      'forbidden',
    );
  });

  it('answers 401 without a token', async () => {
    const anonymous = new ApiClient(harness.app);
    expect(
      (await anonymous.put(`/api/tenants/qingdao/orgs/${uscc(5)}`, { name: 'x', region: 'shinan' }))
        .status,
    ).toBe(401);
    expect(
      (await new ApiClient(harness.app, 'not-a-jwt').get('/api/tenants/qingdao/applications'))
        .status,
    ).toBe(401);
  });
});

describe('creating an application', () => {
  it('refuses an organization not registered in the city: 422 org_not_registered', async () => {
    const { client } = await newProvider({ register: false });
    expectProblem(await createProduct(client), 422, 'org_not_registered');
  });

  it('refuses more than two industries: 422 too_many_industries', async () => {
    const { client } = await newProvider();
    const answer = await createProduct(client, {
      industries: ['auto-parts', 'rail-transit-equipment', 'home-appliances'],
    });
    expectProblem(answer, 422, 'too_many_industries');
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ path: 'industries', code: 'too_many_industries' }),
    ]);
  });

  it('refuses a track the call does not offer: 422 track_not_offered', async () => {
    const { client } = await newProvider();
    expectProblem(await createProduct(client, { track: 'consulting' }), 422, 'track_not_offered');
  });

  it('refuses fields of the wrong type, naming each: 422 validation_failed', async () => {
    const { client } = await newProvider();
    const answer = await createProduct(client, {
      fields: { teamSize: '二十五', cases: [{ client: 1 }] },
    });
    expectProblem(answer, 422, 'validation_failed');
    expect((answer.body.errors as { path: string }[]).map((e) => e.path)).toEqual(
      expect.arrayContaining(['fields.teamSize', 'fields.cases[0].client']),
    );
  });

  it('refuses a second application of the same entity in the track: 422 duplicate_entity', async () => {
    const { client } = await newProvider();
    expect((await createProduct(client)).status).toBe(201);
    expectProblem(
      await createProduct(client, { industries: ['home-appliances'] }),
      422,
      'duplicate_entity',
    );
  });

  it('lets an integration applicant also apply as product, but not as chain leader', async () => {
    const { client } = await newProvider();
    const shared = { fields: { teamSize: 25 } };
    expect((await createProduct(client, { track: 'integration', ...shared })).status).toBe(201);
    expect((await createProduct(client)).status).toBe(201);
    expectProblem(
      await createProduct(client, { track: 'chain-leader', ...shared }),
      422,
      'track_combination_not_allowed',
    );
  });

  it('refuses an organization the province banned, in every city: 403 banned', async () => {
    const { client, org } = await newProvider();
    const admin = await provinceBans(harness.app, org);
    expectProblem(await createProduct(client), 403, 'banned');
    expect(
      (await admin.get<{ items: { uscc: string }[] }>('/api/tenants/shandong/bans')).body.items.map(
        (b) => b.uscc,
      ),
    ).toContain(org);
  });

  it('answers an unknown program with 404', async () => {
    const { client } = await newProvider();
    expectProblem(
      await createProduct(client, { programId: 'no-such-call' }),
      404,
      'program_not_found',
    );
  });
});

describe('editing', () => {
  it('refuses a PATCH naming an older version: 409 version_conflict, and keeps the newer one', async () => {
    const { client } = await newProvider();
    const { id } = (await createProduct(client)).body;
    expect(
      (
        await client.patch(
          `/api/tenants/qingdao/applications/${id}`,
          { fields: { teamSize: 30 } },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(200);
    expectProblem(
      await client.patch(
        `/api/tenants/qingdao/applications/${id}`,
        { fields: { teamSize: 40 } },
        { 'if-match': '"1"' },
      ),
      409,
      'version_conflict',
    );
    expect((await client.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      version: 2,
      fields: { teamSize: 30 },
    });
  });

  it('refuses to edit or re-withdraw a withdrawn application', async () => {
    const { client } = await newProvider();
    const { id } = (await createProduct(client)).body;
    expect(
      (
        await client.post(`/api/tenants/qingdao/applications/${id}/withdraw`, {
          reason: '改报其他类型',
        })
      ).body,
    ).toMatchObject({ status: 'withdrawn' });
    expectProblem(
      await client.patch(`/api/tenants/qingdao/applications/${id}`, { fields: { teamSize: 1 } }),
      409,
      'not_editable',
    );
    expectProblem(
      await client.post(`/api/tenants/qingdao/applications/${id}/withdraw`),
      409,
      'invalid_transition',
    );
    expect((await createProduct(client)).status).toBe(201);
  });
});

describe('documents', () => {
  it('refuses a wrong content type, an oversize file and an unknown kind', async () => {
    const { client } = await newProvider();
    const { id } = (await createProduct(client)).body;
    const declare = (body: Json) =>
      client.post(`/api/tenants/qingdao/applications/${id}/documents`, body);
    const base = {
      kind: 'credit-report',
      filename: 'r.pdf',
      contentType: 'application/pdf',
      size: 100,
      sha256: 'a'.repeat(64),
    };
    expectProblem(
      await declare({ ...base, contentType: 'image/png' }),
      422,
      'content_type_not_allowed',
    );
    expectProblem(await declare({ ...base, size: 21 * 1024 * 1024 }), 422, 'too_large');
    expectProblem(
      await declare({ ...base, kind: 'application-chain-leader' }),
      422,
      'unknown_document_kind',
    );
  });

  it('refuses to verify a missing upload, a changed file and a file that is not a PDF', async () => {
    const { client } = await newProvider();
    const { id } = (await createProduct(client)).body;
    const declare = async (bytes: Uint8Array) =>
      (
        await client.post<{
          documentId: string;
          upload: { url: string; fields: Record<string, string> };
        }>(`/api/tenants/qingdao/applications/${id}/documents`, {
          kind: 'credit-report',
          filename: 'r.pdf',
          contentType: 'application/pdf',
          size: bytes.byteLength,
          sha256: sha256(bytes),
        })
      ).body;
    const complete = (documentId: string) =>
      client.post(`/api/tenants/qingdao/applications/${id}/documents/${documentId}/complete`);

    const never = await declare(pdfBytes('never uploaded'));
    expectProblem(await complete(never.documentId), 422, 'missing_upload');

    const declared = pdfBytes('declared');
    const changed = await declare(declared);
    const tampered = new Uint8Array(declared);
    tampered[tampered.length - 2] = 0x21;
    await uploadToPresignedPost(changed.upload, tampered, 'application/pdf');
    expectProblem(await complete(changed.documentId), 422, 'checksum_mismatch');

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const notPdf = await declare(png);
    await uploadToPresignedPost(notPdf.upload, png, 'application/pdf');
    expectProblem(await complete(notPdf.documentId), 422, 'not_pdf');

    const record = await client.get<{ documents: { status: string }[] }>(
      `/api/tenants/qingdao/applications/${id}`,
    );
    expect(record.body.documents.map((d) => d.status)).toEqual(['pending', 'pending', 'pending']);
  });
});

describe('submitting', () => {
  it('refuses an incomplete application with 422 incomplete, naming every gap', async () => {
    const { client } = await newProvider();
    const { id } = (
      await createProduct(client, {
        industries: ['auto-parts', 'home-appliances'],
        fields: { teamSize: 25, cases: [caseEntry(1)] },
      })
    ).body;
    await attachPdf(client, 'qingdao', id, 'credit-report');
    // Declaring the document and its verification are two changes of the draft.
    const before = (
      await client.get<{ version: number }>(`/api/tenants/qingdao/applications/${id}`)
    ).body.version;
    expect(before).toBe(3);
    const answer = await client.post(`/api/tenants/qingdao/applications/${id}/submit`);
    expectProblem(answer, 422, 'incomplete');
    expect((answer.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'fields.localTeam',
      'fields.followsAssessmentStandard',
      'fields.products',
      'documents.integrity-pledge',
      'documents.team-evidence',
      'documents.case-evidence',
      'documents.application-product',
      'rules.product-cases',
    ]);
    expect((await client.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
      status: 'draft',
      version: before,
    });
  });

  it('answers a repeated key with the first result and refuses a second submission without one', async () => {
    const { client } = await newProvider();
    const { id } = (await createProduct(client)).body;
    for (const kind of [
      'credit-report',
      'integrity-pledge',
      'team-evidence',
      'case-evidence',
      'application-product',
    ]) {
      await attachPdf(client, 'qingdao', id, kind);
    }
    const first = await client.post(`/api/tenants/qingdao/applications/${id}/submit`, undefined, {
      'idempotency-key': 'k-1',
    });
    expect(first.status).toBe(200);
    harness.tickReal(5_000);
    expect(
      await client.post(`/api/tenants/qingdao/applications/${id}/submit`, undefined, {
        'idempotency-key': 'k-1',
      }),
    ).toMatchObject({
      status: 200,
      body: first.body,
    });
    expectProblem(
      await client.post(`/api/tenants/qingdao/applications/${id}/submit`),
      409,
      'invalid_transition',
    );
    expectProblem(
      await client.patch(`/api/tenants/qingdao/applications/${id}`, { fields: { teamSize: 1 } }),
      409,
      'not_editable',
    );
  });
});
