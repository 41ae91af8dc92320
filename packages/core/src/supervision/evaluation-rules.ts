/**
 * What a tenant's rules say about a member's year: which rule grades it and on which
 * indicators, the score its sheets give and the grade the thresholds propose, whether
 * it is excluded for a missed yearly update (001 §三(三)), when it is reminded of that
 * update, and what a failing grade leads to. Pure: the platform reads and writes.
 */
import {
  addDays,
  type CalendarDate,
  endOfShanghaiDay,
  formatDeadline,
  startOfShanghaiDay,
} from '../calendar/shanghai-time.js';
import type { ResolvedTenant } from '../tenant/resolve-tenants.js';
import type { Indicator } from '../tenant/supervision.schema.js';
import type { EvaluationGrade } from '../tenant/vocabulary.js';
import type { ScoreSheet } from './evaluation.js';
import { type RuleOf, rulesFor } from './supervision-rules.js';

export type EvaluationRule = RuleOf<'evaluation'>;
export type YearlyUpdateRule = RuleOf<'info-maintenance'> & {
  yearlyBy: NonNullable<RuleOf<'info-maintenance'>['yearlyBy']>;
};

/** The tenant's evaluation rules that grade (those with thresholds). */
export const gradingRules = (tenant: ResolvedTenant): EvaluationRule[] =>
  tenant.supervision.rules.filter(
    (rule): rule is EvaluationRule => rule.kind === 'evaluation' && rule.thresholds.length > 0,
  );

/** The rule that grades a member listed in `programs`, if one does. */
export const gradingRuleFor = (tenant: ResolvedTenant, programs: readonly string[]) =>
  rulesFor(tenant, 'evaluation', programs).find((rule) => rule.thresholds.length > 0);

/** The indicators a rule scores: those it names, or every indicator of the tenant. */
export function indicatorsOf(tenant: ResolvedTenant, rule: EvaluationRule): Indicator[] {
  const all = tenant.supervision.indicators;
  return rule.indicators ? all.filter((i) => rule.indicators?.includes(i.id)) : all;
}

const mean = (values: readonly number[]) =>
  Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;

/** Each indicator's score: the mean of the sheets that score it (undefined: none yet). */
export function indicatorScores(
  indicators: readonly Pick<Indicator, 'id'>[],
  sheets: readonly ScoreSheet[],
): Record<string, number | undefined> {
  return Object.fromEntries(
    indicators.map((indicator) => {
      const given = sheets.flatMap((s) => {
        const value = s.scores[indicator.id];
        return value === undefined ? [] : [value];
      });
      return [indicator.id, given.length > 0 ? mean(given) : undefined];
    }),
  );
}

/**
 * The member's score: the mean of its indicators' scores, each weighing the same (no
 * notice weighs them; platform reading). Undefined until every indicator is scored.
 */
export function evaluationScore(
  indicators: readonly Pick<Indicator, 'id'>[],
  sheets: readonly ScoreSheet[],
): number | undefined {
  const scores = Object.values(indicatorScores(indicators, sheets));
  if (scores.length === 0 || scores.some((s) => s === undefined)) return undefined;
  return mean(scores as number[]);
}

/** The best grade whose threshold the score reaches; below every threshold, unqualified. */
export function proposedGrade(rule: EvaluationRule, score: number): EvaluationGrade {
  const reached = [...rule.thresholds]
    .sort((a, b) => b.min - a.min)
    .find((threshold) => score >= threshold.min);
  return reached?.grade ?? 'unqualified';
}

/** The date of `month`/`day` in `year`, the month's last day when it has fewer days. */
function dateIn(year: number, month: number, day: number): CalendarDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return `${year}-${mm}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The rules that want a yearly update by a date, for a member listed in `programs`. */
export const yearlyUpdateRules = (tenant: ResolvedTenant, programs?: readonly string[]) =>
  (programs
    ? rulesFor(tenant, 'info-maintenance', programs)
    : tenant.supervision.rules.filter((r) => r.kind === 'info-maintenance')
  ).filter((rule): rule is YearlyUpdateRule => rule.kind === 'info-maintenance' && !!rule.yearlyBy);

/** The update's date in `year` (31 March for the province). */
export const yearlyUpdateDate = (rule: YearlyUpdateRule, year: number) =>
  dateIn(year, rule.yearlyBy.month, rule.yearlyBy.day);

/** "By the date" as an exclusive instant: 24:00 Beijing time of the date. */
export const yearlyUpdateDeadline = (rule: YearlyUpdateRule, year: number) =>
  endOfShanghaiDay(yearlyUpdateDate(rule, year));

/** When the reminder `days` before the date is delivered: 00:00 Beijing time of that day. */
export const reminderDueAt = (rule: YearlyUpdateRule, year: number, days: number) =>
  startOfShanghaiDay(addDays(yearlyUpdateDate(rule, year), -days));

/**
 * Why a member is left out of year `year`'s evaluation, if it is: a rule wants a yearly
 * update by a date, the member was in the pool before that date, and its first update
 * of the year (`firstUpdateAt`) came after it or never (001 §三(三): 逾期未更新信息的，
 * 取消其当年服务商评级评价资格).
 */
export function exclusion(
  tenant: ResolvedTenant,
  programs: readonly string[],
  year: number,
  member: { listedAt: string; firstUpdateAt?: string | undefined },
): { rule: string; reason: { zh: string; en: string } } | undefined {
  for (const rule of yearlyUpdateRules(tenant, programs)) {
    const deadline = yearlyUpdateDeadline(rule, year);
    if (Date.parse(member.listedAt) >= deadline.getTime()) continue;
    const first = member.firstUpdateAt;
    if (first && Date.parse(first) < deadline.getTime()) continue;
    const by = formatDeadline(deadline);
    return {
      rule: rule.id,
      reason: {
        zh: `未在 ${by}（北京时间）前完成 ${year} 年度信息更新，取消当年评级评价资格（${rule.source}）`,
        en: `No yearly information update by ${by} Beijing time: left out of ${year}'s evaluation (${rule.source})`,
      },
    };
  }
  return undefined;
}

/** How many consecutive failing grades remove a member under the rule (undefined: never). */
export function failuresToRemove(rule: EvaluationRule): number | undefined {
  return rule.removeAfterConsecutiveFailures ?? (rule.rectifyBeforeRemoval ? 2 : undefined);
}

/**
 * What a grade leads to, given how many failing grades in a row it makes (itself
 * included): enough failures propose removal (000 §四(三); 003 第二十条(一)); fewer,
 * where the rule rectifies first (001 §五(三)), an order to rectify.
 */
export function consequenceOf(
  rule: EvaluationRule,
  grade: EvaluationGrade,
  consecutiveFailures: number,
): 'none' | 'rectification' | 'removal' {
  if (grade !== 'unqualified') return 'none';
  const limit = failuresToRemove(rule);
  if (limit !== undefined && consecutiveFailures >= limit) return 'removal';
  return rule.rectifyBeforeRemoval ? 'rectification' : 'none';
}
