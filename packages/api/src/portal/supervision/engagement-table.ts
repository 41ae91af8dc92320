/**
 * Engagements as a table of text, for both parties' lists (issue 12 item 9): the member
 * page lists its engagements with the enterprise served, the enterprise's page lists
 * them with the provider serving it. The page and its download write the same rows.
 */
import {
  type Engagement,
  type EngagementKind,
  type LocalizedText,
  MILESTONE_NAMES,
  SATISFACTION_NAMES,
} from '@sme/core';
import type { ExportTable } from '@sme/platform';
import { beijing } from '../shell/text.js';
import { caseStatus } from './names.js';

export const ENGAGEMENT_KIND_NAMES: Record<EngagementKind, LocalizedText> = {
  transformation: { zh: '数字化改造', en: 'Digital transformation' },
  assessment: { zh: '验收评估', en: 'Acceptance assessment' },
};

/** The English names of the columns, in order, for the page's stacked cells. */
export const ENGAGEMENT_COLUMNS_EN = {
  provider: [
    'Engagement',
    'Enterprise (USCC)',
    'Kind',
    'Contract',
    'Last milestone',
    'Status',
    'Rating',
  ],
  enterprise: ['Engagement', 'Provider', 'Kind', 'Contract', 'Last milestone', 'Status', 'Rating'],
} as const;

/** The milestone last recorded, and whether the enterprise confirmed it. */
function lastMilestone(e: Engagement): string {
  const last = e.milestones.at(-1);
  if (!last) return '';
  return `${MILESTONE_NAMES[last.kind].zh}（${last.confirmedAt ? '已确认' : '待确认'}）`;
}

/** `side`: whose list it is: the provider's (naming the enterprise) or the enterprise's. */
export function engagementsTable(
  engagements: readonly Engagement[],
  side: 'provider' | 'enterprise',
  now: Date,
): ExportTable {
  return {
    name: `服务登记（${beijing(now).slice(0, 10)}）`,
    title: '服务登记',
    columns: [
      { header: '项目', width: 30 },
      side === 'provider'
        ? { header: '服务企业（统一社会信用代码）', width: 22 }
        : { header: '服务商', width: 30 },
      { header: '服务类型', width: 14 },
      { header: '合同签订日期', width: 14 },
      { header: '最近节点', width: 24 },
      { header: '状态', width: 10 },
      { header: '评价', width: 12 },
    ],
    rows: engagements.map((e) => [
      e.title,
      side === 'provider' ? e.enterpriseUscc : e.providerName,
      ENGAGEMENT_KIND_NAMES[e.kind].zh,
      e.contractSignedAt.slice(0, 10),
      lastMilestone(e),
      caseStatus(e.status, 'engagement').zh,
      e.rating ? SATISFACTION_NAMES[e.rating.satisfaction].zh : '',
    ]),
  };
}
