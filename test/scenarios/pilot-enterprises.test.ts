/**
 * Pilot enterprises (API.md "Supervision": a `pilot-enterprise` program's listing goes to
 * `GET /pilots`, never to the provider pool). Jinan's call for pilot enterprises (seed 000
 * §一(二), §三(二)) walked end to end over HTTP: the enterprise applies, the city selects
 * it, the province's needs review scores it, and the province lists it. It is then a
 * pilot enterprise, not a provider: absent from the pool, not a member, and listed for
 * the staff and for the pool's members, who see its name, district and needs only.
 */
import { testApp } from '@sme/api/testing';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { listMember, memberClient, supervisorOf } from '../support/members.js';
import { api, listedPilot, NEEDS, OPEN_AT, PROGRAM, TENANT } from '../support/pilots.js';
import { uscc } from '../support/qingdao.js';

describe("Jinan's pilot enterprises", () => {
  it('are listed as pilots, never in the provider pool nor as its members', async () => {
    const harness = await testApp({ start: OPEN_AT });
    const { id, org, city, province } = await listedPilot(harness, 501);

    const pool = await new ApiClient(harness.app).get<{ items: { uscc: string }[] }>(`${api}/pool`);
    expect(pool.status).toBe(200);
    expect(pool.body.items.map((i) => i.uscc)).not.toContain(org);
    const asMember = await new ApiClient(harness.app).get(`${api}/members/${org}`);
    expect(asMember.status).toBe(404);

    const expected = {
      applicationId: id,
      uscc: org,
      name: '试点企业501',
      region: 'lixia',
      programId: PROGRAM,
      needs: NEEDS,
    };
    for (const staff of [city, province]) {
      const pilots = await staff.get<{ items: Record<string, unknown>[] }>(`${api}/pilots`);
      expect(pilots.status).toBe(200);
      expect(pilots.body.items).toEqual([
        expect.objectContaining({ ...expected, listedAt: expect.any(String) }),
      ]);
    }
    const history = await city.get<{ items: { reason?: string }[] }>(
      `${api}/applications/${id}/history`,
    );
    expect(history.body.items.at(-1)?.reason).toBe(
      '列入试点企业名单 / listed as a pilot enterprise',
    );
  });

  it("shows the pool's members a pilot's name, district and needs only", async () => {
    const harness = await testApp({ start: OPEN_AT });
    await listedPilot(harness, 502);
    const memberOrg = await listMember(harness, TENANT, 'dx-providers', 503);
    const member = await memberClient(harness, TENANT, memberOrg);
    const pilots = await member.get<{ items: Record<string, unknown>[] }>(`${api}/pilots`);
    expect(pilots.status).toBe(200);
    expect(pilots.body.items).toEqual([{ name: '试点企业502', region: 'lixia', needs: NEEDS }]);
  });

  it('answers no one else: a provider outside the pool, an enterprise, the public', async () => {
    const harness = await testApp({ start: OPEN_AT });
    await listedPilot(harness, 504);
    const outsider = await memberClient(harness, TENANT, uscc(505));
    expect((await outsider.get(`${api}/pilots`)).status).toBe(403);
    const enterprise = await ApiClient.signIn(harness.app, {
      role: 'enterprise',
      tenant: TENANT,
      org: uscc(506),
    });
    expect((await enterprise.get(`${api}/pilots`)).status).toBe(403);
    const otherCity = await supervisorOf(harness, 'qingdao');
    expect((await otherCity.get(`${api}/pilots`)).status).toBe(403);
    // A member of another city's pool, through the province's list of every city's.
    const qingdaoMember = await listMember(harness, 'qingdao', 'dx-providers-2024', 507);
    const viaProvince = await memberClient(harness, 'shandong', qingdaoMember);
    expect((await viaProvince.get('/api/tenants/shandong/pilots')).status).toBe(403);
    expect((await new ApiClient(harness.app).get(`${api}/pilots`)).status).toBe(401);
  });
});
