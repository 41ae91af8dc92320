/**
 * The people of the local demo: for a city, a provider of a sample organization (and
 * one whose organization is not registered yet), a reviewer for each district, three
 * experts, the city bureau and an enterprise; for the province, its bureau. Derived from
 * the tenant's file, so a new city has its demo people with no code change. `pnpm dev`
 * seeds what they need (the organizations, the expert pool); never offered on AWS.
 */
import {
  type LocalizedText,
  type ResolvedTenant,
  USCC_ALPHABET,
  usccCheckCharacter,
} from '@sme/core';
import type { LoginRequest } from '../../auth/dev-login.js';

export interface DemoIdentity {
  /** Stable within a tenant: what the sign-in form posts. */
  id: string;
  label: LocalizedText;
  request: LoginRequest;
}

export interface DemoOrganization {
  uscc: string;
  name: string;
  region: string;
}

/**
 * A valid USCC for a demo organization of a tenant: `91 37` (a company registered in
 * Shandong), then characters drawn from the tenant id and the organization's number,
 * then the check character.
 */
function demoUscc(tenantId: string, n: number): string {
  let seed = n * 7919;
  for (const ch of tenantId) seed = (seed * 31 + ch.charCodeAt(0)) % 1_000_000_007;
  let tail = '';
  for (let i = 0; i < 13; i += 1) {
    tail += USCC_ALPHABET.charAt(seed % 31);
    seed = Math.floor(seed / 31) + (i + 1) * 104_729 * (n + 1);
  }
  const body = `9137${tail}`;
  return `${body}${usccCheckCharacter(body)}`;
}

export function demoOrganizations(tenant: ResolvedTenant) {
  const region = tenant.regions[0]?.id ?? '';
  const city = tenant.name.zh.replace(/市$/, '');
  return {
    provider: { uscc: demoUscc(tenant.id, 1), name: `${city}示例数字科技有限公司`, region },
    newcomer: { uscc: demoUscc(tenant.id, 2), name: `${city}新锐智能制造服务有限公司`, region },
    enterprise: { uscc: demoUscc(tenant.id, 3), name: `${city}示例机械制造有限公司`, region },
  } satisfies Record<string, DemoOrganization>;
}

export const demoExpertIds = (tenant: ResolvedTenant) =>
  [1, 2, 3].map((n) => `${tenant.id}-expert-${n}`);

export function demoIdentities(tenant: ResolvedTenant): DemoIdentity[] {
  if (tenant.kind === 'province') {
    return [
      {
        id: 'province-admin',
        label: { zh: `${tenant.name.zh}主管部门`, en: `${tenant.name.en} bureau` },
        request: { role: 'province_admin', tenant: tenant.id, name: '省级管理员' },
      },
    ];
  }
  const orgs = demoOrganizations(tenant);
  return [
    {
      id: 'provider',
      label: { zh: `服务商：${orgs.provider.name}`, en: 'Provider (registered)' },
      request: {
        role: 'provider',
        tenant: tenant.id,
        org: orgs.provider.uscc,
        name: orgs.provider.name,
      },
    },
    {
      id: 'newcomer',
      label: {
        zh: `服务商（尚未登记单位信息）：${orgs.newcomer.name}`,
        en: 'Provider (not yet registered)',
      },
      request: {
        role: 'provider',
        tenant: tenant.id,
        org: orgs.newcomer.uscc,
        name: orgs.newcomer.name,
      },
    },
    ...tenant.regions
      .filter((region) => region.kind !== 'elsewhere')
      .map((region) => ({
        id: `reviewer-${region.id}`,
        label: { zh: `${region.name.zh}审核员`, en: `Reviewer, ${region.name.en}` },
        request: {
          role: 'district_reviewer' as const,
          tenant: tenant.id,
          region: region.id,
          name: `${region.name.zh}审核员`,
        },
      })),
    ...demoExpertIds(tenant).map((expertId, i) => ({
      id: expertId,
      label: { zh: `评审专家 ${i + 1}`, en: `Expert ${i + 1}` },
      request: { role: 'expert' as const, tenant: tenant.id, expertId, name: `评审专家 ${i + 1}` },
    })),
    {
      id: 'city-admin',
      label: { zh: `${tenant.name.zh}主管部门`, en: `${tenant.name.en} bureau` },
      request: { role: 'city_admin', tenant: tenant.id, name: `${tenant.name.zh}管理员` },
    },
    {
      id: 'enterprise',
      label: { zh: `企业：${orgs.enterprise.name}`, en: 'Enterprise' },
      request: {
        role: 'enterprise',
        tenant: tenant.id,
        org: orgs.enterprise.uscc,
        name: orgs.enterprise.name,
      },
    },
  ];
}
