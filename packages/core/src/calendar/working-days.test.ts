import { describe, expect, it } from 'vitest';
import { CalendarYearUnknownError } from '../errors.js';
import { FIRST_CALENDAR_YEAR, stateCouncilYears } from './state-council-years.js';
import { WorkdayCalendar } from './working-days.js';
import type { YearSchedule } from './year-schedule.schema.js';

// The years a resolved tenant carries when it configures none.
const calendar = new WorkdayCalendar(stateCouncilYears());

describe('WorkdayCalendar on the State Council calendar', () => {
  it('ends 5 working days after Thu 2024-02-08 at 24:00 on 2024-02-21 (Spring Festival)', () => {
    expect(calendar.nthWorkdayAfter('2024-02-08', 5)).toBe('2024-02-21');
    expect(calendar.endOfWorkdayPeriod('2024-02-08', 5).toISOString()).toBe(
      '2024-02-21T16:00:00.000Z',
    );
  });

  it('counts the make-up Sunday 2024-02-18 and skips the festival days', () => {
    expect(calendar.isWorkday('2024-02-18')).toBe(true);
    for (const day of ['2024-02-10', '2024-02-12', '2024-02-16', '2024-02-17']) {
      expect(calendar.isWorkday(day), day).toBe(false);
    }
  });

  it('follows National Day 2025: Oct 1–8 off, Sun 9-28 and Sat 10-11 worked', () => {
    expect(calendar.isWorkday('2025-09-28')).toBe(true);
    expect(calendar.isWorkday('2025-10-08')).toBe(false);
    expect(calendar.isWorkday('2025-10-11')).toBe(true);
    expect(calendar.nthWorkdayAfter('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('follows National Day 2026: Oct 1–7 off, the make-up Saturday 2026-10-10 is a working day', () => {
    expect(calendar.isWorkday('2026-10-07')).toBe(false);
    expect(calendar.isWorkday('2026-10-10')).toBe(true);
    expect(calendar.nthWorkdayAfter('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('refuses a date in 2027 while no 2027 schedule is configured', () => {
    expect(() => calendar.isWorkday('2027-01-04')).toThrow(CalendarYearUnknownError);
    expect(() => calendar.nthWorkdayAfter('2026-12-30', 5)).toThrow(/2027/);
  });

  it("refuses a year before the platform's first, though the package knows it", () => {
    expect(() => calendar.isWorkday(`${FIRST_CALENDAR_YEAR - 1}-06-01`)).toThrow(
      CalendarYearUnknownError,
    );
  });

  it('knows no year it is not given: it never falls back on the package', () => {
    expect(() => new WorkdayCalendar([]).isWorkday('2025-10-01')).toThrow(CalendarYearUnknownError);
  });

  it("lets a configured year replace the package's (a later schedule for a year wins)", () => {
    const corrected: YearSchedule = {
      year: 2025,
      source: 'test fixture',
      holidays: ['2025-10-09'],
      workdays: [],
    };
    const configured = new WorkdayCalendar([...stateCouncilYears(), corrected]);
    expect(configured.isWorkday('2025-10-09')).toBe(false);
    // The package's National Day is gone with its year: 2025-10-01 is a plain Wednesday.
    expect(configured.isWorkday('2025-10-01')).toBe(true);
  });

  it('follows a configured 2027 schedule once it is supplied', () => {
    // A fixture shaped like a State Council arrangement; not the real 2027 one.
    const fixture: YearSchedule = {
      year: 2027,
      source: 'test fixture',
      holidays: ['2027-01-01', '2027-01-04'],
      workdays: ['2027-01-09'],
    };
    const configured = new WorkdayCalendar([fixture]);
    expect(configured.isWorkday('2027-01-01')).toBe(false);
    expect(configured.isWorkday('2027-01-04')).toBe(false);
    expect(configured.isWorkday('2027-01-05')).toBe(true);
    expect(configured.isWorkday('2027-01-09')).toBe(true);
    expect(configured.isWorkday('2027-01-10')).toBe(false);
    // Thu 2026-12-31 → Tue 01-05, Wed 01-06, Thu 01-07, Fri 01-08, Sat 01-09 (make-up).
    expect(configured.nthWorkdayAfter('2026-12-31', 5)).toBe('2027-01-09');
  });

  it('rejects a non-positive count', () => {
    expect(() => calendar.nthWorkdayAfter('2024-02-08', 0)).toThrow(RangeError);
  });
});
