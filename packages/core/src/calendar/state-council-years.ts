/**
 * The State Council's holiday arrangements as npm `chinese-days` records them, turned
 * into `YearSchedule`s at tenant resolution, so the resolved tenants carry every year
 * the calendar computes with. Build time only: the package builds its tables of
 * 2004–2026 and its lunar tables when imported (~63 M instructions of the API's cold
 * start, see bench/README.md), and the run-time `WorkdayCalendar` reads only the
 * schedules it is given.
 */
import chineseDays from 'chinese-days';
import { addDays, type CalendarDate, weekdayOf } from './shanghai-time.js';
import type { YearSchedule } from './year-schedule.schema.js';

/**
 * The first year the platform computes working days in: its earliest call, Jinan's of
 * 2023 (seed 000). Earlier years stay out of the baked tenants and are refused like any
 * year no schedule covers.
 */
export const FIRST_CALENDAR_YEAR = 2023;

const SOURCE = 'State Council arrangements, as npm chinese-days records them';

/** The package knows a year when it lists any holiday in it (every year has New Year's Day). */
function packageKnows(year: number): boolean {
  return chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

/**
 * One year as the package decides each day: its weekdays off are the holidays, its
 * weekend days worked the make-up working days, which is all a `YearSchedule` says.
 */
function scheduleOf(year: number): YearSchedule {
  const holidays: CalendarDate[] = [];
  const workdays: CalendarDate[] = [];
  for (let day = `${year}-01-01`; day.startsWith(`${year}-`); day = addDays(day, 1)) {
    const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
    const worked = chineseDays.isWorkday(day);
    if (weekend && worked) workdays.push(day);
    if (!weekend && !worked) holidays.push(day);
  }
  return { year, source: SOURCE, holidays, workdays };
}

let known: readonly YearSchedule[] | undefined;

/** Every year from `FIRST_CALENDAR_YEAR` that the package knows, computed once. */
export function stateCouncilYears(): readonly YearSchedule[] {
  if (!known) {
    const years: YearSchedule[] = [];
    for (let year = FIRST_CALENDAR_YEAR; packageKnows(year); year += 1)
      years.push(scheduleOf(year));
    known = years;
  }
  return known;
}
