/**
 * Probes of repeated and racing requests on a member's cases, on Jining's rules and
 * DynamoDB Local: a rating, a confirmation, a milestone, a report, an appeal, and the
 * decisions of two clerks at once each write once; the loser gets a 409 with a code.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, ApiClient, Json } from '../../support/api-client.js';
import type { EngagementJson } from '../../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { accepted, refused, served as servedBy } from '../../support/probes.js';

const JN = '/api/tenants/jining';
const START = '2025-03-03T10:00:00+08:00';

let harness: Awaited<ReturnType<typeof testApp>>;
let city: ApiClient;

beforeAll(async () => {
  harness = await testApp({ start: START });
  city = await supervisorOf(harness, 'jining');
});

const served = (n: number) => servedBy(harness, n);

describe('a repeated or racing request', () => {
  it('rates an engagement once, however many ratings race', async () => {
    const { provider, enterprise, id } = await served(611);
    await accepted(provider, enterprise, id);
    const raced = await Promise.all(
      ['satisfied', 'unsatisfied', 'basic'].map((satisfaction) =>
        enterprise.post(`${JN}/engagements/${id}/rating`, { satisfaction, comment: '评价一次' }),
      ),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of raced.filter((r) => r.status === 409)) refused(r, 409);
  });

  it('confirms a milestone once when two confirmations race', async () => {
    const { enterprise, id } = await served(612);
    const raced = await Promise.all([
      enterprise.post(`${JN}/engagements/${id}/milestones/contract/confirm`),
      enterprise.post(`${JN}/engagements/${id}/milestones/contract/confirm`),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    const read = await enterprise.get<{ history: { to: string }[] }>(`${JN}/engagements/${id}`);
    expect(read.body.history).toHaveLength(2);
  });

  it('records one milestone when the same one is posted twice at once', async () => {
    const { provider, enterprise, id } = await served(613);
    await enterprise.post(`${JN}/engagements/${id}/milestones/contract/confirm`);
    const raced = await Promise.all([
      provider.post(`${JN}/engagements/${id}/milestones`, { kind: 'plan', summary: '实施方案' }),
      provider.post(`${JN}/engagements/${id}/milestones`, { kind: 'plan', summary: '实施方案' }),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    const read = await provider.get<EngagementJson>(`${JN}/engagements/${id}`);
    expect(read.body.milestones.map((m) => m.kind)).toEqual(['contract', 'plan']);
  });

  it('reports on an order once, and lets one of two clerks decide it', async () => {
    const org = await listMember(harness, 'jining', 'dx-providers', 614);
    const member = await memberClient(harness, 'jining', org);
    const ordered = await city.post<{ id: string }>(`${JN}/rectifications`, {
      uscc: org,
      ground: 'service-complaints',
      detail: '对接不及时',
    });
    const at = `${JN}/rectifications/${ordered.body.id}`;
    const reports = await Promise.all([
      member.post(`${at}/report`, { text: '已整改一' }),
      member.post(`${at}/report`, { text: '已整改二' }),
    ]);
    expect(reports.map((r) => r.status).sort()).toEqual([200, 409]);
    const other = await supervisorOf(harness, 'jining');
    const decisions = await Promise.all([
      city.post(`${at}/decision`, { outcome: 'accepted', comment: '同意' }),
      other.post(`${at}/decision`, { outcome: 'accepted', comment: '同意' }),
    ]);
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
    refused(decisions.find((d) => d.status === 409) as Answer<unknown>, 409);
  });

  it('lodges one appeal of two racing, and lets one of two clerks decide it', async () => {
    const org = await listMember(harness, 'jining', 'dx-providers', 615);
    const member = await memberClient(harness, 'jining', org);
    const removed = await city.post<{ id: string }>(`${JN}/disqualifications`, {
      uscc: org,
      ground: 'behind-schedule',
      detail: '进度滞后',
    });
    const body = {
      subject: { kind: 'disqualification', id: removed.body.id },
      ground: 'pilot-firm-caused',
      detail: '试点企业停产',
    };
    const lodged = await Promise.all([
      member.post<{ id: string }>(`${JN}/appeals`, body),
      member.post<{ id: string }>(`${JN}/appeals`, body),
    ]);
    expect(lodged.map((r) => r.status).sort()).toEqual([201, 409]);
    const appeal = lodged.find((r) => r.status === 201)?.body.id;
    const other = await supervisorOf(harness, 'jining');
    const decisions = await Promise.all([
      city.post(`${JN}/appeals/${appeal}/decision`, { upheld: true, comment: '成立' }),
      other.post(`${JN}/appeals/${appeal}/decision`, { upheld: false, comment: '不成立' }),
    ]);
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
    const again = await city.post(`${JN}/appeals/${appeal}/decision`, {
      upheld: false,
      comment: '再决定',
    });
    refused(again, 409);
  });

  it('resolves a complaint once when two clerks resolve it at once', async () => {
    const { org, provider, enterprise } = await served(616);
    const filed = await enterprise.post<{ id: string }>(`${JN}/complaints`, {
      providerUscc: org,
      ground: 'late-engagement',
      description: '未按期进场',
    });
    expect(filed.status).toBe(201);
    const at = `${JN}/complaints/${filed.body.id}`;
    expect((await provider.post(`${at}/reply`, { text: '已协商' })).status).toBe(200);
    refused(await provider.post(`${at}/reply`, { text: '再答复' }), 409);
    const other = await supervisorOf(harness, 'jining');
    const decisions = await Promise.all([
      city.post(`${at}/resolution`, {
        upheld: true,
        comment: '成立',
        rectify: { ground: 'service-complaints', detail: '对接不及时' },
      }),
      other.post(`${at}/resolution`, {
        upheld: true,
        comment: '成立',
        rectify: { ground: 'service-complaints', detail: '对接不及时' },
      }),
    ]);
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
    const page = await city.get<{ rectifications: Json[] }>(`${JN}/members/${org}`);
    expect(page.body.rectifications).toHaveLength(1);
  });
});
