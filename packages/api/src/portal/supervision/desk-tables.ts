/**
 * The supervision desk's lists as tables of text (issue 12 item 9): the page draws them
 * (with the links and forms it adds) and the downloads write them, from the same rows.
 * Names and grounds in Chinese, times in Beijing time, as on the page.
 */
import { formatDeadline, type LocalizedText, type ResolvedTenant } from '@sme/core';
import type { ExportTable } from '@sme/platform';
import { beijing } from '../shell/text.js';
import { groundName, proposalReason } from './names.js';

/** A member as the desk lists it. */
export interface DeskMember {
  uscc: string;
  name: string;
  status: string;
  statusName: LocalizedText;
  openOrders: number;
}

export interface DeskReport {
  id: string;
  uscc: string;
  name?: string | undefined;
  ground: string;
  dueAt: string;
  report?: { text: string; at: string } | undefined;
}

export interface DeskProposal {
  taskId: string;
  /** The member's USCC (a proposal's task names the member as its case). */
  applicationId: string;
  programId: string;
  proposal?: { ground: string; reason: string } | undefined;
}

export interface DeskAppeal {
  id: string;
  uscc: string;
  name?: string | undefined;
  ground: string;
  detail: string;
  createdAt: string;
}

/** Who a row names: the pool's name, the case's, or (removed members) its USCC. */
export type NameOf = (uscc: string, fallback?: string) => string;

const dated = (name: string, now: Date) => `${name}（${beijing(now).slice(0, 10)}）`;

export function membersTable(members: readonly DeskMember[], now: Date): ExportTable {
  return {
    name: dated('资源池成员', now),
    title: '资源池成员',
    columns: [
      { header: '单位名称', width: 30 },
      { header: '统一社会信用代码', width: 22 },
      { header: '状态', width: 10 },
      { header: '未结整改', width: 10 },
    ],
    rows: members.map((m) => [m.name, m.uscc, m.statusName.zh, m.openOrders]),
  };
}

export function reportsTable(
  tenant: ResolvedTenant,
  reports: readonly DeskReport[],
  nameOf: NameOf,
  now: Date,
): ExportTable {
  return {
    name: dated('待审核的整改报告', now),
    title: '待审核的整改报告',
    columns: [
      { header: '服务商', width: 30 },
      { header: '统一社会信用代码', width: 22 },
      { header: '整改事由', width: 30 },
      { header: '整改期限（北京时间）', width: 20 },
      { header: '整改报告', width: 50 },
      { header: '提交时间（北京时间）', width: 20 },
    ],
    rows: reports.map((o) => [
      nameOf(o.uscc, o.name),
      o.uscc,
      groundName(tenant, o.ground),
      formatDeadline(new Date(o.dueAt)),
      o.report?.text ?? '',
      o.report ? beijing(o.report.at) : '',
    ]),
  };
}

export function proposalsTable(
  tenant: ResolvedTenant,
  proposals: readonly DeskProposal[],
  nameOf: NameOf,
  now: Date,
): ExportTable {
  return {
    name: dated('取消资格建议', now),
    title: '取消资格建议',
    columns: [
      { header: '服务商', width: 30 },
      { header: '统一社会信用代码', width: 22 },
      { header: '建议事由', width: 30 },
      { header: '原因', width: 50 },
    ],
    rows: proposals.map((t) => [
      nameOf(t.applicationId),
      t.applicationId,
      t.proposal ? groundName(tenant, t.proposal.ground) : '',
      t.proposal ? proposalReason(t.proposal.reason).zh : '',
    ]),
  };
}

export function appealsTable(
  tenant: ResolvedTenant,
  appeals: readonly DeskAppeal[],
  nameOf: NameOf,
  now: Date,
): ExportTable {
  return {
    name: dated('待处理的申诉', now),
    title: '待处理的申诉',
    columns: [
      { header: '服务商', width: 30 },
      { header: '统一社会信用代码', width: 22 },
      { header: '申诉理由', width: 30 },
      { header: '申诉说明', width: 50 },
      { header: '提交时间（北京时间）', width: 20 },
    ],
    rows: appeals.map((a) => [
      nameOf(a.uscc, a.name),
      a.uscc,
      groundName(tenant, a.ground),
      a.detail,
      beijing(a.createdAt),
    ]),
  };
}
