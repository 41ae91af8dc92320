/**
 * The member's history as people read it. The member case records its reasons in the
 * platform's own words (`rectification <id> ordered: <ground>`), which carry internal
 * ids; the page says what happened in Chinese, naming the ground, and where a reason is
 * not one it knows, only the change of status.
 */
import {
  type HistoryEvent,
  MEMBER_STATUS_NAMES,
  type MemberStatus,
  type ResolvedTenant,
} from '@sme/core';
import { groundName } from './names.js';

const statusName = (status: string | null) =>
  status ? (MEMBER_STATUS_NAMES[status as MemberStatus]?.zh ?? status) : '';

export function historyText(tenant: ResolvedTenant, event: HistoryEvent): string {
  const reason = event.reason ?? '';
  const ordered = reason.match(/^rectification \S+ ordered: (\S+)$/);
  if (ordered) return `责令限期整改：${groundName(tenant, ordered[1] ?? '')}`;
  if (/^rectification \S+ accepted$/.test(reason)) return '整改通过';
  const removed = reason.match(/^disqualification \S+: (\S+)$/);
  if (removed) return `取消资格：${groundName(tenant, removed[1] ?? '')}`;
  if (/disqualification \S+ annulled$/.test(reason)) return '申诉成立，撤销取消资格决定';
  if (reason.startsWith('listed in ')) return '入库，纳入监督管理';
  const yearly = reason.match(/^yearly information updated \((\d{4})\)$/);
  if (yearly) return `更新 ${yearly[1]} 年度信息`;
  if (event.from === event.to || !event.from) return `状态：${statusName(event.to)}`;
  return `状态：${statusName(event.from)} → ${statusName(event.to)}`;
}
