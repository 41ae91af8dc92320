/**
 * A pilot enterprise's own records (API.md "Pilot enterprises"), on DynamoDB Local:
 * the enterprise records its profile and needs (each need in a domain of the city's
 * provider catalogue), and its file (一企一档) gathers the profile, its listing as a
 * pilot and each engagement a member registered with it, with its milestones.
 * Another enterprise cannot write it, a city's staff elsewhere cannot read it.
 */
import { testApp } from '@sme/api/testing';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { enterpriseClient, register } from '../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../support/members.js';
import { api, listedPilot, NEEDS, OPEN_AT, TENANT } from '../support/pilots.js';
import { uscc } from '../support/qingdao.js';

const PROFILE = {
  name: '试点企业801',
  region: 'lixia',
  kinds: ['specialised'],
  needs: [{ domain: 'smart-equipment', description: '产线设备联网改造' }],
};

describe("a pilot enterprise's profile and file", () => {
  it('keeps the profile the enterprise records, and refuses what the city does not catalogue', async () => {
    const harness = await testApp({ start: OPEN_AT });
    const org = uscc(801);
    const enterprise = await enterpriseClient(harness, TENANT, org);
    const saved = await enterprise.put(`${api}/enterprises/${org}`, PROFILE);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ uscc: org, ...PROFILE });

    const unknown = await enterprise.put(`${api}/enterprises/${org}`, {
      ...PROFILE,
      needs: [{ domain: 'textiles', description: '纺织' }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown_domain' });
    const badRegion = await enterprise.put(`${api}/enterprises/${org}`, {
      ...PROFILE,
      region: 'laoshan',
    });
    expect(badRegion.body).toMatchObject({ code: 'unknown_region' });
    const other = await enterpriseClient(harness, TENANT, uscc(802));
    expect((await other.put(`${api}/enterprises/${org}`, PROFILE)).status).toBe(403);
    const provider = await memberClient(harness, TENANT, org);
    expect((await provider.put(`${api}/enterprises/${org}`, PROFILE)).status).toBe(403);

    // Nothing refused was kept.
    const file = await enterprise.get<Record<string, unknown>>(`${api}/enterprises/${org}/file`);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ ...PROFILE, pilots: [], engagements: [] });
  });

  it('gathers the needs, the pilot listing and each engagement with its milestones', async () => {
    const harness = await testApp({ start: OPEN_AT });
    const { org, enterprise } = await listedPilot(harness, 803);
    expect((await enterprise.put(`${api}/enterprises/${org}`, PROFILE)).status).toBe(200);
    const member = await memberClient(
      harness,
      TENANT,
      await listMember(harness, TENANT, 'dx-providers', 804),
    );
    const registered = await register(member, TENANT, org, 'transformation', {
      contractSignedAt: '2023-07-20',
    });
    expect(registered.status).toBe(201);
    const at = `${api}/engagements/${registered.body.id}`;
    expect((await enterprise.post(`${at}/milestones/contract/confirm`)).status).toBe(200);
    expect(
      (await member.post(`${at}/milestones`, { kind: 'plan', summary: '实施方案已制定' })).status,
    ).toBe(201);

    const city = await supervisorOf(harness, TENANT);
    const file = await city.get<{
      needs: unknown[];
      pilots: { needs: string }[];
      engagements: {
        provider: { name: string };
        milestones: { kind: string; confirmedAt?: string }[];
      }[];
    }>(`${api}/enterprises/${org}/file`);
    expect(file.status).toBe(200);
    expect(file.body.needs).toEqual(PROFILE.needs);
    expect(file.body.pilots).toEqual([expect.objectContaining({ needs: NEEDS })]);
    expect(file.body.engagements).toHaveLength(1);
    expect(file.body.engagements[0]?.provider.name).toBe('监管测试公司804');
    expect(file.body.engagements[0]?.milestones.map((m) => [m.kind, !!m.confirmedAt])).toEqual([
      ['contract', true],
      ['plan', false],
    ]);

    const otherCity = await supervisorOf(harness, 'qingdao');
    expect((await otherCity.get(`${api}/enterprises/${org}/file`)).status).toBe(403);
    const stranger = await enterpriseClient(harness, TENANT, uscc(805));
    expect((await stranger.get(`${api}/enterprises/${org}/file`)).status).toBe(403);
    expect((await new ApiClient(harness.app).get(`${api}/enterprises/${org}/file`)).status).toBe(
      401,
    );
    expect((await city.get(`${api}/enterprises/${uscc(806)}/file`)).status).toBe(404);
    const malformed = await city.get(`${api}/enterprises/${encodeURIComponent('X#PROFILE')}/file`);
    expect(malformed.status).toBe(422);
    expect(malformed.body).toMatchObject({ code: 'invalid_uscc' });
  });

  it("lets the district it was listed in decide who reads its file, not the profile's", async () => {
    const harness = await testApp({ start: OPEN_AT });
    const { org, enterprise } = await listedPilot(harness, 807);
    const elsewhere = { ...PROFILE, region: 'shizhong' };
    expect((await enterprise.put(`${api}/enterprises/${org}`, elsewhere)).status).toBe(200);
    const reviewer = (region: string) =>
      ApiClient.signIn(harness.app, { role: 'district_reviewer', tenant: TENANT, region });
    const path = `${api}/enterprises/${org}/file`;
    expect((await (await reviewer('lixia')).get(path)).status).toBe(200);
    expect((await (await reviewer('shizhong')).get(path)).status).toBe(403);
  });

  it('keeps every change of the profile in its audit, saves landing at one instant included', async () => {
    const harness = await testApp({ start: OPEN_AT });
    const org = uscc(808);
    const enterprise = await enterpriseClient(harness, TENANT, org);
    const saves = await Promise.all(
      ['一', '二', '三'].map((n) =>
        enterprise.put(`${api}/enterprises/${org}`, { ...PROFILE, name: `试点企业${n}` }),
      ),
    );
    expect(saves.map((s) => s.status)).toEqual([200, 200, 200]);
    const ctx = { tenant: TENANT, province: 'shandong' };
    const { items } = await harness.store.table.query(ctx, `T#${TENANT}#ENTERPRISE#${org}`, {
      beginsWith: 'AUDIT#',
    });
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => (i.change as { name: string }).name)).size).toBe(3);
  });
});
