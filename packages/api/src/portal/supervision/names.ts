/**
 * What supervision pages call things: case statuses in Chinese first, a ground with the
 * clause of the notice it comes from, and the shape every supervision form's state has
 * (which form, what was typed, what was refused), so a refused form shows again as typed.
 */
import type { Clause, Complaint, LocalizedText, ResolvedTenant } from '@sme/core';
import type { FieldErrors } from '../forms/form-errors.js';

export const CASE_STATUS_NAMES: Record<string, LocalizedText> = {
  open: { zh: '待处理', en: 'Open' },
  reported: { zh: '已报告，待审核', en: 'Reported' },
  accepted: { zh: '整改通过', en: 'Accepted' },
  rejected: { zh: '整改不通过', en: 'Rejected' },
  overdue: { zh: '逾期未整改', en: 'Overdue' },
  annulled: { zh: '已撤销', en: 'Annulled' },
  in_force: { zh: '生效', en: 'In force' },
  upheld: { zh: '申诉成立', en: 'Upheld' },
  dismissed: { zh: '申诉不成立', en: 'Dismissed' },
  replied: { zh: '已答复，待处理', en: 'Replied' },
  reply_overdue: { zh: '逾期未答复', en: 'No reply in time' },
};

export const COMPLAINT_STATUS_NAMES: Record<Complaint['status'], LocalizedText> = {
  open: { zh: '待服务商答复', en: 'Awaiting the reply' },
  replied: { zh: '已答复，待处理', en: 'Replied, awaiting resolution' },
  reply_overdue: { zh: '逾期未答复，待处理', en: 'No reply in time, awaiting resolution' },
  upheld: { zh: '投诉成立', en: 'Upheld' },
  dismissed: { zh: '投诉不成立', en: 'Dismissed' },
  annulled: { zh: '申诉成立，投诉结论撤销', en: 'Annulled on appeal' },
};

/** The statuses whose words differ by kind of case (an accepted engagement is not an accepted order). */
const KIND_STATUS_NAMES: Record<string, Record<string, LocalizedText>> = {
  complaint: COMPLAINT_STATUS_NAMES,
  engagement: {
    registered: { zh: '已登记', en: 'Registered' },
    in_progress: { zh: '服务中', en: 'In progress' },
    accepted: { zh: '已验收', en: 'Accepted' },
    rated: { zh: '已评价', en: 'Rated' },
  },
  evaluation: {
    open: { zh: '评价中', en: 'Open' },
    published: { zh: '已公布', en: 'Published' },
    excluded: { zh: '不参加评价', en: 'Excluded' },
  },
};

export const caseStatus = (status: string, kind?: string): LocalizedText =>
  (kind && KIND_STATUS_NAMES[kind]?.[status]) ||
  CASE_STATUS_NAMES[status] || { zh: status, en: status };

/** Why the platform proposed a disqualification (a proposal's stored `reason` code). */
const PROPOSAL_REASON_NAMES: Record<string, LocalizedText> = {
  overdue: { zh: '逾期未提交整改报告', en: 'No rectification report in time' },
  rejected: { zh: '整改报告未通过审核', en: 'Rectification report rejected' },
  limit: { zh: '责令整改次数超过规定', en: 'More rectification orders than the rules allow' },
  failed_evaluations: { zh: '年度评价不合格', en: 'Failed yearly evaluations' },
};

export const proposalReason = (reason: string): LocalizedText =>
  PROPOSAL_REASON_NAMES[reason] ?? { zh: reason, en: reason };

/** The grounds of the tenant's rules of a kind, each once, for a form's select. */
export function tenantGrounds(
  tenant: ResolvedTenant,
  kind: 'complaint' | 'rectification',
): Clause[] {
  const seen = new Set<string>();
  return tenant.supervision.rules.flatMap((rule) =>
    rule.kind === kind ? rule.grounds.filter((g) => !seen.has(g.id) && seen.add(g.id)) : [],
  );
}

/** A ground as the select lists it: its words, then the notice clause it comes from. */
export const groundOption = (g: Clause) => ({ value: g.id, label: `${g.zh}（${g.source}）` });

/** The Chinese name of a ground of any of the tenant's supervision rules. */
export function groundName(tenant: ResolvedTenant, id: string): string {
  for (const rule of tenant.supervision.rules) {
    const grounds: readonly Clause[] = 'grounds' in rule ? rule.grounds : [];
    const found = grounds.find((g) => g.id === id);
    if (found) return found.zh;
  }
  return id;
}

export interface SupervisionForm {
  /** Which form on the page was posted (its action's case, or the form's name). */
  key: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** Posted text fields as strings (a missing one is empty). */
export function postedText(posted: Record<string, unknown>, names: readonly string[]) {
  return Object.fromEntries(names.map((n) => [n, String(posted[n] ?? '')])) as Record<
    string,
    string
  >;
}

/** The checks every free-text field of these forms has: required, at least 2, at most `max`. */
export function textError(
  value: string,
  label: LocalizedText,
  max: number,
): LocalizedText | undefined {
  const text = value.trim();
  if (!text) return { zh: `请填写「${label.zh}」`, en: `Enter ${label.en}` };
  if (text.length < 2)
    return { zh: `「${label.zh}」至少 2 个字`, en: `${label.en}: at least 2 characters` };
  if (text.length > max)
    return { zh: `「${label.zh}」最多 ${max} 个字`, en: `${label.en}: at most ${max} characters` };
  return undefined;
}

export const choiceError = (label: LocalizedText): LocalizedText => ({
  zh: `请选择「${label.zh}」`,
  en: `Choose ${label.en}`,
});
