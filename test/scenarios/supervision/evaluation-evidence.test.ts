/**
 * The evidence of a member's year (API.md `GET /evaluations/{year}`), on Jining's rules
 * on DynamoDB Local with the moved clock: what the member's engagements, the firms'
 * ratings, the complaints and the orders of the Beijing-time calendar year show, each
 * counted in the year it happened, beside the indicators that the tenant links to it.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Json } from '../../support/api-client.js';
import { enterpriseClient, MILESTONES, register } from '../../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { uscc } from '../../support/qingdao.js';
import { moveClock } from '../../support/review-walk.js';

const JN = '/api/tenants/jining';

type Row = {
  uscc: string;
  evidence: Json;
  indicators: { id: string; evidence: Json }[];
};

let harness: Awaited<ReturnType<typeof testApp>>;
let city: ApiClient;

beforeAll(async () => {
  harness = await testApp({ start: '2025-03-03T10:00:00+08:00' });
  city = await supervisorOf(harness, 'jining');
});

/** Runs an engagement from its confirmed contract to the confirmed assessment acceptance. */
async function accept(provider: ApiClient, firm: ApiClient, id: string) {
  const at = `${JN}/engagements/${id}`;
  expect((await firm.post(`${at}/milestones/contract/confirm`)).status).toBe(200);
  for (const kind of MILESTONES) {
    expect(
      (await provider.post(`${at}/milestones`, { kind, summary: `${kind} 完成` })).status,
    ).toBe(201);
    expect((await firm.post(`${at}/milestones/${kind}/confirm`)).status).toBe(200);
  }
}

const rowOf = async (year: number, org: string) => {
  const answer = await city.get<{ members: Row[] }>(`${JN}/evaluations/${year}`);
  expect(answer.status).toBe(200);
  const row = answer.body.members.find((m) => m.uscc === org);
  expect(row).toBeDefined();
  return row as Row;
};

describe("a member's evidence of the year", () => {
  it('counts 2025’s engagements, rating, upheld complaint and order, and not 2026’s', async () => {
    const org = await listMember(harness, 'jining', 'dx-providers', 431);
    const provider = await memberClient(harness, 'jining', org);
    const firmA = await enterpriseClient(harness, 'jining', uscc(481));
    const firmB = await enterpriseClient(harness, 'jining', uscc(482));

    // Two engagements in 2025, each contract confirmed by its firm: the first accepted and rated.
    const first = await register(provider, 'jining', uscc(481));
    const second = await register(provider, 'jining', uscc(482));
    expect([first.status, second.status]).toEqual([201, 201]);
    const confirmSecond = `${JN}/engagements/${second.body.id}/milestones/contract/confirm`;
    expect((await firmB.post(confirmSecond)).status).toBe(200);
    await accept(provider, firmA, first.body.id);
    const rated = await firmA.post(`${JN}/engagements/${first.body.id}/rating`, {
      satisfaction: 'satisfied',
      comment: '改造按期完成',
    });
    expect(rated.status).toBe(201);

    // One complaint, upheld with an order, which the member rectifies.
    const filed = await firmB.post<{ id: string }>(`${JN}/complaints`, {
      providerUscc: org,
      ground: 'late-engagement',
      description: '合同签订后一个月仍未进场实施',
    });
    expect(filed.status).toBe(201);
    const complaint = `${JN}/complaints/${filed.body.id}`;
    expect((await provider.post(`${complaint}/reply`, { text: '已协商进场时间' })).status).toBe(
      200,
    );
    const resolved = await city.post<{ resolution: { rectificationId: string } }>(
      `${complaint}/resolution`,
      {
        upheld: true,
        comment: '投诉属实',
        rectify: { ground: 'service-complaints', detail: '进场不及时' },
      },
    );
    expect(resolved.status).toBe(200);
    const order = `${JN}/rectifications/${resolved.body.resolution.rectificationId}`;
    expect((await provider.post(`${order}/report`, { text: '已进场实施' })).status).toBe(200);
    expect(
      (await city.post(`${order}/decision`, { outcome: 'accepted', comment: '整改到位' })).status,
    ).toBe(200);

    // Half a minute into 2026 in Beijing (still 31 December in UTC): a 2026 engagement.
    await moveClock(harness, '2026-01-01T00:00:30+08:00');
    const third = await register(provider, 'jining', uscc(483), 'transformation', {
      contractSignedAt: '2025-12-31',
    });
    expect(third.status).toBe(201);
    const firmC = await enterpriseClient(harness, 'jining', uscc(483));
    const confirmThird = `${JN}/engagements/${third.body.id}/milestones/contract/confirm`;
    expect((await firmC.post(confirmThird)).status).toBe(200);

    await moveClock(harness, '2026-01-05T09:00:00+08:00');
    expect((await city.post(`${JN}/evaluations`, { year: 2025 })).status).toBe(201);
    const row = await rowOf(2025, org);
    expect(row.evidence).toEqual({
      engagements: { registered: 2, accepted: 1 },
      ratings: { satisfied: 1, basic: 0, unsatisfied: 0 },
      complaints: { filed: 1, upheld: 1 },
      rectifications: { ordered: 1, accepted: 1, failed: 0 },
    });
    // Each indicator shows what the tenant links to it (004 §一, the platform's reading).
    const shown = Object.fromEntries(row.indicators.map((i) => [i.id, i.evidence]));
    expect(shown['service-quality']).toEqual({
      ratings: { satisfied: 1, basic: 0, unsatisfied: 0 },
      complaints: { filed: 1, upheld: 1 },
    });
    expect(shown['assessment-acceptance']).toEqual({
      engagements: { registered: 2, accepted: 1 },
      rectifications: { ordered: 1, accepted: 1, failed: 0 },
    });

    expect((await city.post(`${JN}/evaluations`, { year: 2026 })).status).toBe(201);
    expect((await rowOf(2026, org)).evidence).toEqual({
      engagements: { registered: 1, accepted: 0 },
      ratings: { satisfied: 0, basic: 0, unsatisfied: 0 },
      complaints: { filed: 0, upheld: 0 },
      rectifications: { ordered: 0, accepted: 0, failed: 0 },
    });
  });
});
