/**
 * Working days by the State Council calendar: weekends off, public holidays off,
 * make-up working days (调休) on.
 *
 * Years come from `chinese-days` or from configured schedules. A year known to neither
 * is refused: the package silently treats every weekday of an unknown year as a working
 * day, and a publicity period computed that way would end on a holiday.
 */
import chineseDays from 'chinese-days';
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

/** The package knows a year when it lists any holiday in it (every year has New Year's Day). */
function packageKnows(year: number): boolean {
  return chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

const packageRule: YearRule = { isWorkday: (date) => chineseDays.isWorkday(date) };

export class WorkdayCalendar {
  private readonly rules = new Map<number, YearRule>();

  /** @param schedules configured years; they take precedence over the package's data. */
  constructor(schedules: readonly YearSchedule[] = []) {
    for (const schedule of schedules) this.rules.set(schedule.year, scheduleRule(schedule));
  }

  private ruleFor(date: CalendarDate): YearRule {
    const year = Number(date.slice(0, 4));
    const configured = this.rules.get(year);
    if (configured) return configured;
    if (!packageKnows(year)) throw new CalendarYearUnknownError(year);
    this.rules.set(year, packageRule);
    return packageRule;
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
