/**
 * When a stage's work is due, from its configuration: a fixed date, a day of the month
 * after submission (rolling calls), or a number of natural or working days.
 */
import {
  addDays,
  type Due,
  endOfShanghaiDay,
  shanghaiDateOf,
  WorkdayCalendar,
  type YearSchedule,
} from '@sme/core';

export function dueAt(
  due: Due | undefined,
  context: { now: Date; submittedAt?: string | undefined; workCalendar: readonly YearSchedule[] },
): Date | undefined {
  if (!due) return undefined;
  const today = shanghaiDateOf(context.now);
  switch (due.kind) {
    case 'date':
      return endOfShanghaiDay(due.by);
    case 'monthly': {
      // A month's applications are due by day N of the next month (seed 001 §三(三)).
      const submitted = shanghaiDateOf(
        context.submittedAt ? new Date(context.submittedAt) : context.now,
      );
      const [year, month] = submitted.split('-').map(Number) as [number, number];
      const next =
        month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
      return endOfShanghaiDay(`${next}-${String(due.dayOfMonth).padStart(2, '0')}`);
    }
    case 'days':
      return due.calendar === 'natural'
        ? endOfShanghaiDay(addDays(today, due.days))
        : new WorkdayCalendar(context.workCalendar).endOfWorkdayPeriod(today, due.days);
  }
}
