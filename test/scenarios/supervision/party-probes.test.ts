/**
 * Probes of a member's life after listing, as an attacker tries them, on Jining's rules
 * and DynamoDB Local: one party acting on another's case, across tenants, malformed
 * input, a forged cursor. Each refusal carries a stable `code` in Chinese and English.
 * Repeated and racing requests: `racing-probes.test.ts`.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, ApiClient } from '../../support/api-client.js';
import { type EngagementJson, enterpriseClient, register } from '../../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { accepted, refused, served as servedBy } from '../../support/probes.js';
import { uscc } from '../../support/qingdao.js';

const JN = '/api/tenants/jining';
const START = '2025-03-03T10:00:00+08:00';

let harness: Awaited<ReturnType<typeof testApp>>;
let city: ApiClient;

beforeAll(async () => {
  harness = await testApp({ start: START });
  city = await supervisorOf(harness, 'jining');
});

const served = (n: number) => servedBy(harness, n);

describe('an engagement, by someone who is not its party', () => {
  it('is refused to another member, the provider confirming or rating its own, and the enterprise recording', async () => {
    const { provider, enterprise, id } = await served(601);
    const other = await memberClient(
      harness,
      'jining',
      await listMember(harness, 'jining', 'dx-providers', 602),
    );
    const at = `${JN}/engagements/${id}`;
    refused(await other.get(at), 403);
    refused(await other.post(`${at}/milestones`, { kind: 'plan', summary: '替别人登记' }), 403);
    refused(await provider.post(`${at}/milestones/contract/confirm`), 403);
    refused(
      await enterprise.post(`${at}/milestones`, { kind: 'plan', summary: '企业代登记' }),
      403,
    );
    refused(await other.post(`${at}/documents/x1/complete`), 403);
    refused(await other.post(`${at}/documents/x1/upload`), 403);
    refused(await other.get(`${at}/documents/x1`), 403);
    await accepted(provider, enterprise, id);
    refused(
      await provider.post(`${at}/rating`, { satisfaction: 'satisfied', comment: '自评满意' }),
      403,
    );
    // The same organization signed in as an enterprise is still not the engagement's firm.
    const selfAsFirm = await enterpriseClient(
      harness,
      'jining',
      (await provider.get<EngagementJson>(at)).body.uscc,
    );
    refused(
      await selfAsFirm.post(`${at}/rating`, { satisfaction: 'satisfied', comment: '自评满意' }),
      403,
    );
  });

  it('is not found across tenants: a Jining engagement id under Qingdao', async () => {
    const { enterprise, id } = await served(603);
    const qingdaoCity = await supervisorOf(harness, 'qingdao');
    refused(await qingdaoCity.get(`/api/tenants/qingdao/engagements/${id}`), 404);
    refused(await enterprise.get(`/api/tenants/qingdao/engagements/${id}`), 403);
  });
});

describe('one party acting on another', () => {
  it('refuses a complaint naming another firm’s engagement, a reply by another member, an appeal of another’s order', async () => {
    const a = await served(621);
    const b = await served(622);
    refused(
      await b.enterprise.post(`${JN}/complaints`, {
        providerUscc: a.org,
        engagementId: a.id,
        ground: 'late-engagement',
        description: '冒用他人服务登记',
      }),
      422,
      'engagement_mismatch',
    );
    refused(
      await b.enterprise.post(`${JN}/complaints`, {
        providerUscc: a.org,
        ground: 'late-engagement',
        description: '没有服务关系',
      }),
      403,
    );
    const filed = await a.enterprise.post<{ id: string }>(`${JN}/complaints`, {
      providerUscc: a.org,
      ground: 'late-engagement',
      description: '未按期进场',
    });
    refused(
      await b.provider.post(`${JN}/complaints/${filed.body.id}/reply`, { text: '替答' }),
      403,
    );
    refused(await b.enterprise.get(`${JN}/complaints/${filed.body.id}`), 403);
    refused(
      await a.enterprise.post(`${JN}/complaints/${filed.body.id}/resolution`, {
        upheld: false,
        comment: '自己撤销',
      }),
      403,
    );
    const ordered = await city.post<{ id: string }>(`${JN}/rectifications`, {
      uscc: a.org,
      ground: 'service-complaints',
      detail: '对接不及时',
    });
    refused(
      await b.provider.post(`${JN}/appeals`, {
        subject: { kind: 'rectification', id: ordered.body.id },
        ground: 'other',
        detail: '替别人申诉',
      }),
      403,
    );
    refused(
      await a.provider.post(`${JN}/spot-checks`, {
        uscc: a.org,
        method: 'phone',
        findings: '自查无问题',
      }),
      403,
    );
  });

  it('refuses a member scoring itself or commenting on another member', async () => {
    const a = await listMember(harness, 'jining', 'dx-providers', 631);
    const b = await listMember(harness, 'jining', 'dx-providers', 632);
    const opened = await city.post(`${JN}/evaluations`, { year: 2025 });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const member = await memberClient(harness, 'jining', a);
    refused(
      await member.put(`${JN}/evaluations/2025/members/${a}/scores`, { scores: { x: 100 } }),
      403,
    );
    refused(
      await member.post(`${JN}/evaluations/2025/members/${b}/comment`, { text: '评论别人' }),
      403,
    );
  });
});

describe('malformed input', () => {
  it('is a 422 with a code, never a 500', async () => {
    const { provider, enterprise, id } = await served(641);
    const at = `${JN}/engagements/${id}`;
    const bad: Answer<unknown>[] = [
      await enterprise.post(`${at}/milestones/bogus/confirm`),
      await provider.get(`${JN}/engagements/${'x'.repeat(65)}`),
      await provider.post(`${at}/milestones`, { kind: 'plan', summary: 'x'.repeat(2001) }),
      await provider.post(`${at}/milestones`, { kind: 'plan', summary: '方案', documents: {} }),
      await register(provider, 'jining', uscc(642), 'transformation', {
        contractSignedAt: '2025-02-30',
      }),
      await register(provider, 'jining', uscc(642), 'transformation', { amount: -1 }),
      await register(provider, 'jining', uscc(642), 'transformation', { amount: 'NaN' }),
      await enterprise.post(`${JN}/complaints`, {
        providerUscc: ['x'],
        ground: 'a',
        description: 'bb',
      }),
      await city.post(`${JN}/appeals/x/decision`, { upheld: 'yes', comment: '决定' }),
      await city.post(`${JN}/evaluations`, { year: 1e308 }),
      await city.get(`${JN}/evaluations/99999999999999999999`),
    ];
    for (const answer of bad) refused(answer, 422);
    refused(
      await register(provider, 'jining', uscc(642), 'transformation', {
        documents: Array.from({ length: 11 }, (_, i) => ({
          filename: `f${i}.pdf`,
          contentType: 'application/pdf',
          size: 10,
          sha256: 'a'.repeat(64),
        })),
      }),
      422,
    );
    refused(await enterprise.get(`${at}/documents/nope`), 404);
    refused(await city.post(`${JN}/appeals/nope/decision`, { upheld: true, comment: '决定' }), 404);
  });
});

describe('an organization not in the pool', () => {
  it('is a 404 not_member that reads as one sentence in each language', async () => {
    const org = await listMember(harness, 'jining', 'dx-providers', 671);
    const answer = await harness.app.request(`/api/tenants/qingdao/members/${org}`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({
      code: 'not_member',
      detail: '该单位不在本地服务商名录中（This organization is not in the pool）',
    });
  });
});

describe('the inbox and oversized bodies', () => {
  it('refuses a forged inbox cursor and an oversized body with a code', async () => {
    const org = await listMember(harness, 'jining', 'dx-providers', 661);
    const member = await memberClient(harness, 'jining', org);
    const forged = Buffer.from(
      JSON.stringify({ pk: `T#jining#INBOX#${uscc(662)}`, sk: 'x' }),
    ).toString('base64url');
    refused(await member.get(`${JN}/inbox?cursor=${forged}`), 400, 'invalid_cursor');
    refused(await member.get(`${JN}/inbox?cursor=%%%`), 400, 'invalid_cursor');
    const { enterprise } = await served(663);
    const big = await enterprise.post(`${JN}/complaints`, {
      providerUscc: org,
      ground: 'late-engagement',
      description: '长'.repeat(2_000_000),
    });
    expect([413, 422]).toContain(big.status);
    refused(big, big.status);
  });
});
