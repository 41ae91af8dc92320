/**
 * Issue 9, attacked: a hostile provider, a nosy expert, other districts and cities, and
 * hostile ids in every new path. Each test states what the platform guarantees.
 */
import { testApp } from '@sme/api/testing';
import type { HistoryEvent } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  attachPdf,
  pdfBytes,
  sha256,
  uploadToPresignedPost,
} from '../../support/api-client.js';
import { provinceBans } from '../../support/bans.js';
import { OPEN_AT, uscc } from '../../support/qingdao.js';
import {
  atDistrictReview,
  atPanel,
  expertClient,
  type Harness,
  reviewerOf,
} from '../../support/review-walk.js';
import { draftApplication } from '../../support/submitted.js';

let harness: Harness;
let cityAdmin: ApiClient;
const anyone = () => new ApiClient(harness.app);
const Q = '/api/tenants/qingdao';

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  cityAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'qingdao' });
});

type Upload = { documentId: string; upload: { url: string; fields: Record<string, string> } };

async function declare(provider: ApiClient, id: string, bytes: Uint8Array, extra = {}) {
  return provider.post<Upload>(`${Q}/applications/${id}/documents`, {
    kind: 'case-evidence',
    filename: 'case.pdf',
    contentType: 'application/pdf',
    size: bytes.byteLength,
    sha256: sha256(bytes),
    ...extra,
  });
}

describe('documents across organizations, districts and panels', () => {
  it('a provider cannot read, complete or replace another organization’s documents', async () => {
    const victim = await draftApplication(harness.app, uscc(97_001), {
      name: '受害公司',
      region: 'laoshan',
    });
    const docId = await attachPdf(victim.provider, 'qingdao', victim.id, 'credit-report');
    const attacker = await draftApplication(harness.app, uscc(97_002), {
      name: '攻击公司',
      region: 'laoshan',
    });
    // Read and complete in the victim's application.
    expect(
      (await attacker.provider.get(`${Q}/applications/${victim.id}/documents/${docId}`)).status,
    ).toBe(403);
    expect(
      (await attacker.provider.post(`${Q}/applications/${victim.id}/documents/${docId}/complete`))
        .status,
    ).toBe(403);
    // The victim's document id used in the attacker's own application.
    expect(
      (await attacker.provider.get(`${Q}/applications/${attacker.id}/documents/${docId}`)).status,
    ).toBe(404);
    expect(
      (await attacker.provider.post(`${Q}/applications/${attacker.id}/documents/${docId}/complete`))
        .status,
    ).toBe(404);
    const bytes = pdfBytes('x');
    const replacing = await declare(attacker.provider, attacker.id, bytes, {
      kind: 'credit-report',
      replaces: docId,
    });
    expect(replacing.body).toMatchObject({ status: 422, code: 'unknown_document' });
    // A provider of another city with the same org, and a jinan city admin.
    const jinanProvider = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'jinan',
      org: uscc(97_001),
    });
    expect(
      (await jinanProvider.get(`${Q}/applications/${victim.id}/documents/${docId}`)).status,
    ).toBe(403);
    const jinanAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'jinan' });
    expect((await jinanAdmin.get(`${Q}/applications/${victim.id}/documents/${docId}`)).status).toBe(
      403,
    );
    expect(
      (await jinanAdmin.get(`/api/tenants/jinan/applications/${victim.id}/documents/${docId}`))
        .status,
    ).toBe(404);
  });

  it('the audit route: staff in scope only', async () => {
    const { id, provider } = await atDistrictReview(harness, 97_010, 'laoshan');
    expect((await provider.get(`${Q}/applications/${id}/audit`)).status).toBe(403);
    expect(
      (await (await reviewerOf(harness, 'shinan')).get(`${Q}/applications/${id}/audit`)).status,
    ).toBe(403);
    expect(
      (await (await expertClient(harness, 'e-1')).get(`${Q}/applications/${id}/audit`)).status,
    ).toBe(403);
    expect((await anyone().get(`${Q}/applications/${id}/audit`)).status).toBe(401);
    const jinanAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'jinan' });
    expect((await jinanAdmin.get(`${Q}/applications/${id}/audit`)).status).toBe(403);
    const ok = await (await reviewerOf(harness, 'laoshan')).get(`${Q}/applications/${id}/audit`);
    expect(ok.body).toMatchObject({ ok: true });
  });

  it('an expert on another application’s panel cannot open this one’s documents', async () => {
    const panelled = await atPanel(harness, 97_020, 'laoshan', ['x-1', 'x-2', 'x-3']);
    const other = await atDistrictReview(harness, 97_021, 'laoshan');
    const otherDocs = (
      await other.provider.get<{ documents: { documentId: string }[] }>(
        `${Q}/applications/${other.id}`,
      )
    ).body.documents;
    const expert = await expertClient(harness, 'x-1');
    const own = (
      await panelled.provider.get<{ documents: { documentId: string }[] }>(
        `${Q}/applications/${panelled.id}`,
      )
    ).body.documents;
    expect(
      (await expert.get(`${Q}/applications/${panelled.id}/documents/${own[0]?.documentId}`)).status,
    ).toBe(200);
    expect(
      (await expert.get(`${Q}/applications/${other.id}/documents/${otherDocs[0]?.documentId}`))
        .status,
    ).toBe(403);
    // An expert id of the same name in another tenant.
    const jinanExpert = await ApiClient.signIn(harness.app, {
      role: 'expert',
      tenant: 'jinan',
      expertId: 'x-1',
    });
    expect(
      (await jinanExpert.get(`${Q}/applications/${panelled.id}/documents/${own[0]?.documentId}`))
        .status,
    ).toBe(403);
  });

  // An attack once got through here: a conflict the pool records after the assignment does not stop document reads.
  it('an expert whose pool conflict is recorded after assignment can no longer open the documents', async () => {
    const { id, org, provider } = await atPanel(harness, 97_030, 'laoshan', ['y-1', 'y-2', 'y-3']);
    const docs = (
      await provider.get<{ documents: { documentId: string }[] }>(`${Q}/applications/${id}`)
    ).body.documents;
    const expert = await expertClient(harness, 'y-1');
    const path = `${Q}/applications/${id}/documents/${docs[0]?.documentId}`;
    expect((await expert.get(path)).status).toBe(200);
    expect(
      (await cityAdmin.put(`${Q}/experts/y-1`, { industries: [], conflicts: [org] })).status,
    ).toBe(200);
    // Scoring is refused because of the conflict...
    const scored = await expert.post(`${Q}/applications/${id}/scores`, {
      stage: 'expert-review',
      scores: { 'technical-team': 1 },
    });
    expect(scored.status).toBeGreaterThanOrEqual(400);
    // ...but reading the applicant's documents still works.
    const read = await expert.get(path);
    expect(read.status, `read after conflict: ${read.status}`).toBe(403);
  });
});

describe('organizations and branches', () => {
  // An attack once got through here: declaring a parent answers that parent's own declared root.
  it('declaring another organization as parent does not reveal that organization’s own parent', async () => {
    const grand = uscc(97_100);
    const target = uscc(97_101);
    const nosy = uscc(97_102);
    const t = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'jinan',
      org: target,
    });
    const jinanRegion = 'lixia';
    const reg = await t.put(`/api/tenants/jinan/orgs/${target}`, {
      name: '目标公司',
      region: jinanRegion,
      parentUscc: grand,
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(200);
    const n = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'qingdao',
      org: nosy,
    });
    const answer = await n.put<{ entityUscc: string }>(`${Q}/orgs/${nosy}`, {
      name: '好奇公司',
      region: 'laoshan',
      parentUscc: target,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.entityUscc, 'another org’s declared root, learnt across cities').not.toBe(
      grand,
    );
  });

  // An attack once got through here: a ban on the declared parent does not reach a branch whose parent has a parent.
  it('a ban on the declared parent reaches the branch', async () => {
    const root = uscc(97_110);
    const parent = uscc(97_111);
    const branch = uscc(97_112);
    const p = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'qingdao',
      org: parent,
    });
    expect(
      (
        await p.put(`${Q}/orgs/${parent}`, {
          name: '中间公司',
          region: 'laoshan',
          parentUscc: root,
        })
      ).status,
    ).toBe(200);
    await provinceBans(harness.app, parent, {
      reason: '提供虚假材料',
      until: '2027-12-31T00:00:00+08:00',
    });
    const b = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'qingdao',
      org: branch,
    });
    const reg = await b.put(`${Q}/orgs/${branch}`, {
      name: '分公司',
      region: 'laoshan',
      parentUscc: parent,
    });
    expect(reg.status).toBe(200);
    const created = await b.post(`${Q}/applications`, {
      programId: 'dx-providers-2024',
      track: 'product',
      industries: ['auto-parts'],
      fields: {},
    });
    expect(created.body, 'branch of a banned parent').toMatchObject({
      status: 403,
      code: 'banned',
    });
  });

  it('branch answers: odd ids, another parent, concurrency give no 5xx', async () => {
    const parent = uscc(97_120);
    const p = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'qingdao',
      org: parent,
    });
    for (const odd of ['..%2F..', '%E2%80%AE', 'A'.repeat(5000), '%00', `${uscc(97_121)}%20`]) {
      const r = await p.put(`${Q}/orgs/${parent}/branches/${odd}`, { relation: 'confirmed' });
      expect(r.status, odd).toBeLessThan(500);
      expect(r.status).toBe(404);
    }
    // Someone else answering for the parent.
    const other = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'qingdao',
      org: uscc(97_122),
    });
    expect(
      (await other.put(`${Q}/orgs/${parent}/branches/${uscc(97_121)}`, { relation: 'denied' }))
        .status,
    ).toBe(403);
    expect((await other.get(`${Q}/orgs/${parent}/branches`)).status).toBe(403);
    expect((await cityAdmin.get(`${Q}/orgs/${parent}/branches`)).status).toBe(403);
  });

  // An attack once got through here: concurrent saves of one organization surface the store's transaction refusal.
  it('two registrations of one organization at once: one wins, neither answers transaction internals', async () => {
    const org = uscc(97_130);
    const p = await ApiClient.signIn(harness.app, { role: 'provider', tenant: 'qingdao', org });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        p.put(`${Q}/orgs/${org}`, {
          name: `并发公司${i}`,
          region: 'laoshan',
          parentUscc: uscc(97_131 + i),
        }),
      ),
    );
    const codes = answers.map((a) => `${a.status} ${(a.body as { code?: string }).code ?? ''}`);
    console.log('concurrent org saves:', codes.join(', '));
    for (const a of answers)
      expect((a.body as { code?: string }).code).not.toBe('transaction_refused');
    // Every declared parent but the last must have lost its declaration.
    let standing = 0;
    for (let i = 0; i < 8; i += 1) {
      const parent = uscc(97_131 + i);
      const pc = await ApiClient.signIn(harness.app, {
        role: 'provider',
        tenant: 'qingdao',
        org: parent,
      });
      const list = await pc.get<{ items: { uscc: string }[] }>(`${Q}/orgs/${parent}/branches`);
      standing += list.body.items.filter((b) => b.uscc === org).length;
    }
    console.log('parents still listing the org as a branch:', standing);
    expect(standing).toBe(1);
  });
});

describe('odd ids and odd input in the new paths', () => {
  const odd = [
    '..',
    '%2e%2e%2f',
    '%E2%80%AEcod.pdf',
    'a%00b',
    '%F0%9F%92%A9',
    'x'.repeat(3000),
    '__proto__',
    'constructor',
  ];

  it('documents/{documentId}, notices/{id}, objections/{objectionId}: never 5xx, never an echo of bidi text', async () => {
    const { provider, id } = await draftApplication(harness.app, uscc(97_200), {
      name: '怪字符公司',
      region: 'laoshan',
    });
    for (const o of odd) {
      for (const [method, path] of [
        ['GET', `${Q}/applications/${id}/documents/${o}`],
        ['POST', `${Q}/applications/${id}/documents/${o}/complete`],
        ['GET', `${Q}/applications/${o}/documents/${o}`],
        ['GET', `${Q}/applications/${o}/audit`],
      ] as const) {
        const r = await provider.call(method, path);
        expect(r.status, `${method} ${path.slice(0, 120)}`).toBeLessThan(500);
      }
      const n = await anyone().post(`${Q}/notices/${o}/objections`, {
        applicationId: 'abc',
        reason: '异议理由足够长',
        contact: '123456',
      });
      expect(n.status, o).toBeLessThan(500);
      const d = await cityAdmin.post(`${Q}/notices/${o}/objections/${o}/decision`, {
        upheld: true,
        comment: 'x',
      });
      expect(d.status, o).toBeLessThan(500);
    }
  });

  // An attack once got through here: ids in the path are echoed into `detail` with their bidi characters.
  it('a path id carrying U+202E is not echoed into the text shown to people', async () => {
    const { provider, id } = await draftApplication(harness.app, uscc(97_201), {
      name: '回显公司',
      region: 'laoshan',
    });
    const rlo = '\u202E';
    const enc = encodeURIComponent(`${rlo}fdp.exe`);
    const doc = await provider.get<{ detail: string }>(`${Q}/applications/${id}/documents/${enc}`);
    const app = await provider.get<{ detail: string }>(`${Q}/applications/${enc}`);
    const org = await provider.put<{ detail: string }>(`${Q}/orgs/${enc}`, {
      name: 'x',
      region: 'laoshan',
    });
    console.log(
      'echoed details:',
      JSON.stringify([doc.body.detail, app.body.detail, org.body.detail]),
    );
    for (const a of [doc, app, org]) expect(a.body.detail ?? '').not.toContain(rlo);
  });

  // An attack once got through here: withdraw reads its body itself, so a text/plain body skips the JSON guard.
  it('a withdrawal reason with a bidi override is refused whatever the content type', async () => {
    const { id, provider } = await atDistrictReview(harness, 97_210, 'laoshan');
    const reason = '撤回\u202E因原\u0007';
    const res = await harness.app.request(`${Q}/applications/${id}/withdraw`, {
      method: 'POST',
      headers: { authorization: `Bearer ${provider.token}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ reason }),
    });
    const history = (
      await provider.get<{ items: HistoryEvent[] }>(`${Q}/applications/${id}/history`)
    ).body.items;
    console.log('withdraw text/plain:', res.status, JSON.stringify(history.at(-1)?.reason));
    expect(history.at(-1)?.reason ?? '').not.toContain('\u202E');
  });

  // An attack once got through here: status and stage ids in the Chinese text.
  it('refusals name a status or stage, not its internal id', async () => {
    const { id, provider } = await atDistrictReview(harness, 97_220, 'laoshan');
    await provider.post(`${Q}/applications/${id}/withdraw`, { reason: '撤回' });
    const again = await provider.post<{ detail: string }>(`${Q}/applications/${id}/submit`);
    const edit = await provider.patch<{ detail: string }>(`${Q}/applications/${id}`, {
      fields: {},
    });
    const late = await (await reviewerOf(harness, 'laoshan')).post<{ detail: string }>(
      `${Q}/applications/${id}/decision`,
      { stage: 'district-review', outcome: 'pass', comment: '同意' },
    );
    const details = [again.body.detail, edit.body.detail, late.body.detail];
    console.log('details:', JSON.stringify(details));
    // The Chinese part, before the English in parentheses at the end.
    for (const d of details)
      expect(d.replace(/（[^（]*）$/, '')).not.toMatch(/withdrawn|district-review|in_review/);
  });

  it('a document declared with contentType text/html or a huge filename is refused without 5xx', async () => {
    const { provider, id } = await draftApplication(harness.app, uscc(97_230), {
      name: '类型公司',
      region: 'laoshan',
    });
    const bytes = pdfBytes('html');
    const html = await declare(provider, id, bytes, { contentType: 'text/html' });
    expect(html.body).toMatchObject({ status: 422, code: 'content_type_not_allowed' });
    expect(JSON.stringify(html.body)).not.toContain('application/pdf');
    // A PDF whose upload is posted as text/html: the read link serves the declared type.
    const d = await declare(provider, id, bytes);
    expect(d.status).toBe(201);
    expect(await uploadToPresignedPost(d.body.upload, bytes, 'text/html')).toBeLessThan(300);
    expect(
      (await provider.post(`${Q}/applications/${id}/documents/${d.body.documentId}/complete`))
        .status,
    ).toBe(200);
    const read = await provider.get<{ url: string }>(
      `${Q}/applications/${id}/documents/${d.body.documentId}`,
    );
    const served = await fetch(read.body.url);
    expect(served.headers.get('content-type')).toBe('application/pdf');
  });
});

// Last: it moves the clock past the call's window.
describe('objections: who reads them, and across tenants', () => {
  it('the objections of a notice (reasons, contacts) are for the city bureau only', async () => {
    const { atPublicity, moveClock, publishNotice } = await import('../../support/review-walk.js');
    const { id, provider } = await atPublicity(harness, 97_300, 'laoshan');
    await moveClock(harness, '2024-02-08T10:00:00+08:00');
    const notice = await publishNotice(cityAdmin, [id]);
    const filed = await anyone().post(`${Q}/notices/${notice.id}/objections`, {
      applicationId: id,
      reason: '该单位案例造假，举报人实名。',
      contact: '张三 13800000000',
    });
    expect(filed.status).toBe(201);
    const path = `${Q}/notices/${notice.id}/objections`;
    expect((await anyone().get(path)).status).toBe(401);
    expect((await provider.get(path)).status).toBe(403);
    expect((await (await reviewerOf(harness, 'laoshan')).get(path)).status).toBe(403);
    const jinanAdmin = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'jinan' });
    expect((await jinanAdmin.get(path)).status).toBe(403);
    expect(
      (await jinanAdmin.get(`/api/tenants/jinan/notices/${notice.id}/objections`)).status,
    ).toBe(404);
    const province = await ApiClient.signIn(harness.app, {
      role: 'province_admin',
      tenant: 'shandong',
    });
    expect((await province.get(path)).status).toBe(403);
    // Filing through another tenant's path, deciding through another tenant's path.
    const cross = await anyone().post(`/api/tenants/jinan/notices/${notice.id}/objections`, {
      applicationId: id,
      reason: '跨租户异议测试。',
      contact: '123456',
    });
    expect(cross.status).toBe(404);
    const decide = await jinanAdmin.post(
      `/api/tenants/jinan/notices/${notice.id}/objections/${(filed.body as { objectionId: string }).objectionId}/decision`,
      { upheld: true, comment: '跨租户' },
    );
    expect(decide.status).toBe(404);
    // The provider itself cannot decide objections against it.
    const own = await provider.post(
      `${Q}/notices/${notice.id}/objections/${(filed.body as { objectionId: string }).objectionId}/decision`,
      { upheld: false, comment: '不成立' },
    );
    expect(own.status).toBe(403);
  });
});
