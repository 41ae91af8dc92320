import { claimsForLogin, demoExpertIds, demoIdentities, demoOrganizations } from '@sme/api';
import { testApp } from '@sme/api/testing';
import { tenantContext } from '@sme/store';
import { describe, expect, it } from 'vitest';
import { seedDemo } from './seed-demo.js';

describe('seedDemo', () => {
  it('registers each city’s sample organizations and demo experts once, leaving the newcomer to register', async () => {
    const { platform, clock } = await testApp();
    await seedDemo(platform);
    const qingdao = platform.tenants.tenant('qingdao');
    const ctx = tenantContext(qingdao);
    const orgs = demoOrganizations(qingdao);
    const admin = {
      sub: 'city_admin:qingdao:t',
      tenant: 'qingdao',
      roles: ['city_admin' as const],
    };
    const first = await platform.repositories.orgs.registration(ctx, orgs.provider.uscc);
    expect(first).toMatchObject({ region: orgs.provider.region });
    expect(await platform.repositories.orgs.registration(ctx, orgs.enterprise.uscc)).toBeDefined();
    expect(await platform.repositories.orgs.registration(ctx, orgs.newcomer.uscc)).toBeUndefined();
    const pool = await platform.experts.list(qingdao, admin);
    expect(pool.map((e) => e.expertId).sort()).toEqual(demoExpertIds(qingdao));
    expect(pool[0]?.industries).toContain('auto-parts');

    clock.advanceTo(new Date('2024-01-21T09:00:00+08:00'));
    await seedDemo(platform);
    expect(await platform.repositories.orgs.registration(ctx, orgs.provider.uscc)).toEqual(first);
    expect(await platform.experts.list(qingdao, admin)).toEqual(pool);
  });

  it('gives every demo identity of every tenant claims the sign-in accepts, with distinct valid USCCs', async () => {
    const { platform } = await testApp();
    const usccs = new Set<string>();
    for (const tenant of platform.tenants.all) {
      const identities = demoIdentities(tenant);
      expect(new Set(identities.map((i) => i.id)).size).toBe(identities.length);
      for (const identity of identities) {
        expect(claimsForLogin(tenant, identity.request).roles).toEqual([identity.request.role]);
      }
      if (tenant.kind === 'province') continue;
      for (const org of Object.values(demoOrganizations(tenant))) usccs.add(org.uscc);
    }
    expect(usccs.size).toBe(9);
  });
});
