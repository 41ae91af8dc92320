/**
 * An engagement counts in the evaluation only once the enterprise confirmed its contract
 * (000 §四(二): 针对线上对接后在线下确认的订单和服务……上述相关服务记录和订单反馈评价作为
 * 服务商评价的重要参考), on Jining's rules on DynamoDB Local with the moved clock. A
 * provider registering contracts that firms never confirm (they disown them, or no such
 * firm uses the platform) shows no more evidence than the one a firm confirmed; one
 * confirmed after New Year counts in the year of its confirmation.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Json } from '../../support/api-client.js';
import { enterpriseClient, register } from '../../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { uscc } from '../../support/qingdao.js';
import { moveClock } from '../../support/review-walk.js';

const JN = '/api/tenants/jining';

let harness: Awaited<ReturnType<typeof testApp>>;
let city: ApiClient;

beforeAll(async () => {
  harness = await testApp({ start: '2025-03-03T10:00:00+08:00' });
  city = await supervisorOf(harness, 'jining');
});

const engagementsOf = async (year: number, org: string) => {
  const answer = await city.get<{ members: { uscc: string; evidence: { engagements: Json } }[] }>(
    `${JN}/evaluations/${year}`,
  );
  expect(answer.status).toBe(200);
  return answer.body.members.find((m) => m.uscc === org)?.evidence.engagements;
};

describe('engagements the enterprise never confirmed', () => {
  it('are no evidence: only a confirmed contract counts, in the year it was confirmed', async () => {
    const org = await listMember(harness, 'jining', 'dx-providers', 441);
    const provider = await memberClient(harness, 'jining', org);
    const firm = await enterpriseClient(harness, 'jining', uscc(491));
    const confirm = (client: ApiClient, id: string) =>
      client.post(`${JN}/engagements/${id}/milestones/contract/confirm`);

    // One contract the firm confirms; three more it never confirms.
    const real = await register(provider, 'jining', uscc(491));
    expect(real.status).toBe(201);
    expect((await confirm(firm, real.body.id)).status).toBe(200);
    for (const n of [492, 493, 494])
      expect((await register(provider, 'jining', uscc(n))).status).toBe(201);

    // Registered on 31 December, confirmed on 2 January: 2026's evidence.
    await moveClock(harness, '2025-12-31T20:00:00+08:00');
    const late = await register(provider, 'jining', uscc(495), 'transformation', {
      contractSignedAt: '2025-12-31',
    });
    expect(late.status).toBe(201);
    await moveClock(harness, '2026-01-02T09:00:00+08:00');
    const lateFirm = await enterpriseClient(harness, 'jining', uscc(495));
    expect((await confirm(lateFirm, late.body.id)).status).toBe(200);

    await moveClock(harness, '2026-01-05T09:00:00+08:00');
    expect((await city.post(`${JN}/evaluations`, { year: 2025 })).status).toBe(201);
    expect(await engagementsOf(2025, org)).toEqual({ registered: 1, accepted: 0 });
    expect((await city.post(`${JN}/evaluations`, { year: 2026 })).status).toBe(201);
    expect(await engagementsOf(2026, org)).toEqual({ registered: 1, accepted: 0 });
  });
});
