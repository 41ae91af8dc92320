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
  ['disqualifications', { zh: '取消资格公告', en: 'Disqualifications' }],
];

const BY_ROLE: Partial<Record<Role, readonly [string, LocalizedText][]>> = {
  district_reviewer: [
    ['review', { zh: '待办', en: 'My tasks' }],
    ['admin/exports', { zh: '数据导出', en: 'Exports' }],
    ['pilots', { zh: '试点企业', en: 'Pilot enterprises' }],
  ],
  expert: [['review', { zh: '待办', en: 'My tasks' }]],
  provider: [
    ['me/applications', { zh: '我的申报', en: 'My applications' }],
    ['me/organization', { zh: '单位信息', en: 'Organization' }],
    ['me/engagements', { zh: '服务登记', en: 'Engagements' }],
    ['me/evaluation', { zh: '年度评价', en: 'Yearly evaluation' }],
    ['me/complaints', { zh: '投诉处理', en: 'Complaints' }],
    ['pilots', { zh: '试点企业', en: 'Pilot enterprises' }],
  ],
  city_admin: [
    ['review', { zh: '待办', en: 'My tasks' }],
    ['admin/applications', { zh: '申报管理', en: 'Applications' }],
    ['admin/notices', { zh: '公示管理', en: 'Notices and objections' }],
    ['admin/supervision', { zh: '监督管理', en: 'Supervision' }],
    ['admin/evaluations', { zh: '年度评价', en: 'Yearly evaluation' }],
    ['admin/complaints', { zh: '投诉与抽查', en: 'Complaints and spot checks' }],
    ['admin/exports', { zh: '数据导出', en: 'Exports' }],
    ['pilots', { zh: '试点企业', en: 'Pilot enterprises' }],
  ],
  enterprise: [
    ['me/applications', { zh: '我的申报', en: 'My applications' }],
    ['me/organization', { zh: '单位信息', en: 'Organization' }],
    ['enterprise/needs', { zh: '转型需求与对接', en: 'Needs and matches' }],
    ['enterprise/engagements', { zh: '服务登记', en: 'Engagements' }],
  ],
  province_admin: [
    ['province', { zh: '数据看板', en: 'Dashboard' }],
    ['province/board', { zh: '监管预警', en: 'Supervision board' }],
    ['admin/supervision', { zh: '监督管理', en: 'Supervision' }],
    ['admin/evaluations', { zh: '年度评价', en: 'Yearly evaluation' }],
    ['pilots', { zh: '试点企业', en: 'Pilot enterprises' }],
  ],
};

export function navigation(tenant: ResolvedTenant, claims: Claims | undefined): NavLink[] {
  const own = claims && claims.tenant === tenant.id ? claims.roles : [];
  return [...PUBLIC, ...own.flatMap((role) => BY_ROLE[role] ?? [])].map(([path, label]) => ({
    href: `/${tenant.id}/${path}`,
    label,
  }));
}
