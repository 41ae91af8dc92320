/**
 * Complaints and spot checks as lists of text (issue 12 items 3 and 9): each page draws
 * its list from one of these tables and its downloads write the same rows, so a file
 * says what the page says. Grounds in the words of the tenant's rule, statuses in
 * Chinese, times in Beijing time and deadlines as notices write them (24:00).
 */
import {
  type Complaint,
  formatDeadline,
  type ResolvedTenant,
  SPOT_CHECK_METHOD_NAMES,
  type SpotCheck,
} from '@sme/core';
import type { ExportTable } from '@sme/platform';
import { beijing } from '../shell/text.js';
import { COMPLAINT_STATUS_NAMES } from '../supervision/names.js';

/** The ground as the complaint's own rule words it (ids repeat across kinds of rule). */
export function complaintGround(tenant: ResolvedTenant, complaint: Complaint): string {
  const rule = tenant.supervision.rules.find((r) => r.id === complaint.rule);
  const ground =
    rule && 'grounds' in rule ? rule.grounds.find((g) => g.id === complaint.ground) : undefined;
  return ground?.zh ?? complaint.ground;
}

/** `2025-03-10 24:00`: the last moment of the provider's right of reply. */
export const replyDue = (complaint: Complaint) => formatDeadline(new Date(complaint.replyDueAt));

const replyText = (c: Complaint) =>
  c.reply ? `${c.reply.text}（北京时间 ${beijing(c.reply.at)}）` : '';

/** What the bureau decided, and the rectification it ordered with it. */
export function resolutionText(c: Complaint): string {
  if (!c.resolution) return '';
  const outcome = c.resolution.upheld ? '投诉成立' : '投诉不成立';
  const rectified = c.resolution.rectificationId ? '；已责令限期整改' : '';
  return `${outcome}：${c.resolution.comment}${rectified}（北京时间 ${beijing(c.resolution.at)}）`;
}

const today = (now: Date) => beijing(now).slice(0, 10);
const col = (header: string, width: number) => ({ header, width });

/** The enterprise's own complaints. */
export function enterpriseComplaintsTable(
  tenant: ResolvedTenant,
  complaints: readonly Complaint[],
  now: Date,
): ExportTable {
  return {
    name: `我的投诉（${today(now)}）`,
    title: '我的投诉',
    columns: [
      col('被投诉服务商', 30),
      col('投诉事由', 30),
      col('投诉时间（北京时间）', 18),
      col('状态', 16),
      col('服务商答复', 40),
      col('处理结果', 40),
    ],
    rows: complaints.map((c) => [
      c.name ?? c.uscc,
      complaintGround(tenant, c),
      beijing(c.createdAt),
      COMPLAINT_STATUS_NAMES[c.status].zh,
      replyText(c),
      resolutionText(c),
    ]),
  };
}

/** The complaints about a provider, as it answers them. */
export function providerComplaintsTable(
  tenant: ResolvedTenant,
  complaints: readonly Complaint[],
  now: Date,
): ExportTable {
  return {
    name: `投诉处理（${today(now)}）`,
    title: '收到的投诉',
    columns: [
      col('投诉事由', 30),
      col('投诉企业（信用代码）', 22),
      col('投诉内容', 40),
      col('投诉时间（北京时间）', 18),
      col('答复期限（北京时间）', 18),
      col('状态', 16),
      col('我方答复', 40),
      col('处理结果', 40),
    ],
    rows: complaints.map((c) => [
      complaintGround(tenant, c),
      c.enterpriseUscc,
      c.detail,
      beijing(c.createdAt),
      replyDue(c),
      COMPLAINT_STATUS_NAMES[c.status].zh,
      replyText(c),
      resolutionText(c),
    ]),
  };
}

/** Every complaint of the tenant, for its bureau. */
export function allComplaintsTable(
  tenant: ResolvedTenant,
  complaints: readonly Complaint[],
  now: Date,
): ExportTable {
  return {
    name: `投诉清单（${today(now)}）`,
    title: '投诉清单',
    columns: [
      col('被投诉服务商', 30),
      col('统一社会信用代码', 22),
      col('投诉企业（信用代码）', 22),
      col('投诉事由', 30),
      col('投诉内容', 40),
      col('投诉时间（北京时间）', 18),
      col('答复期限（北京时间）', 18),
      col('状态', 16),
      col('服务商答复', 40),
      col('处理结果', 40),
    ],
    rows: complaints.map((c) => [
      c.name ?? c.uscc,
      c.uscc,
      c.enterpriseUscc,
      complaintGround(tenant, c),
      c.detail,
      beijing(c.createdAt),
      replyDue(c),
      COMPLAINT_STATUS_NAMES[c.status].zh,
      replyText(c),
      resolutionText(c),
    ]),
  };
}

export function spotChecksTable(
  checks: readonly (SpotCheck & { name: string })[],
  now: Date,
): ExportTable {
  return {
    name: `抽查记录（${today(now)}）`,
    title: '抽查记录',
    columns: [
      col('服务商', 30),
      col('统一社会信用代码', 22),
      col('抽查方式', 14),
      col('抽查发现', 50),
      col('记录时间（北京时间）', 18),
    ],
    rows: checks.map((s) => [
      s.name,
      s.uscc,
      SPOT_CHECK_METHOD_NAMES[s.method].zh,
      s.findings,
      beijing(s.createdAt),
    ]),
  };
}

/** The English names of the columns, in order, for the page's headers. */
export const TABLE_EN = {
  enterprise: ['Provider', 'Ground', 'Filed', 'Status', 'Reply', 'Resolution'],
  provider: [
    'Ground',
    'Enterprise',
    'Complaint',
    'Filed',
    'Reply due',
    'Status',
    'Our reply',
    'Resolution',
  ],
  all: [
    'Member',
    'USCC',
    'Enterprise',
    'Ground',
    'Complaint',
    'Filed',
    'Reply due',
    'Status',
    'Reply',
    'Resolution',
  ],
  spotChecks: ['Member', 'USCC', 'Method', 'Findings', 'Recorded'],
} as const;
