import { z } from 'zod';
import { isCalendarDate } from './shanghai-time.js';

const calendarDate = z.string().refine(isCalendarDate, { message: 'expected a date YYYY-MM-DD' });

/**
 * One year of the State Council's holiday arrangement, as it publishes it each winter:
 * the days off (holidays, including weekdays given in lieu) and the make-up working days
 * (调休上班, usually weekend days). Supplied as configuration for a year the calendar
 * package does not know yet, or to correct one it does.
 */
export const YearScheduleSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Where the arrangement was published, e.g. 国办发明电〔2026〕N号. */
    source: z.string().min(1),
    holidays: z.array(calendarDate).min(1),
    workdays: z.array(calendarDate),
  })
  .superRefine((schedule, ctx) => {
    for (const key of ['holidays', 'workdays'] as const) {
      schedule[key].forEach((date, index) => {
        if (!date.startsWith(`${schedule.year}-`)) {
          ctx.addIssue({
            code: 'custom',
            path: [key, index],
            message: `date ${date} is not in ${schedule.year}`,
          });
        }
      });
    }
  });

export type YearSchedule = z.infer<typeof YearScheduleSchema>;
