/**
 * What a member owes under its tenant's rules that no deadline of the platform computes:
 * duties that need a person's judgement (seed 004 §一's provider duties), the service
 * records it keeps for every engagement (001 §五(二)), changes it files within a time
 * (003 第二十二条), and its information upkeep (000 §四(一), 001 §三(三)). The member page
 * shows them, each with its clause, so the member reads what it is held to.
 */
import type { LocalizedText } from '../tenant/common.schema.js';
import type { ResolvedTenant } from '../tenant/resolve-tenants.js';
import { rulesFor } from './supervision-rules.js';

export interface Obligation {
  rule: string;
  name: LocalizedText;
  /** Each thing owed, in the notice's words. */
  items: LocalizedText[];
  source: string;
}

const text = (zh: string, en: string): LocalizedText => ({ zh, en });

export function obligationsOf(tenant: ResolvedTenant, programs: readonly string[]): Obligation[] {
  const duties = rulesFor(tenant, 'duty', programs).map((rule) => ({
    rule: rule.id,
    name: rule.name,
    items: rule.clauses.map((c) => text(c.zh, c.en)),
    source: rule.source,
  }));
  const records = rulesFor(tenant, 'service-records', programs).map((rule) => ({
    rule: rule.id,
    name: rule.name,
    items: rule.records.map((r) => r.name),
    source: rule.source,
  }));
  const filings = rulesFor(tenant, 'change-filing', programs).map((rule) => ({
    rule: rule.id,
    name: rule.name,
    items: [
      text(
        `发生更名、合并、分立、重组等变更的，须在变更后 ${rule.withinMonths} 个月内提交变更材料`,
        `After a change of name, merger, division or restructuring, file it within ${rule.withinMonths} month(s)`,
      ),
    ],
    source: rule.source,
  }));
  const upkeep = rulesFor(tenant, 'info-maintenance', programs).map((rule) => ({
    rule: rule.id,
    name: rule.name,
    items: [
      ...(rule.yearlyBy
        ? [
            text(
              `每年 ${rule.yearlyBy.month} 月 ${rule.yearlyBy.day} 日前更新单位信息`,
              `Update the organization's information by ${rule.yearlyBy.month}/${rule.yearlyBy.day} each year`,
            ),
          ]
        : []),
      rule.consequence,
    ],
    source: rule.source,
  }));
  return [...duties, ...records, ...filings, ...upkeep];
}
