/**
 * A provider's engagements as one table of text (issue 12 items 2 and 9): the page
 * draws it (each title a link to the engagement) and the download writes it, from the
 * same rows, so a file says exactly what the page says. Names in Chinese; the
 * enterprise by its USCC, the one thing the platform knows of it yet.
 */
import { type Engagement, MILESTONE_NAMES, SATISFACTION_NAMES } from '@sme/core';
import type { ExportTable } from '@sme/platform';
import { beijing } from '../shell/text.js';
import { ENGAGEMENT_KIND_NAMES } from '../supervision/engagement-table.js';

/** The latest milestone and whether the enterprise confirmed it: `实施方案（待企业确认）`. */
export function currentMilestone(engagement: Engagement): string {
  const last = engagement.milestones.at(-1);
  if (!last) return '';
  return `${MILESTONE_NAMES[last.kind].zh}（${last.confirmedAt ? '企业已确认' : '待企业确认'}）`;
}

export function ratingText(engagement: Engagement): string {
  if (engagement.rating) return SATISFACTION_NAMES[engagement.rating.satisfaction].zh;
  return engagement.status === 'accepted' ? '待企业评价' : '—';
}

/** The columns' English names, in order, for the page's headers. */
export const ENGAGEMENT_COLUMNS_EN = [
  'Engagement',
  'Enterprise (USCC)',
  'Kind',
  'Contract signed',
  'Current milestone',
  'Rating',
] as const;

export function engagementsTable(
  providerName: string,
  engagements: readonly Engagement[],
  now: Date,
): ExportTable {
  return {
    name: `服务登记清单（${beijing(now).slice(0, 10)}）`,
    title: '服务登记清单',
    ...(providerName && { subtitle: providerName }),
    columns: [
      { header: '服务项目', width: 36 },
      { header: '企业（统一社会信用代码）', width: 24 },
      { header: '服务类型', width: 14 },
      { header: '合同签订日期', width: 14 },
      { header: '当前环节', width: 24 },
      { header: '企业评价', width: 12 },
    ],
    rows: engagements.map((e) => [
      e.title,
      e.enterpriseUscc,
      ENGAGEMENT_KIND_NAMES[e.kind].zh,
      e.contractSignedAt,
      currentMilestone(e),
      ratingText(e),
    ]),
  };
}
