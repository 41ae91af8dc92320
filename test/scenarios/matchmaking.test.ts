/**
 * Matchmaking (API.md "Pilot enterprises": `GET /matches?enterprise=`), on DynamoDB
 * Local: Jinan's members ranked for the needs an enterprise recorded, a category serving
 * a need before an industry, the enterprise's own district counting, each member with
 * the reasons of its rank in Chinese and English; a member serving no need left out.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { enterpriseClient } from '../support/engagements.js';
import { listMember, supervisorOf } from '../support/members.js';
import { api, OPEN_AT, TENANT } from '../support/pilots.js';
import { uscc } from '../support/qingdao.js';

const PROGRAM = 'dx-providers';
const ENTERPRISE = uscc(901);
let harness: Awaited<ReturnType<typeof testApp>>;
let enterprise: ApiClient;

interface Match {
  uscc: string;
  score: number;
  reasons: { zh: string; en: string }[];
}

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  enterprise = await enterpriseClient(harness, TENANT, ENTERPRISE);
  const org = { name: '对接测试企业', region: 'lixia' };
  expect((await enterprise.put(`${api}/orgs/${ENTERPRISE}`, org)).status).toBe(200);
  const profile = await enterprise.put(`${api}/enterprises/${ENTERPRISE}`, {
    ...org,
    needs: [
      { domain: 'smart-equipment', description: '产线设备联网改造' },
      { domain: 'chemical', description: '危化品仓储数字化' },
    ],
  });
  expect(profile.status).toBe(200);
  const listed = (n: number, listing: Parameters<typeof listMember>[5]) =>
    listMember(harness, TENANT, PROGRAM, n, undefined, listing);
  await listed(902, { category: 'smart-equipment', region: 'lixia' });
  await listed(903, { category: 'smart-equipment', region: 'shizhong' });
  await listed(904, { category: 'network', industries: ['chemical'], region: 'lixia' });
  await listed(905, { category: 'network', region: 'lixia' });
}, 60_000);

describe('matches for an enterprise', () => {
  it('ranks the members serving its needs, each with the reasons of its rank', async () => {
    const answer = await enterprise.get<{ items: Match[] }>(
      `${api}/matches?enterprise=${ENTERPRISE}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((m) => [m.uscc, m.score])).toEqual([
      [uscc(902), 4],
      [uscc(903), 3],
      [uscc(904), 3],
    ]);
    expect(answer.body.items[0]?.reasons.map((r) => r.zh)).toEqual([
      '服务类别对口「智能装备服务商」：产线设备联网改造',
      '同在历下区',
    ]);
    expect(answer.body.items[2]?.reasons.map((r) => r.zh)).toEqual([
      '服务行业对口「石化、化工」：危化品仓储数字化',
      '同在历下区',
    ]);
    const city = await supervisorOf(harness, TENANT);
    const forStaff = await city.get<{ items: Match[] }>(`${api}/matches?enterprise=${ENTERPRISE}`);
    expect(forStaff.body.items).toEqual(answer.body.items);
  });

  it('has none for an enterprise that recorded no needs yet', async () => {
    const other = await enterpriseClient(harness, TENANT, uscc(906));
    const answer = await other.get<{ items: Match[] }>(`${api}/matches?enterprise=${uscc(906)}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([]);
  });

  it('answers only the enterprise and the staff of its district', async () => {
    const path = `${api}/matches?enterprise=${ENTERPRISE}`;
    const other = await enterpriseClient(harness, TENANT, uscc(907));
    expect((await other.get(path)).status).toBe(403);
    const qingdao = await supervisorOf(harness, 'qingdao');
    expect((await qingdao.get(path)).status).toBe(403);
    expect((await new ApiClient(harness.app).get(path)).status).toBe(401);
    const malformed = await enterprise.get(`${api}/matches?enterprise=${'9'.repeat(3000)}`);
    expect(malformed.status).toBe(422);
    expect(malformed.body).toMatchObject({ code: 'invalid_uscc' });
  });
});
