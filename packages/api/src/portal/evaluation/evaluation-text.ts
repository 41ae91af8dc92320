/**
 * What the evaluation pages call things and the lists they download (issue 12 items 7
 * and 9): grades and statuses in Chinese first, the evidence counted for a member in
 * words, and each list built once as an `ExportTable` so the page and its CSV/Excel
 * files say the same (times in Beijing time).
 */
import {
  type EvaluationEvidence,
  formatDeadline,
  GRADE_NAMES,
  type LocalizedText,
  type ResolvedTenant,
  shanghaiDateOf,
} from '@sme/core';
import type { ExportTable, Platform } from '@sme/platform';
import { beijing } from '../shell/text.js';

type Evaluations = Platform['supervision']['evaluations'];
export type YearView = Awaited<ReturnType<Evaluations['view']>>;
export type MemberRow = YearView['members'][number];
export type MemberYear = Awaited<ReturnType<Evaluations['member']>>;

export const gradeName = (grade: string | undefined): LocalizedText | undefined =>
  grade ? GRADE_NAMES[grade as keyof typeof GRADE_NAMES] : undefined;

export const YEAR_STATUS: Record<string, LocalizedText> = {
  open: { zh: '评价中', en: 'Open' },
  published: { zh: '已发布', en: 'Published' },
};

/** A member's status in a year: excluded shows before publication too (it is already known). */
export function memberStatus(row: Pick<MemberRow, 'status' | 'excluded'>): LocalizedText {
  if (row.status === 'excluded' || row.excluded) return { zh: '不参评', en: 'Excluded' };
  if (row.status === 'published') return { zh: '已发布', en: 'Published' };
  // Its grade withdrawn by an upheld appeal: the year has no final grade any more.
  if (row.status === 'annulled')
    return { zh: '申诉成立，等次撤销', en: 'Grade withdrawn on appeal' };
  return { zh: '评价中', en: 'Open' };
}

/** Each kind of evidence in words: `服务登记（企业已确认）2 项（验收 1）`. */
const EVIDENCE_TEXT: {
  [K in keyof EvaluationEvidence]: (e: EvaluationEvidence[K]) => string;
} = {
  engagements: (e) => `服务登记（企业已确认）${e.registered} 项（验收 ${e.accepted}）`,
  ratings: (e) => `企业评价 满意 ${e.satisfied}、基本满意 ${e.basic}、不满意 ${e.unsatisfied}`,
  complaints: (e) => `投诉 ${e.filed} 件（成立 ${e.upheld}）`,
  rectifications: (e) => `整改 ${e.ordered} 次（通过 ${e.accepted}、未通过 ${e.failed}）`,
};

/** The evidence given, kind by kind, in the order the platform counts it. */
export function evidenceText(evidence: Partial<EvaluationEvidence>): string[] {
  return (Object.keys(EVIDENCE_TEXT) as (keyof EvaluationEvidence)[]).flatMap((kind) => {
    const value = evidence[kind];
    return value ? [(EVIDENCE_TEXT[kind] as (v: typeof value) => string)(value)] : [];
  });
}

const score = (n: number | undefined) => (n === undefined ? '未评分' : String(n));

/** Each indicator's score in a cell, named with its clause (two may share a name). */
export function indicatorScores(
  tenant: ResolvedTenant,
  indicators: readonly { id: string; name: LocalizedText; score?: number }[],
): string {
  const sources = new Map(tenant.supervision.indicators.map((i) => [i.id, i.source]));
  return indicators
    .map((i) => `${i.name.zh}（${sources.get(i.id) ?? i.id}） ${score(i.score)}`)
    .join('；');
}

/** The year's members as the page lists them and the files hold them. */
export function yearTable(tenant: ResolvedTenant, view: YearView, now: Date): ExportTable {
  const { evaluation, members } = view;
  const tenantName = tenant.name.zh;
  return {
    name: `${tenantName}${evaluation.year}年度服务商评价（${shanghaiDateOf(now)}）`,
    title: `${tenantName} ${evaluation.year} 年度服务商评价`,
    subtitle: `意见反馈截止 ${formatDeadline(new Date(evaluation.commentUntil))}（北京时间）；导出于 ${beijing(now)}`,
    columns: [
      { header: '服务商', width: 30 },
      { header: '统一社会信用代码', width: 22 },
      { header: '评价规则', width: 24 },
      { header: '状态', width: 10 },
      { header: '各指标得分', width: 50 },
      { header: '计入的服务记录', width: 60 },
      { header: '得分', width: 8 },
      { header: '拟定等次', width: 10 },
      { header: '最终等次', width: 10 },
      { header: '不参评原因', width: 50 },
      { header: '服务商意见', width: 40 },
    ],
    rows: members.map((m) => [
      m.name,
      m.uscc,
      m.rule.name.zh,
      memberStatus(m).zh,
      indicatorScores(tenant, m.indicators),
      evidenceText(m.evidence).join('；'),
      m.score === undefined ? '' : m.score,
      gradeName(m.proposedGrade)?.zh ?? '',
      gradeName(m.grade)?.zh ?? '',
      m.excluded?.reason.zh ?? '',
      m.comment?.text ?? '',
    ]),
  };
}

export const YEAR_TABLE_EN = [
  'Member',
  'USCC',
  'Rule',
  'Status',
  'Indicator scores',
  'Evidence counted',
  'Score',
  'Proposed grade',
  'Final grade',
  'Excluded because',
  "Member's comment",
];
