/** What each role is called on the pages. */
import type { LocalizedText, Role } from '@sme/core';

export const ROLE_NAMES: Record<Role, LocalizedText> = {
  provider: { zh: '服务商', en: 'Provider' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  district_reviewer: { zh: '区市审核员', en: 'District reviewer' },
  expert: { zh: '评审专家', en: 'Expert' },
  city_admin: { zh: '市级主管部门', en: 'City bureau' },
  province_admin: { zh: '省级主管部门', en: 'Province bureau' },
};
