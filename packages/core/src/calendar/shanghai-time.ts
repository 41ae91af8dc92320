/**
 * Instants and calendar dates in Asia/Shanghai.
 *
 * China has kept UTC+08:00 all year since 1991, with no daylight saving, so a fixed
 * offset is exact for every date this platform handles and needs no time-zone database.
 * Calendar dates are `YYYY-MM-DD` strings: passing `Date` objects to date libraries
 * would make results depend on the process time zone (Lambda runs in UTC).
 */
import { InvalidDateError } from '../errors.js';

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type CalendarDate = string;

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 with an explicit offset: an instant must never be read in local time. */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads an ISO 8601 instant that names its offset; anything else is refused. */
export function parseInstant(iso: string): Date {
  const date = new Date(iso);
  if (!INSTANT_PATTERN.test(iso) || Number.isNaN(date.getTime())) throw new InvalidDateError(iso);
  return date;
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function assertCalendarDate(value: string): void {
  if (!isCalendarDate(value)) throw new InvalidDateError(value);
}

/** The calendar date in Shanghai on which `instant` falls. */
export function shanghaiDateOf(instant: Date): CalendarDate {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 in Shanghai at the start of `date`. */
export function startOfShanghaiDay(date: CalendarDate): Date {
  assertCalendarDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/**
 * "By D 24:00" as an exclusive instant: 00:00 on the following day. A notice's
 * `2024年1月31日24:00前` is 2024-02-01T00:00+08:00; anything strictly before it is in time.
 */
export function endOfShanghaiDay(date: CalendarDate): Date {
  return new Date(startOfShanghaiDay(date).getTime() + DAY_MS);
}

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  assertCalendarDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  assertCalendarDate(date);
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * An instant written in Shanghai's offset, as API answers show it; with `milliseconds`
 * it keeps them (history events, whose order and hashes depend on the exact instant).
 */
export function formatShanghai(instant: Date, options: { milliseconds?: boolean } = {}): string {
  const local = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return `${local.slice(0, options.milliseconds ? 23 : 19)}+08:00`;
}

/**
 * A deadline as a notice writes it, in Beijing time: an instant at midnight is "24:00"
 * of the day before (`2024-02-01T00:00+08:00` → `2024-01-31 24:00`), others
 * `YYYY-MM-DD HH:mm`.
 */
export function formatDeadline(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS).toISOString();
  const date = local.slice(0, 10);
  const time = local.slice(11, 16);
  if (time === '00:00' && local.slice(16, 23) === ':00.000') return `${addDays(date, -1)} 24:00`;
  return `${date} ${time}`;
}
