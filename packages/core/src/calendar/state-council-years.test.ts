import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays } from './shanghai-time.js';
import { FIRST_CALENDAR_YEAR, stateCouncilYears } from './state-council-years.js';
import { WorkdayCalendar } from './working-days.js';

describe('stateCouncilYears', () => {
  it('takes every year the package knows from the first, and stops at the first it does not', () => {
    const years = stateCouncilYears().map((s) => s.year);
    expect(years[0]).toBe(FIRST_CALENDAR_YEAR);
    expect(years).toEqual(years.map((_, i) => FIRST_CALENDAR_YEAR + i));
    // chinese-days 1.5.7 knows 2004–2026 and treats 2027's weekdays as working days.
    expect(years.at(-1)).toBe(2026);
  });

  it('decides every day of those years as the package does', () => {
    const calendar = new WorkdayCalendar(stateCouncilYears());
    for (const { year } of stateCouncilYears()) {
      for (let day = `${year}-01-01`; day.startsWith(`${year}-`); day = addDays(day, 1)) {
        if (calendar.isWorkday(day) !== chineseDays.isWorkday(day)) expect.fail(day);
      }
    }
  });
});
