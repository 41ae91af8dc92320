/**
 * Working days by the State Council calendar: weekends off, public holidays off,
 * make-up working days (调休) on.
 *
 * The calendar knows the years it is given: a resolved tenant's `workCalendar`, which
 * holds the years npm `chinese-days` knows (`stateCouncilYears`, taken at tenant
 * resolution) under those the tenant configures. A year known to neither is refused:
 * the package silently treats every weekday of an unknown year as a working day, and a
 * publicity period computed that way would end on a holiday.
 */
import { CalendarYearUnknownError } from '../errors.js';
import { addDays, type CalendarDate, endOfShanghaiDay, weekdayOf } from './shanghai-time.js';
import type { YearSchedule } from './year-schedule.schema.js';

interface YearRule {
  isWorkday(date: CalendarDate): boolean;
}

function scheduleRule(schedule: YearSchedule): YearRule {
  const holidays = new Set(schedule.holidays);
  const workdays = new Set(schedule.workdays);
  return {
    isWorkday(date) {
      if (workdays.has(date)) return true;
      if (holidays.has(date)) return false;
      const weekday = weekdayOf(date);
      return weekday !== 0 && weekday !== 6;
    },
  };
}

export class WorkdayCalendar {
  private readonly schedules = new Map<number, YearSchedule>();
  private readonly rules = new Map<number, YearRule>();

  /**
   * @param schedules the years it knows, one schedule each (a later one for the same
   * year wins); a request constructs one, so each year's sets are built on first use.
   */
  constructor(schedules: readonly YearSchedule[]) {
    for (const schedule of schedules) this.schedules.set(schedule.year, schedule);
  }

  private ruleFor(date: CalendarDate): YearRule {
    const year = Number(date.slice(0, 4));
    const known = this.rules.get(year);
    if (known) return known;
    const schedule = this.schedules.get(year);
    if (!schedule) throw new CalendarYearUnknownError(year);
    const rule = scheduleRule(schedule);
    this.rules.set(year, rule);
    return rule;
  }

  /** Whether people work on `date`; throws `CalendarYearUnknownError` for an unknown year. */
  isWorkday(date: CalendarDate): boolean {
    return this.ruleFor(date).isWorkday(date);
  }

  /** The Nth working day after `date`, counting from the next day (N ≥ 1). */
  nthWorkdayAfter(date: CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`n must be a positive integer, got ${n}`);
    let day = date;
    let counted = 0;
    while (counted < n) {
      day = addDays(day, 1);
      if (this.isWorkday(day)) counted += 1;
    }
    return day;
  }

  /**
   * The end of a period of N working days that starts on the first working day after
   * `date`, as the exclusive instant 24:00 of the Nth working day (publicity periods).
   */
  endOfWorkdayPeriod(date: CalendarDate, workingDays: number): Date {
    return endOfShanghaiDay(this.nthWorkdayAfter(date, workingDays));
  }
}
