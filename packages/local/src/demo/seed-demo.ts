/**
 * What the demo people of the sign-in page need to find on `pnpm dev`: in each city,
 * the sample provider and enterprise registered, and the demo experts in the expert
 * pool for every industry of the city's calls. Done through the use cases, as those
 * people would, and only where missing, so a restart changes nothing.
 */
import { claimsForLogin, demoExpertIds, demoIdentities, demoOrganizations } from '@sme/api';
import type { Platform } from '@sme/platform';
import { tenantContext } from '@sme/store';

export async function seedDemo(platform: Platform): Promise<void> {
  for (const tenant of platform.tenants.all) {
    if (tenant.kind === 'province') continue;
    const ctx = tenantContext(tenant);
    const people = new Map(
      demoIdentities(tenant).map((i) => [i.id, claimsForLogin(tenant, i.request)]),
    );
    const orgs = demoOrganizations(tenant);
    for (const [who, org] of [
      ['provider', orgs.provider],
      ['enterprise', orgs.enterprise],
    ] as const) {
      const claims = people.get(who);
      if (!claims || (await platform.repositories.orgs.registration(ctx, org.uscc))) continue;
      await platform.organizations.register(tenant, claims, org.uscc, {
        name: org.name,
        region: org.region,
      });
    }
    const admin = people.get('city-admin');
    if (!admin) continue;
    const pool = new Set((await platform.experts.list(tenant, admin)).map((e) => e.expertId));
    const industries = [...new Set(tenant.programs.flatMap((p) => p.industries))];
    for (const expertId of demoExpertIds(tenant)) {
      if (pool.has(expertId)) continue;
      await platform.experts.save(tenant, admin, expertId, { industries, conflicts: [] });
    }
  }
}
