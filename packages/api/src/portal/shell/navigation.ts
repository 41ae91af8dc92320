/**
 * The header's links: the public pages of a tenant, then what the signed-in person's
 * role does there. One list, so a new page is one line here.
 */
import type { LocalizedText, ResolvedTenant, Role } from '@sme/core';
import type { Claims } from '@sme/platform';

export interface NavLink {
  href: string;
  label: LocalizedText;
}

const PUBLIC: readonly [string, LocalizedText][] = [
  ['', { zh: '申报通知', en: 'Calls' }],
  ['notices', { zh: '公示', en: 'Notices' }],
  ['pool', { zh: '服务商资源池', en: 'Provider pool' }],
];

const BY_ROLE: Partial<Record<Role, readonly [string, LocalizedText][]>> = {
  city_admin: [['admin/exports', { zh: '数据导出', en: 'Exports' }]],
  district_reviewer: [['admin/exports', { zh: '数据导出', en: 'Exports' }]],
  province_admin: [['province', { zh: '数据看板', en: 'Dashboard' }]],
};

export function navigation(tenant: ResolvedTenant, claims: Claims | undefined): NavLink[] {
  const own = claims && claims.tenant === tenant.id ? claims.roles : [];
  return [...PUBLIC, ...own.flatMap((role) => BY_ROLE[role] ?? [])].map(([path, label]) => ({
    href: `/${tenant.id}/${path}`,
    label,
  }));
}
