/**
 * Engagements (服务登记, 全流程) on DynamoDB Local and the local S3: a Qingdao member
 * registers its service to a pilot firm with the signed contract, records each milestone
 * in order, the firm confirms each (only what was verified), and rates once after
 * acceptance. Qingdao's rule (002 §二(一)7) refuses one provider both transforming and
 * assessing one firm, also when the two requests race; Jining has no such rule.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  type Json,
  pdfBytes,
  sha256,
  uploadToPresignedPost,
} from '../../support/api-client.js';
import {
  type EngagementJson,
  enterpriseClient,
  MILESTONES,
  register,
} from '../../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { uscc } from '../../support/qingdao.js';

const QD = '/api/tenants/qingdao';
const JN = '/api/tenants/jining';
const START = '2025-03-03T10:00:00+08:00';

let harness: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  harness = await testApp({ start: START });
});

async function qingdaoMember(n: number) {
  const org = await listMember(harness, 'qingdao', 'dx-providers-2024', n);
  return { org, client: await memberClient(harness, 'qingdao', org) };
}

type Task = { taskId: string; kind: string; applicationId: string; stage: string };
const tasksOf = async (client: ApiClient, tenant = 'qingdao') =>
  (await client.get<{ items: Task[] }>(`/api/tenants/${tenant}/tasks`)).body.items;

describe('an engagement, milestone by milestone', () => {
  it('runs from the verified contract to one rating, each milestone confirmed by the firm', async () => {
    const { org, client: provider } = await qingdaoMember(401);
    const firm = uscc(451);
    const enterprise = await enterpriseClient(harness, 'qingdao', firm);
    const contract = pdfBytes('服务合同');
    const registered = await register(provider, 'qingdao', firm, 'transformation', {
      documents: [
        {
          filename: '服务合同.pdf',
          contentType: 'application/pdf',
          size: contract.byteLength,
          sha256: sha256(contract),
        },
      ],
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      status: 'registered',
      uscc: org,
      enterpriseUscc: firm,
    });
    const id = registered.body.id;
    const at = `${QD}/engagements/${id}`;
    const [ticket] = registered.body.uploads ?? [];
    expect(ticket).toBeDefined();
    if (!ticket) return;

    // The firm sees the contract to confirm, and confirms only a verified document.
    expect(await tasksOf(enterprise)).toEqual([
      expect.objectContaining({
        kind: 'milestone_confirmation',
        applicationId: id,
        stage: 'contract',
      }),
    ]);
    const early = await enterprise.post(`${at}/milestones/contract/confirm`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'documents_unverified' });
    expect(await uploadToPresignedPost(ticket.upload, contract, 'application/pdf')).toBeLessThan(
      300,
    );
    expect((await provider.post(`${at}/documents/${ticket.documentId}/complete`)).body).toEqual({
      status: 'verified',
    });
    const opened = await enterprise.get<{ url: string }>(`${at}/documents/${ticket.documentId}`);
    expect(opened.status).toBe(200);
    expect(Buffer.from(await (await fetch(opened.body.url)).arrayBuffer())).toEqual(
      Buffer.from(contract),
    );

    // Nothing goes ahead of the firm's confirmation, nor out of its order.
    const ahead = await provider.post(`${at}/milestones`, { kind: 'plan', summary: '实施方案' });
    expect(ahead.body).toMatchObject({ code: 'milestone_unconfirmed' });
    const providerConfirms = await provider.post(`${at}/milestones/contract/confirm`);
    expect(providerConfirms.status).toBe(403);
    const confirmed = await enterprise.post<EngagementJson>(`${at}/milestones/contract/confirm`);
    expect(confirmed.body.status).toBe('in_progress');
    expect(await tasksOf(enterprise)).toEqual([]);
    const skipped = await provider.post(`${at}/milestones`, { kind: 'works', summary: '项目改造' });
    expect(skipped.status).toBe(409);
    expect(skipped.body).toMatchObject({ code: 'milestone_out_of_order' });

    for (const kind of MILESTONES) {
      expect(
        (await provider.post(`${at}/milestones`, { kind, summary: `${kind} 完成` })).status,
      ).toBe(201);
      if (kind === 'works') {
        const tooSoon = await enterprise.post(`${at}/rating`, {
          satisfaction: 'satisfied',
          comment: '很好',
        });
        expect(tooSoon.body).toMatchObject({ code: 'not_accepted' });
      }
      const again = await enterprise.post<EngagementJson>(`${at}/milestones/${kind}/confirm`);
      expect(again.status).toBe(200);
      expect((await enterprise.post(`${at}/milestones/${kind}/confirm`)).body).toMatchObject({
        code: 'already_confirmed',
      });
    }

    const rated = await enterprise.post<EngagementJson>(`${at}/rating`, {
      satisfaction: 'satisfied',
      comment: '改造按期完成，效果明显',
    });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ status: 'rated', rating: { satisfaction: 'satisfied' } });
    const second = await enterprise.post(`${at}/rating`, {
      satisfaction: 'unsatisfied',
      comment: '再评一次',
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'already_rated' });

    // The firm's list, the engagement's own history, and the member's full page.
    const mine = await enterprise.get<{ items: Json[] }>(`${QD}/engagements`);
    expect(mine.body.items).toEqual([expect.objectContaining({ id, status: 'rated', uscc: org })]);
    const read = await enterprise.get<
      EngagementJson & { history: { to: string; prevHash: string; hash: string }[] }
    >(at);
    expect(read.body.history.map((e) => e.to)).toEqual([
      'registered',
      'registered',
      ...Array(8).fill('in_progress'),
      'accepted',
      'rated',
    ]);
    const history = read.body.history;
    expect(history.slice(1).map((e) => e.prevHash)).toEqual(
      history.slice(0, -1).map((e) => e.hash),
    );
    const page = await provider.get<{ engagements: EngagementJson[] }>(`${QD}/members/${org}`);
    expect(page.body.engagements).toEqual([expect.objectContaining({ id, status: 'rated' })]);
    const anyone = await harness.app.request(`${QD}/members/${org}`);
    expect(await anyone.json()).not.toHaveProperty('engagements');
  });

  it('refuses a stranger, another tenant, a caller in the wrong role and a provider not in the pool', async () => {
    const { client: provider } = await qingdaoMember(402);
    const firm = uscc(452);
    const { body } = await register(provider, 'qingdao', firm);
    const at = `${QD}/engagements/${body.id}`;
    const otherFirm = await enterpriseClient(harness, 'qingdao', uscc(453));
    expect((await otherFirm.post(`${at}/milestones/contract/confirm`)).status).toBe(403);
    expect((await otherFirm.get(at)).status).toBe(403);
    const jiningFirm = await enterpriseClient(harness, 'jining', firm);
    expect((await jiningFirm.post(`${at}/milestones/contract/confirm`)).status).toBe(403);
    const city = await supervisorOf(harness, 'qingdao');
    expect((await register(city, 'qingdao', firm)).status).toBe(403);
    expect((await register(otherFirm, 'qingdao', firm)).status).toBe(403);
    expect((await city.get(at)).status).toBe(200);
    const jiningCity = await supervisorOf(harness, 'jining');
    expect((await jiningCity.get(at)).status).toBe(403);

    const outsider = await memberClient(harness, 'qingdao', uscc(404));
    const notMember = await register(outsider, 'qingdao', firm);
    expect(notMember.status).toBe(404);
    expect(notMember.body).toMatchObject({ code: 'not_member' });
    const self = await register(provider, 'qingdao', body.uscc);
    expect(self.body).toMatchObject({ code: 'invalid_uscc' });
    const future = await register(provider, 'qingdao', firm, 'transformation', {
      contractSignedAt: '2025-03-04',
    });
    expect(future.body).toMatchObject({ code: 'invalid_date' });
  });

  it('refuses a member removed from the pool', async () => {
    const org = await listMember(harness, 'jining', 'dx-providers', 405);
    const provider = await memberClient(harness, 'jining', org);
    const city = await supervisorOf(harness, 'jining');
    const removed = await city.post(`${JN}/disqualifications`, {
      uscc: org,
      ground: 'duties-unmet',
      detail: '未按要求完成试点企业数字化转型任务',
    });
    expect(removed.status).toBe(201);
    const refused = await register(provider, 'jining', uscc(455));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'member_removed' });
  });
});

describe('a registration posted again', () => {
  it('registers once for one Idempotency-Key, the replay answering the first', async () => {
    const { client: provider } = await qingdaoMember(406);
    const firm = uscc(456);
    const key = { 'idempotency-key': 'register-form-406' };
    const body = {
      enterpriseUscc: firm,
      kind: 'transformation',
      title: '生产管理系统数字化改造',
      contractSignedAt: '2025-02-20',
    };
    const first = await provider.post<EngagementJson>(`${QD}/engagements`, body, key);
    expect(first.status).toBe(201);
    const replays = await Promise.all(
      [1, 2].map(() => provider.post<EngagementJson>(`${QD}/engagements`, body, key)),
    );
    for (const replay of replays) {
      expect(replay.status).toBe(201);
      expect(replay.body).toMatchObject({ id: first.body.id, status: 'registered' });
    }
    // The request's digest is the platform's own mark: no answer shows it.
    expect(first.body).not.toHaveProperty('requestDigest');
    expect(replays[0]?.body).not.toHaveProperty('requestDigest');
    const read = await provider.get<EngagementJson>(`${QD}/engagements/${first.body.id}`);
    expect(read.body).not.toHaveProperty('requestDigest');
    const enterprise = await enterpriseClient(harness, 'qingdao', firm);
    const listed = (await enterprise.get<{ items: Json[] }>(`${QD}/engagements`)).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('requestDigest');
    expect(await tasksOf(enterprise)).toHaveLength(1);
    // Another contract sent under the same key: refused, and nothing registered.
    const other = { ...body, title: '质量管理系统改造' };
    const reused = await provider.post(`${QD}/engagements`, other, key);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'idempotency_key_reused' });
    expect((await enterprise.get<{ items: Json[] }>(`${QD}/engagements`)).body.items).toHaveLength(
      1,
    );
  });
});

describe('exclusive services', () => {
  it('refuses a Qingdao provider assessing a firm it transforms, and lets others', async () => {
    const { client: provider } = await qingdaoMember(411);
    const firm = uscc(461);
    expect((await register(provider, 'qingdao', firm, 'transformation')).status).toBe(201);
    const refused = await register(provider, 'qingdao', firm, 'assessment');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'exclusive_service',
      detail: expect.stringContaining('002 §二(一)7'),
    });
    expect((await register(provider, 'qingdao', firm, 'transformation')).status).toBe(201);
    expect((await register(provider, 'qingdao', uscc(462), 'assessment')).status).toBe(201);
    const { client: assessor } = await qingdaoMember(412);
    expect((await register(assessor, 'qingdao', firm, 'assessment')).status).toBe(201);
    const enterprise = await enterpriseClient(harness, 'qingdao', firm);
    expect((await enterprise.get<{ items: Json[] }>(`${QD}/engagements`)).body.items).toHaveLength(
      3,
    );
  });

  it('lets exactly one of two racing requests for the two services through', async () => {
    const { client: provider } = await qingdaoMember(413);
    const firm = uscc(463);
    const raced = await Promise.all([
      register(provider, 'qingdao', firm, 'transformation'),
      register(provider, 'qingdao', firm, 'assessment'),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(raced.find((r) => r.status === 409)?.body).toMatchObject({ code: 'exclusive_service' });
    const enterprise = await enterpriseClient(harness, 'qingdao', firm);
    expect((await enterprise.get<{ items: Json[] }>(`${QD}/engagements`)).body.items).toHaveLength(
      1,
    );
  });

  it('is a Qingdao rule: Jining lists none, so both services pass there', async () => {
    const org = await listMember(harness, 'jining', 'dx-providers', 414);
    const provider = await memberClient(harness, 'jining', org);
    expect((await register(provider, 'jining', uscc(464), 'transformation')).status).toBe(201);
    expect((await register(provider, 'jining', uscc(464), 'assessment')).status).toBe(201);
  });
});
