/**
 * The instants supervision computes from a rule: when a rectification is due, until
 * when a ban runs, until when an appeal may be lodged. All in Asia/Shanghai, all
 * exclusive ("by D 24:00" is 00:00 of the next day).
 */
import {
  addDays,
  type CalendarDate,
  endOfShanghaiDay,
  shanghaiDateOf,
  startOfShanghaiDay,
} from '../calendar/shanghai-time.js';
import { WorkdayCalendar } from '../calendar/working-days.js';
import type { ResolvedTenant } from '../tenant/resolve-tenants.js';
import type { RuleOf } from './supervision-rules.js';

/** A period of days counted from the day after `from`: its exclusive end, 24:00 of the last day. */
export function endOfPeriod(
  tenant: Pick<ResolvedTenant, 'workCalendar'>,
  from: Date,
  period: { days: number; calendar: 'natural' | 'working' },
): Date {
  const today = shanghaiDateOf(from);
  return period.calendar === 'natural'
    ? endOfShanghaiDay(addDays(today, period.days))
    : new WorkdayCalendar(tenant.workCalendar).endOfWorkdayPeriod(today, period.days);
}

/** The same calendar date `years` later (29 February becomes 1 March). */
function addYears(date: CalendarDate, years: number): CalendarDate {
  const year = Number(date.slice(0, 4)) + years;
  return date.slice(5) === '02-29' && !isLeap(year) ? `${year}-03-01` : `${year}${date.slice(4)}`;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The first instant a ban no longer holds. With `includesCurrentYear`, the year of the
 * finding and the `years` after it (001 §五(一): 当年及未来三年), so 00:00 on 1 January of
 * the year after the last; otherwise `years` from the day of the finding (003 第二十一条:
 * 撤销后三年内), so 00:00 of the same date `years` later.
 */
export function banUntil(rule: RuleOf<'ban'>, at: Date): Date {
  const today = shanghaiDateOf(at);
  if (rule.includesCurrentYear) {
    const lastYear = Number(today.slice(0, 4)) + rule.years;
    return startOfShanghaiDay(`${lastYear + 1}-01-01`);
  }
  return startOfShanghaiDay(addYears(today, rule.years));
}
